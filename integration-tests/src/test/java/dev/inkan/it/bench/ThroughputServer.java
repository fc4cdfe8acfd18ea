package dev.inkan.it.bench;

import dev.inkan.authres.AuthenticationResults;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.dkim.DkimVerdict;
import dev.inkan.dkim.DkimVerifier;
import dev.inkan.dkim.DkimVerifierConfig;
import dev.inkan.it.harness.ConfExample;
import dev.inkan.it.harness.DkimZone;
import dev.inkan.it.harness.FakeDnsServer;
import dev.inkan.it.harness.HeaderFields;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.Mailboxes;
import dev.inkan.it.harness.RunningJames;
import dev.inkan.it.harness.Signers;
import dev.inkan.it.harness.SmtpSink;
import dev.inkan.it.harness.Submit;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One James for {@link JamesThroughputBenchmark}: a conf-example with or without its Inkan mailets, the
 * message it is fed, and how to tell that a message has arrived. Before the benchmark starts, one message
 * goes through and is checked, so no configuration measures something other than it claims (an unsigned
 * relay, a failing verification).
 */
final class ThroughputServer implements AutoCloseable {

    static final String ALICE = "alice@example.com";
    static final String BOB = "bob@example.net";
    static final String ORIGIN = "olga@origin.example";
    static final String RECIPIENT = "bench@example.net";
    static final int MESSAGE_BYTES = 4096;
    /** Setups ending so sign with Ed25519 instead of RSA-2048: the plugin's own cost apart from RSA's. */
    static final String ED25519_SUFFIX = "-ed25519";

    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(120);

    /** The selectors of the hostile domain's ten extra signatures, whose name server never answers. */
    static final int HOSTILE_SIGNATURES = 10;

    private final boolean relay;
    private final Path dir;
    private FakeDnsServer dns;
    /** The reply James gives at the end of DATA: 250, or 451 when SmtpChecks refuses every message for now. */
    private String endOfData = "250";
    private final RunningJames james;
    private final SmtpSink sink;
    private final byte[] message;
    private final AtomicLong sent = new AtomicLong();
    private Mailboxes.FolderWatch inbox;
    private volatile String recipient = RECIPIENT;
    private int recipients;
    private long delivered;

    private ThroughputServer(boolean relay, Path dir, RunningJames james, SmtpSink sink, byte[] message) {
        this.relay = relay;
        this.dir = dir;
        this.james = james;
        this.sink = sink;
        this.message = message;
    }

