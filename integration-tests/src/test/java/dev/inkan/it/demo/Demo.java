package dev.inkan.it.demo;

import dev.inkan.authres.AuthenticationResults;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.it.harness.ConfExample;
import dev.inkan.it.harness.DkimZone;
import dev.inkan.it.harness.HeaderFields;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.Mailboxes;
import dev.inkan.it.harness.RunningJames;
import dev.inkan.it.harness.Submit;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * What ./demo.sh runs: two real James 3.8.1 servers in one JVM. "outbound" runs conf-examples/signing-relay
 * and relays over real SMTP to "inbound", which runs conf-examples/verifying-inbound and delivers to a
 * mailbox. The signing key is made at start and published in a zone file that the inbound DkimVerify
 * reads: no network is needed. Sends one sample message, prints its header as the recipient sees it, then
 * (without --once) stays up for the user's own mail until Ctrl-C.
 */
public final class Demo {

    static final String ALICE = "alice@example.com";
    static final String BOB = "bob@example.net";
    static final String AUTHSERV = "mx.example.net";

    private static final PrintStream OUT = System.out;

    private Demo() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.err.println("Demo FAILED: " + e);
            System.exit(1); // James's threads would keep the JVM alive
        }
    }

    private static void run(String[] args) throws Exception {
        // Quiet James's start-up chatter; keep Inkan's warnings (demo-logback.xml is a test resource)
        System.setProperty("logback.configurationFile", "demo-logback.xml");
        boolean once = List.of(args).contains("--once");
        Path work = Files.createTempDirectory("inkan-demo-");
        List<RunningJames> servers = new CopyOnWriteArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            servers.forEach(RunningJames::close);
            deleteQuietly(work);
        }));

        OUT.println("Inkan demo: two Apache James 3.8.1 servers in this JVM (working files in " + work + ")");
        OUT.println("Generating an RSA-2048 DKIM key for example.com (selector mail2025) and its zone file ...");
        Path site = work.resolve("etc-james-inkan");
        SigningKey key = new SigningKeyGenerator(new SecureRandom()).rsa(2048);
        DkimZone.writeKey(key, site.resolve("keys/example.com/mail2025.private"));
        Path zone = new DkimZone().publish("mail2025", "example.com", key).writeZoneFile(work.resolve("dns.zone"));

        OUT.println("Starting \"inbound\" (conf-examples/verifying-inbound) ...");
        JamesConf inboundConf = JamesConf.in(work.resolve("inbound"));
        ConfExample.load("verifying-inbound").dnsZoneFile(zone).installInto(inboundConf, site);
        RunningJames inbound = RunningJames.start(inboundConf);
        servers.add(inbound);
        inbound.user(BOB);

        OUT.println("Starting \"outbound\" (conf-examples/signing-relay), relaying to inbound's SMTP port ...");
        JamesConf outboundConf = JamesConf.in(work.resolve("outbound")).jmxSuffix("outbound");
        // withoutJmx: both servers share this JVM's MBean server, where their processors' names would clash
        ConfExample.load("signing-relay").siteRoot(site).remoteDeliveryTo(inbound.smtpPort()).withoutJmx()
                .installInto(outboundConf, site);
        RunningJames outbound = RunningJames.start(outboundConf);
        servers.add(0, outbound);
        outbound.user(ALICE);

        OUT.println();
        OUT.println("  outbound  SMTP 127.0.0.1:" + outbound.smtpPort() + "   user " + ALICE + " / " + Mailboxes.PASSWORD
                + "   DkimSign d=example.com s=mail2025");
        OUT.println("  inbound   SMTP 127.0.0.1:" + inbound.smtpPort() + "   IMAP 127.0.0.1:" + inbound.imapPort()
                + "   user " + BOB + " / " + Mailboxes.PASSWORD + "   DkimVerify authserv-id " + AUTHSERV);
        OUT.println("  DNS       " + zone + " (read by inbound's DkimVerify; no network)");
        OUT.println();

        Mailboxes bobsMail = new Mailboxes(inbound.imapPort());
        OUT.println("Sending a sample message " + ALICE + " -> " + BOB + " (SMTP AUTH on outbound) ...");
        new Submit(outbound.smtpPort()).authenticated(ALICE, BOB, sample());
        String headers = bobsMail.awaitOne(BOB, "INBOX");
        OUT.println("Delivered to " + BOB + "'s INBOX on inbound. The header as Bob's mail client sees it:");
        OUT.println("----------------------------------------------------------------------");
        OUT.print(headers);
        OUT.println("----------------------------------------------------------------------");
        boolean passed = summarize(headers);

        if (once) {
            OUT.println(passed ? "Demo OK: signed on outbound, sent over SMTP, dkim=pass on inbound."
                    : "Demo FAILED: the sample message did not get dkim=pass.");
            System.exit(passed ? 0 : 1);
        }
        printHowTo(outbound, inbound);
        watch(bobsMail, 1);
    }

    private static byte[] sample() {
        String date = ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME);
        return ("From: Alice <" + ALICE + ">\r\n"
                + "To: Bob <" + BOB + ">\r\n"
                + "Subject: Hello from the Inkan demo\r\n"
                + "Date: " + date + "\r\n"
                + "Message-ID: <demo-" + System.currentTimeMillis() + "@example.com>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + "Hi Bob,\r\n\r\nthis message was DKIM-signed by James with Inkan — 印鑑, a seal.\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Prints the DKIM results of one delivered message; true when every one is a pass. */
    private static boolean summarize(String headers) {
        List<String> signatures = HeaderFields.values(headers, "DKIM-Signature");
        List<AuthenticationResults> ours = HeaderFields.authResults(headers, AUTHSERV);
        OUT.println("  DKIM-Signature fields: " + signatures.size());
        boolean passed = !ours.isEmpty() && !ours.get(0).results().isEmpty();
        for (AuthenticationResults ar : ours) {
            for (var r : ar.results()) {
                OUT.println("  " + AUTHSERV + " says: dkim=" + r.result()
                        + r.property("header", "d").map(d -> " header.d=" + d).orElse("")
                        + r.property("header", "s").map(s -> " header.s=" + s).orElse("")
                        + (r.comment() != null ? " (" + r.comment() + ")" : ""));
                passed &= "pass".equals(r.result());
            }
        }
        return passed;
    }

    private static void printHowTo(RunningJames outbound, RunningJames inbound) {
        String message = "From: " + ALICE + "\\r\\nTo: " + BOB + "\\r\\nSubject: my own test\\r\\n\\r\\nHello Bob!\\r\\n";
        OUT.println();
        OUT.println("The servers stay up until Ctrl-C. Send your own mail through outbound (it gets signed):");
        OUT.println();
        OUT.println("  printf '" + message + "' | curl -s smtp://127.0.0.1:" + outbound.smtpPort()
                + " --user '" + ALICE + ":" + Mailboxes.PASSWORD + "' --mail-from " + ALICE + " --mail-rcpt " + BOB + " -T -");
        OUT.println();
        OUT.println("  python3 -c 'import smtplib; s = smtplib.SMTP(\"127.0.0.1\", " + outbound.smtpPort() + "); s.login(\""
                + ALICE + "\", \"" + Mailboxes.PASSWORD + "\"); s.sendmail(\"" + ALICE + "\", [\"" + BOB + "\"], \""
                + message + "\"); s.quit()'");
        OUT.println();
        OUT.println("or straight to inbound, unsigned or signed by anyone (expect dkim=none or fail):");
        OUT.println();
        OUT.println("  printf '" + message.replace(ALICE, "someone@elsewhere.example") + "' | curl -s smtp://127.0.0.1:"
                + inbound.smtpPort() + " --mail-from someone@elsewhere.example --mail-rcpt " + BOB + " -T -");
        OUT.println();
        OUT.println("Read Bob's mail (message 1 is the sample):");
        OUT.println();
        OUT.println("  curl -s --user '" + BOB + ":" + Mailboxes.PASSWORD + "' 'imap://127.0.0.1:" + inbound.imapPort()
                + "/INBOX;MAILINDEX=1;SECTION=HEADER'");
        OUT.println();
        OUT.println("New messages in Bob's INBOX are summarized here as they arrive.");
    }

    /** Prints the DKIM results of each new message in Bob's INBOX until the JVM is stopped. */
    private static void watch(Mailboxes bobsMail, int seen) throws InterruptedException {
        int shown = seen;
        CountDownLatch forever = new CountDownLatch(1);
        while (forever.getCount() > 0) {
            try {
                List<String> all = bobsMail.headers(BOB, "INBOX");
                for (int i = shown; i < all.size(); i++) {
                    List<String> subject = HeaderFields.values(all.get(i), "Subject");
                    OUT.println("New message " + (i + 1) + (subject.isEmpty() ? "" : ": " + subject.get(0)));
                    summarize(all.get(i));
                }
                shown = Math.max(shown, all.size());
            } catch (RuntimeException e) {
                OUT.println("(could not read Bob's INBOX: " + e.getMessage() + ")");
            }
            Thread.sleep(2000);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