    /** Starts the server for {@code setup} (see {@link JamesThroughputBenchmark}) and checks one message. */
    static ThroughputServer start(String setup) throws Exception {
        Path dir = Files.createTempDirectory("inkan-throughput-");
        boolean ed25519 = setup.endsWith(ED25519_SUFFIX);
        String base = ed25519 ? setup.substring(0, setup.length() - ED25519_SUFFIX.length()) : setup;
        SigningKeyGenerator generator = new SigningKeyGenerator(new SecureRandom());
        SigningKey key = ed25519 ? generator.ed25519() : generator.rsa(2048);
        JamesConf conf = JamesConf.in(dir.resolve("james"));
        Path site = dir.resolve("site");
        ThroughputServer server;
        switch (base) {
            case "relay", "relay-DkimSign" -> {
                DkimZone.writeKey(key, site.resolve("keys/example.com/mail2025.private"));
                SmtpSink sink = SmtpSink.start(true);
                ConfExample example = ConfExample.load("signing-relay").siteRoot(site).remoteDeliveryTo(sink.port());
                if (setup.equals("relay")) {
                    example.withoutInkanMailets();
                }
                example.installInto(conf, site);
                RunningJames james = RunningJames.start(conf).user(ALICE);
                server = new ThroughputServer(true, dir, james, sink, message(ALICE, BOB, "<bench@example.com>"));
                server.checkRelay(base.equals("relay-DkimSign"), new DkimZone().publish("mail2025", "example.com", key));
            }
            case "inbound", "inbound-DkimVerify" -> {
                DkimZone zone = new DkimZone().publish("sel", "origin.example", key);
                ConfExample example = ConfExample.load("verifying-inbound").dnsZoneFile(zone.writeZoneFile(site.resolve("dns.zone")));
                if (setup.equals("inbound")) {
                    example.withoutInkanMailets();
                }
                example.installInto(conf, site);
                RunningJames james = RunningJames.start(conf).domain("example.net");
                byte[] signed = Signers.inkan(message(ORIGIN, RECIPIENT, "<bench@origin.example>"), key, "origin.example", "sel");
                server = new ThroughputServer(false, dir, james, null, signed);
                server.nextRecipient();
                server.checkInbound(base.equals("inbound-DkimVerify"));
            }
            case "chain", "chain-alone", "chain-alone-header", "chain-alone-mailets", "chain-dns-silent", "chain-hostile", "chain-recording",
                    "chain-no-received-spf", "chain-alone-fields", "chain-one-pass" ->
                    server = chain(setup, key, conf, site, dir);
            case "session", "session-alone", "session-dns-silent", "session-dns-silent-tempfail" ->
                    server = session(setup, key, conf, site, dir);
            default -> throw new IllegalArgumentException("unknown setup '" + setup
                    + "': relay, relay-DkimSign, inbound, inbound-DkimVerify (the last two also with -ed25519),"
                    + " chain, chain-alone, chain-alone-header, chain-alone-mailets, chain-dns-silent, chain-hostile, chain-recording,"
                    + " chain-no-received-spf, chain-alone-fields, chain-one-pass, session, session-alone,"
                    + " session-dns-silent,"
                    + " session-dns-silent-tempfail");
        }
        return server;
    }

    /**
     * A DNS server on 127.0.0.1 for the inbound setups' sender: origin.example's DKIM key (selector sel), SPF
     * record listing 127.0.0.1 (the benchmark's MTA) and DMARC p=reject.
     */
    private static FakeDnsServer originDns(SigningKey key) throws IOException {
        return new FakeDnsServer(originZone(key));
    }

    /** origin.example's DKIM key (selector sel), SPF record listing 127.0.0.1 and DMARC p=reject. */
    static DkimZone originZone(SigningKey key) {
        return new DkimZone().publish("sel", "origin.example", key)
                .txt("origin.example", "v=spf1 ip4:127.0.0.1 -all")
                .txt("_dmarc.origin.example", "v=DMARC1; p=reject");
    }

    /**
     * The two fields the chain writes into the benchmark's message (its Authentication-Results and Received-SPF as
     * MailetChainBenchmark shows them, 2026-12-07), unfolded: the same text within the 20-odd bytes of folding.
     * {@code header.b} differs with each run's key, never its length.
     */
    static final List<String[]> CHAIN_FIELDS = List.of(
            new String[] {"Authentication-Results", "mx.example.net; dkim=pass header.d=origin.example header.s=sel"
                    + " header.a=rsa-sha256 header.b=b9ItkAfN; spf=pass (domain of olga@origin.example designates"
                    + " 127.0.0.1 as permitted sender) smtp.mailfrom=origin.example; arc=none smtp.remote-ip=127.0.0.1;"
                    + " dmarc=pass (p=reject dis=none) header.from=origin.example policy.dmarc=none"},
            new String[] {"Received-SPF", "pass (mx.example.net: domain of olga@origin.example designates 127.0.0.1"
                    + " as permitted sender) client-ip=127.0.0.1; envelope-from=\"olga@origin.example\";"
                    + " helo=mta.remote.test; receiver=mx.example.net; identity=mailfrom; mechanism=\"ip4:127.0.0.1\""});

    /**
     * The full inbound chain (conf-examples/dmarc-inbound: DkimVerify, SpfCheck, ArcVerify, DmarcEvaluate) asking
     * a real DNS server on 127.0.0.1 through {@code dnsServers}, as an operator configures it:
     * <ul>
     *   <li>{@code chain}: the server answers (DKIM key, SPF, DMARC p=reject for origin.example);</li>
     *   <li>{@code chain-alone}: the same James without any Inkan mailet;</li>
     *   <li>{@code chain-alone-header}: that James with one header added to every mail by James's own
     *       SetMimeHeader, the least any authentication plugin does (James then writes a modified message);</li>
     *   <li>{@code chain-alone-mailets}: James alone with, in place of each Inkan mailet, James's own SetMimeHeader on
     *       the same matcher adding one Authentication-Results field (what James does for any four checking mailets:
     *       the matcher evaluated and the mailet run four times, a modified message kept);</li>
     *   <li>{@code chain-dns-silent}: the server never answers (a resolver outage from the start, so no cache);</li>
     *   <li>{@code chain-hostile}: the server answers, but each message also carries {@value #HOSTILE_SIGNATURES}
     *       signatures of hostile.example whose selectors' name server never answers;</li>
     *   <li>{@code chain-recording}: {@code chain} with DmarcEvaluate recording every evaluation for aggregate
     *       reports ({@code dmarcStore}, an embedded H2 file): the recording path's cost;</li>
     *   <li>{@code chain-no-received-spf}: {@code chain} with SpfCheck's {@code addReceivedSpf=false}: the message
     *       James delivers has one field (about 300 bytes) less, which shows what the header's size costs James;</li>
     *   <li>{@code chain-alone-fields}: James alone with, in place of DkimVerify and SpfCheck, James's own SetMimeHeader
     *       adding the two fields the chain writes into this message ({@link #CHAIN_FIELDS}, unfolded), and nothing in
     *       place of ArcVerify and DmarcEvaluate: James's own work for the mail the chain hands it, without any of
     *       Inkan's code;</li>
     *   <li>{@code chain-one-pass}: {@code chain} with its four mailets as one Authenticate (the same parameters,
     *       {@link ConfExample#withChainAsAuthenticate}): the same checks and results, the message read once.</li>
     * </ul>
     */
    private static ThroughputServer chain(String setup, SigningKey key, JamesConf conf, Path site, Path dir)
            throws Exception {
        FakeDnsServer dns = originDns(key);
        ConfExample example = ConfExample.load("dmarc-inbound").dnsServer(dns.port()).skipNetworks("::1");
        if (setup.equals("chain-alone-mailets")) {
            example.withInkanMailetsAsJamesHeaders();
        } else if (setup.equals("chain-alone-fields")) {
            example.withInkanMailetsAsJamesFields(CHAIN_FIELDS);
        } else if (setup.startsWith("chain-alone")) {
            example.withoutInkanMailets();
        }
        if (setup.equals("chain-recording")) {
            example.changed("<authservId>mx.example.net</authservId>\n                <trustedArcSealers>",
                    "<authservId>mx.example.net</authservId>\n                <dmarcStore>jdbc:h2:file:"
                            + dir.resolve("dmarc-reports") + "</dmarcStore>\n                <trustedArcSealers>");
        }
        if (setup.equals("chain-one-pass")) {
            example.withChainAsAuthenticate();
        }
        if (setup.equals("chain-no-received-spf")) {
            example.changed("<skipNetworks>::1</skipNetworks>",
                    "<skipNetworks>::1</skipNetworks>\n                <addReceivedSpf>false</addReceivedSpf>");
        }
        if (setup.equals("chain-alone-header")) {
            // the least any authentication plugin does: one header added to every mail
            example.withMailetFirstInRoot("<mailet match=\"All\" class=\"SetMimeHeader\"><name>"
                    + "Authentication-Results</name><value>mx.example.net; spf=none</value></mailet>");
        }
        example.installInto(conf, site);
        RunningJames james = RunningJames.start(conf).domain("example.net");
        byte[] message = Signers.inkan(message(ORIGIN, RECIPIENT, "<bench@origin.example>"), key, "origin.example", "sel");
        List<String> expected = List.of("dkim=pass", "spf=pass", "arc=none", "dmarc=pass");
        if (setup.equals("chain-hostile")) {
            SigningKey hostile = new SigningKeyGenerator(new SecureRandom()).ed25519();
            for (int i = 0; i < HOSTILE_SIGNATURES; i++) {
                dns.silentFor("s" + i + "._domainkey.hostile.example");
                message = Signers.inkan(message, hostile, "hostile.example", "s" + i);
            }
            // the ten hostile signatures are on top, origin.example's (the author's) at the bottom: the author's
            // is checked first (dkim=pass), then nine hostile ones, whose key queries time out; the tenth is
            // beyond maxSignatures (dkim=policy)
            List<String> withHostile = new java.util.ArrayList<>();
            for (int i = 0; i < HOSTILE_SIGNATURES - 1; i++) {
                withHostile.add("dkim=temperror");
            }
            withHostile.addAll(List.of("dkim=policy", "dkim=pass", "spf=pass", "arc=none", "dmarc=pass"));
            expected = withHostile;
        }
        if (setup.equals("chain-dns-silent")) {
            dns.silentForAll();
            expected = List.of("dkim=temperror", "spf=temperror", "arc=none", "dmarc=temperror");
        }
        if (setup.equals("chain-alone")) {
            expected = List.of();
        }
        if (setup.equals("chain-alone-header")) {
            expected = List.of("spf=none");
        }
        if (setup.equals("chain-alone-mailets")) {
            expected = List.of("spf=none", "spf=none", "spf=none", "spf=none");
        }
        if (setup.equals("chain-alone-fields")) {
            expected = List.of("dkim=pass", "spf=pass", "arc=none", "dmarc=pass");
        }
        ThroughputServer server = new ThroughputServer(false, dir, james, null, message);
        server.dns = dns;
        server.nextRecipient();
        server.checkResults(expected);
        return server;
    }

    /**
     * The checks in the SMTP session (conf-examples/smtp-enforcement: SmtpChecks in smtpserver.xml, no checking
     * mailet), DNS from a real server on 127.0.0.1:
     * <ul>
     *   <li>{@code session}: DNS answers; {@code session-alone}: the same James without SmtpChecks and Inkan's
     *       matchers;</li>
     *   <li>{@code session-dns-silent}: the DNS server never answers, {@code onTemperror=accept}: mail is delivered
     *       with temperrors;</li>
     *   <li>{@code session-dns-silent-tempfail}: the same with {@code onTemperror=tempfail}: every message is
     *       answered 451 at the end of DATA; an operation is then one refused transaction.</li>
     * </ul>
     */
    private static ThroughputServer session(String setup, SigningKey key, JamesConf conf, Path site, Path dir)
            throws Exception {
        FakeDnsServer dns = originDns(key);
        ConfExample example = ConfExample.load("smtp-enforcement");
        if (setup.equals("session-alone")) {
            example.withoutInkanMailets();
        } else {
            String handler = example.smtpChecksHandler()
                    .replace("<skipNetworks>127.0.0.0/8, ::1</skipNetworks>", "<skipNetworks>::1</skipNetworks>")
                    .replace("</authservId>", "</authservId><dnsServers>127.0.0.1:" + dns.port() + "</dnsServers>");
            if (setup.endsWith("-tempfail")) {
                handler = handler.replace("<onTemperror>accept</onTemperror>", "<onTemperror>tempfail</onTemperror>");
            }
            conf.smtpHandler(handler);
        }
        example.installInto(conf, site);
        RunningJames james = RunningJames.start(conf).domain("example.net");
        byte[] message = Signers.inkan(message(ORIGIN, RECIPIENT, "<bench@origin.example>"), key, "origin.example", "sel");
        ThroughputServer server = new ThroughputServer(false, dir, james, null, message);
        server.dns = dns;
        server.nextRecipient();
        if (setup.contains("dns-silent")) {
            dns.silentForAll();
        }
        switch (setup) {
            case "session" -> server.checkResults(List.of("spf=pass", "dkim=pass", "arc=none", "dmarc=pass"));
            case "session-alone" -> server.checkResults(List.of());
            case "session-dns-silent" -> server.checkResults(
                    List.of("spf=temperror", "dkim=temperror", "arc=none", "dmarc=temperror"));
            default -> {
                server.endOfData = "451";
                try (Submit.Session session = server.openSession()) {
                    server.send(session); // throws unless James answers 451
                }
            }
        }
        return server;
    }

    /**
     * Inbound: from now on mail goes to an empty mailbox; the last one is emptied. James 3.8.1's memory store gets
     * slower as it grows: as a folder grows (one INBOX of the inbound setup fell from ~75-100 to ~40 messages/s within
     * 30 s), and as the whole store grows, for it scans every mailbox and every stored message for each message it
     * delivers (InMemoryMessageIdMapper, SimpleMessageSearchIndex: 42% of James alone's CPU samples in a JFR
     * recording, throughput falling from ~380 to ~270 messages/s within one run while every invocation had a new
     * recipient). That would measure the memory store, not the mail path: two recipients take turns, and the one
     * whose turn ends is expunged, so the store never holds more than two mailboxes and about {@value
     * JamesThroughputBenchmark#MESSAGES} messages. Relay: nothing to do.
     */
    void nextRecipient() throws Exception {
        if (relay) {
            return;
        }
        if (inbox != null) {
            inbox.expungeAll();
            inbox.close();
        }
        String user = "bench" + (recipients++ % 2 + 1) + "@example.net";
        if (recipients <= 2) {
            james.user(user);
        }
        inbox = new Mailboxes(james.imapPort()).watch(user, "INBOX");
        if (inbox.messages() != 0) {
            throw new IllegalStateException(user + "'s INBOX was not emptied: " + inbox.messages() + " messages");
        }
        recipient = user;
        delivered = sent.get();
    }

    /** A new SMTP connection: authenticated as Alice for the relay, an unauthenticated MTA inbound. */
    Submit.Session openSession() throws IOException {
        Submit submit = new Submit(james.smtpPort());
        return relay ? submit.open("client.test", ALICE) : submit.open("mta.remote.test", null);
    }

    /** One transaction on {@code session}. */
    void send(Submit.Session session) throws IOException {
        if (relay) {
            session.send(ALICE, List.of(BOB), message);
        } else {
            session.send(ORIGIN, List.of(recipient), message, endOfData);
        }
        sent.incrementAndGet();
    }

    /** Messages sent so far (the setup check's included). */
    long sent() {
        return sent.get();
    }

    /** Waits until {@code count} messages have arrived at the sink or in the mailbox. */
    void awaitArrived(long count) throws Exception {
        if (!endOfData.equals("250")) {
            return; // refused in the session: nothing arrives, the reply was the operation
        }
        if (relay) {
            if (!sink.awaitCount(count, ARRIVAL_TIMEOUT)) {
                throw new IllegalStateException("the sink has " + sink.count() + " of " + count + " messages");
            }
            return;
        }
        if (!inbox.await((int) (count - delivered), ARRIVAL_TIMEOUT)) {
            throw new IllegalStateException(recipient + "'s INBOX has " + inbox.messages() + " of " + (count - delivered)
                    + " messages");
        }
    }

    private void checkRelay(boolean signs, DkimZone zone) throws Exception {
        try (Submit.Session session = openSession()) {
            send(session);
        }
        awaitArrived(sent());
        byte[] wire = sink.received().get(0).data();
        List<DkimVerdict> verdicts = new DkimVerifier(DkimVerifierConfig.builder(zone.resolver()).build())
                .verify(new ByteArrayInputStream(wire));
        if (signs ? verdicts.size() != 1 || !verdicts.get(0).passed() : !verdicts.isEmpty()) {
            throw new IllegalStateException("relay check: expected " + (signs ? "one passing signature" : "no signature")
                    + ", got " + verdicts);
        }
        sink.keepMessages(false); // from now on only counted
    }

    private void checkInbound(boolean verifies) throws Exception {
        try (Submit.Session session = openSession()) {
            send(session);
        }
        awaitArrived(sent());
        String headers = new Mailboxes(james.imapPort()).headers(recipient, "INBOX").get(0);
        List<AuthenticationResults> ar = HeaderFields.authResults(headers, "mx.example.net");
        boolean passed = ar.size() == 1 && ar.get(0).results().size() == 1
                && ar.get(0).results().get(0).result().equals("pass");
        if (verifies ? !passed : !ar.isEmpty()) {
            throw new IllegalStateException("inbound check: expected " + (verifies ? "dkim=pass" : "no Authentication-Results")
                    + ", got\n" + headers);
        }
    }

    /** The first message arrived with exactly {@code expected} ("method=result") in our Authentication-Results. */
    private void checkResults(List<String> expected) throws Exception {
        try (Submit.Session session = openSession()) {
            send(session);
        }
        awaitArrived(sent());
        String headers = new Mailboxes(james.imapPort()).headers(recipient, "INBOX").get(0);
        List<String> found = HeaderFields.authResults(headers, "mx.example.net").stream()
                .flatMap(ar -> ar.results().stream()).map(r -> r.method() + "=" + r.result()).sorted().toList();
        if (!found.equals(expected.stream().sorted().toList())) {
            throw new IllegalStateException("chain check: expected " + expected + ", got " + found + "\n" + headers);
        }
        // the header James delivers, in bytes: what its own work per message grows with (benchmarks/README.md)
        System.out.println(">> results as expected; delivered header " + headers.length() + " bytes");
    }

    /** A plain-text message of exactly {@value #MESSAGE_BYTES} bytes, written as a mail client writes one. */
    static byte[] message(String from, String to, String messageId) {
        StringBuilder text = new StringBuilder()
                .append("From: ").append(from).append("\r\n")
                .append("To: ").append(to).append("\r\n")
                .append("Subject: Quarterly report: figures, notes and the plan for next steps\r\n")
                .append("Date: Sun, 22 Nov 2026 10:00:00 +0000\r\n")
                .append("Message-ID: ").append(messageId).append("\r\n")
                .append("MIME-Version: 1.0\r\n")
                .append("Content-Type: text/plain; charset=us-ascii; format=flowed\r\n")
                .append("Content-Transfer-Encoding: 7bit\r\n")
                .append("\r\n");
        String[] words = ("the team met on tuesday to go through the numbers for the quarter and agreed that the "
                + "report should go out before the end of the month with a short summary on top and the details "
                + "below so that everyone can find what they need").split(" ");
        StringBuilder line = new StringBuilder();
        for (int i = 0; text.length() + line.length() < MESSAGE_BYTES - 120; i++) {
            if (line.length() + words[i % words.length].length() + 1 > 72) {
                text.append(line.toString().stripTrailing()).append("\r\n");
                line.setLength(0);
            }
            line.append(words[i % words.length]).append(' ');
        }
        text.append(line.toString().stripTrailing()).append("\r\n");
        String end = "-- \r\nAlice\r\n";
        int pad = MESSAGE_BYTES - text.length() - end.length() - "Ref: \r\n".length();
        text.append("Ref: ").append("0123456789".repeat(20), 0, pad).append("\r\n").append(end);
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != MESSAGE_BYTES) {
            throw new IllegalStateException("generated " + bytes.length + " bytes, not " + MESSAGE_BYTES);
        }
        return bytes;
    }

    @Override
    public void close() throws Exception {
        try (james) {
            if (inbox != null) {
                inbox.close();
            }
            if (sink != null) {
                sink.close();
            }
            if (dns != null) {
                dns.close();
            }
        }
        deleteTree(dir);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
