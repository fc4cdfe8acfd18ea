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
import dev.inkan.it.harness.Signers;
import dev.inkan.it.harness.Submit;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What ./demo.sh runs: three real James 3.8.1 servers in one JVM, talking SMTP, with DNS answered from a zone file
 * (no network), showing the whole chain in four short results:
 * <ol>
 * <li>outbound DKIM signing: "outbound" (conf-examples/signing-relay) signs alice@example.com's mail and relays it to
 * "inbound" (conf-examples/smtp-enforcement), which checks SPF, DKIM, ARC and DMARC during the SMTP session;
 * <li>the inbound results of that message (spf, dkim, arc, dmarc all pass);
 * <li>an SMTP-time rejection: a message with a spoofed From of example.com (p=reject) sent straight to inbound is
 * refused at the end of DATA with 550, nothing stored and nothing bounced;
 * <li>a forwarded message sealed with ARC: a post to a mailing list, "lists" (conf-examples/arc-forwarding), gets its
 * Subject tagged (which breaks the author's DKIM signature) and an ARC seal; inbound sees dkim=fail but arc=pass from
 * a trusted sealer and delivers it.
 * </ol>
 * Then (without --once) it stays up for the user's own mail until Ctrl-C.
 */
public final class Demo {

    static final String ALICE = "alice@example.com";
    static final String BOB = "bob@example.net";
    static final String AUTHSERV = "mx.example.net";
    static final String LIST = "friends@lists.example.org";

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
        long started = System.nanoTime();
        Path work = Files.createTempDirectory("inkan-demo-");
        List<RunningJames> servers = new CopyOnWriteArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            servers.forEach(RunningJames::close);
            deleteQuietly(work);
        }));

        OUT.println("Inkan demo: three Apache James 3.8.1 servers in this JVM (working files in " + work + ")");
        OUT.println("Generating DKIM keys (RSA-2048) for example.com, lists.example.org and origin.example,"
                + " and their zone file ...");
        Path site = work.resolve("etc-james-inkan");
        SigningKeyGenerator generator = new SigningKeyGenerator(new SecureRandom());
        SigningKey key = generator.rsa(2048);
        SigningKey sealer = generator.rsa(2048);
        SigningKey olgas = generator.rsa(2048);
        DkimZone.writeKey(key, site.resolve("keys/example.com/mail2025.private"));
        DkimZone.writeKey(sealer, site.resolve("keys/lists.example.org/arc2025.private"));
        // every server and "remote MTA" of the demo is on the loopback: outbound and the list send from 127.0.0.1,
        // Olga's own MTA from 127.0.0.2 (only that address is in origin.example's SPF record)
        Path zone = new DkimZone()
                .publish("mail2025", "example.com", key)
                .txt("example.com", "v=spf1 ip4:127.0.0.1 -all")
                .txt("_dmarc.example.com", "v=DMARC1; p=reject")
                .publish("arc2025", "lists.example.org", sealer)
                .txt("lists.example.org", "v=spf1 ip4:127.0.0.1 -all")
                .publish("sel", "origin.example", olgas)
                .txt("origin.example", "v=spf1 ip4:127.0.0.2 ~all")
                .txt("_dmarc.origin.example", "v=DMARC1; p=reject")
                .writeZoneFile(work.resolve("dns.zone"));

        OUT.println("Starting \"inbound\" (conf-examples/smtp-enforcement: SPF, DKIM, ARC, DMARC in the SMTP session) ...");
        ConfExample enforcement = ConfExample.load("smtp-enforcement");
        JamesConf inboundConf = JamesConf.in(work.resolve("inbound")).smtpHandler(inboundHandler(enforcement, zone));
        enforcement.installInto(inboundConf, site);
        RunningJames inbound = RunningJames.start(inboundConf);
        servers.add(inbound);
        inbound.user(BOB);

        OUT.println("Starting \"outbound\" (conf-examples/signing-relay), relaying to inbound ...");
        JamesConf outboundConf = JamesConf.in(work.resolve("outbound")).jmxSuffix("outbound");
        // withoutJmx: the servers share this JVM's MBean server, where their processors' names would clash
        ConfExample.load("signing-relay").siteRoot(site).remoteDeliveryTo(inbound.smtpPort()).withoutJmx()
                .installInto(outboundConf, site);
        RunningJames outbound = RunningJames.start(outboundConf);
        servers.add(0, outbound);
        outbound.user(ALICE);

        OUT.println("Starting \"lists\" (conf-examples/arc-forwarding: the list " + LIST + "), relaying to inbound ...");
        JamesConf listConf = JamesConf.in(work.resolve("lists")).jmxSuffix("lists");
        ConfExample.load("arc-forwarding").siteRoot(site).dnsZoneFile(zone).skipNetworks("::1")
                .remoteDeliveryTo(inbound.smtpPort()).withoutJmx().installInto(listConf, site);
        RunningJames list = RunningJames.start(listConf).domain("lists.example.org");
        servers.add(1, list);
        list.addressMapping("friends", "lists.example.org", BOB);

        OUT.println();
        OUT.println("  outbound  SMTP 127.0.0.1:" + outbound.smtpPort() + "   user " + ALICE + " / " + Mailboxes.PASSWORD
                + "   DkimSign d=example.com s=mail2025");
        OUT.println("  lists     SMTP 127.0.0.1:" + list.smtpPort() + "   " + LIST + " -> " + BOB
                + "   ArcSeal d=lists.example.org s=arc2025");
        OUT.println("  inbound   SMTP 127.0.0.1:" + inbound.smtpPort() + "   IMAP 127.0.0.1:" + inbound.imapPort()
                + "   user " + BOB + " / " + Mailboxes.PASSWORD + "   SmtpChecks authserv-id " + AUTHSERV);
        OUT.println("  DNS       " + zone + " (no network)");
        OUT.println();

        Mailboxes bobsMail = new Mailboxes(inbound.imapPort());
        boolean passed = true;

        OUT.println("1. Outbound signing: " + ALICE + " -> " + BOB + ", submitted to outbound with SMTP AUTH");
        new Submit(outbound.smtpPort()).authenticated(ALICE, BOB, message("Alice <" + ALICE + ">", BOB,
                "Hello from the Inkan demo", "hello"));
        String hello = awaitMessage(bobsMail, "<demo-hello@example.com>");
        Map<String, String> dkim = HeaderFields.signatureTags(hello, "DKIM-Signature");
        OUT.println("   outbound signed it:  DKIM-Signature: v=1; a=" + dkim.get("a") + "; c=" + dkim.get("c") + "; d="
                + dkim.get("d") + "; s=" + dkim.get("s") + "; h=" + dkim.get("h"));
        passed &= "example.com".equals(dkim.get("d"));

        OUT.println("2. Inbound checks of that message, in the SMTP session (Authentication-Results):");
        passed &= results(hello, Map.of("spf", "pass", "dkim", "pass", "arc", "none", "dmarc", "pass"));

        OUT.println("3. A spoof: From: CEO <ceo@example.com>, sent straight to inbound by x@attacker.example");
        try {
            new Submit(inbound.smtpPort()).inbound("x@attacker.example", BOB,
                    message("CEO <ceo@example.com>", BOB, "Urgent wire transfer", "spoof"));
            OUT.println("   inbound ACCEPTED it (unexpected)");
            passed = false;
        } catch (IOException refused) {
            String reply = refused.getMessage();
            OUT.println("   inbound refused it in the SMTP session: " + reply.substring(reply.indexOf("5")).strip());
            passed &= reply.contains("550 5.7.1");
        }

        OUT.println("4. Forwarded: olga@origin.example posts to " + LIST + " (from her MTA, 127.0.0.2); the list tags"
                + " the Subject and ARC-seals it on the way to " + BOB);
        byte[] post = Signers.inkan(message("Olga <olga@origin.example>", LIST, "Picnic on Sunday", "picnic"), olgas,
                "origin.example", "sel");
        new Submit(list.smtpPort()).from(InetAddress.getByName("127.0.0.2")).inbound("olga@origin.example", LIST, post);
        String picnic = awaitMessage(bobsMail, "<demo-picnic@example.com>");
        OUT.println("   Subject: " + String.join("", HeaderFields.values(picnic, "Subject")));
        List<String> seals = HeaderFields.values(picnic, "ARC-Seal");
        OUT.println("   ARC-Seal: " + (seals.isEmpty() ? "(none)" : seals.get(0).replaceAll("\\s+", " ")
                .replaceAll("b=.*", "b=...")));
        passed &= results(picnic, Map.of("spf", "softfail", "dkim", "fail", "arc", "pass", "dmarc", "fail"));
        OUT.println("   (the author's signature broke on the Subject tag and the list is not in origin.example's SPF;"
                + " the ARC chain sealed by the trusted list lifts p=reject: delivered to the INBOX)");
        passed &= !bobsMail.headers(BOB, "INBOX").isEmpty();

        OUT.println();
        OUT.printf("The message of step 1 as Bob's mail client sees its header:%n");
        OUT.println("----------------------------------------------------------------------");
        OUT.print(hello);
        OUT.println("----------------------------------------------------------------------");
        OUT.printf("(whole demo: %d s)%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());

        if (once) {
            OUT.println(passed ? "Demo OK: DKIM signing, SPF/DKIM/ARC/DMARC on inbound, a p=reject spoof refused in the"
                    + " SMTP session, an ARC-sealed list message delivered."
                    : "Demo FAILED: a result above is not what the chain should give.");
            System.exit(passed ? 0 : 1);
        }
        printHowTo(outbound, list, inbound);
        watch(bobsMail, bobsMail.headers(BOB, "INBOX").size());
    }

    /**
     * The example's SmtpChecks handler as the demo runs it: every demo MTA is on the loopback, so loopback clients are
     * checked (skipNetworks ::1 only); DNS from the zone file; the list trusted as an ARC sealer (RFC 8617 §7.2).
     */
    private static String inboundHandler(ConfExample example, Path zone) {
        return example.smtpChecksHandler()
                .replace("<skipNetworks>127.0.0.0/8, ::1</skipNetworks>", "<skipNetworks>::1</skipNetworks>")
                .replace("</authservId>", "</authservId>\n                <dnsZoneFile>" + zone.toAbsolutePath()
                        + "</dnsZoneFile>\n                <trustedArcSealers>lists.example.org</trustedArcSealers>");
    }

    private static byte[] message(String from, String to, String subject, String id) {
        String date = ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME);
        return ("From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: " + date + "\r\n"
                + "Message-ID: <demo-" + id + "@example.com>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + "Hi,\r\n\r\nthis message went through James with Inkan — 印鑑, a seal.\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The header block of the message {@code messageId} in Bob's INBOX, waiting up to 60 s. */
    private static String awaitMessage(Mailboxes mail, String messageId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (String headers : mail.headers(BOB, "INBOX")) {
                if (HeaderFields.values(headers, "Message-ID").contains(messageId)) {
                    return headers;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(messageId + " did not arrive in " + BOB + "'s INBOX within 60 s");
    }

    /** Prints inbound's results of one message, one per line; true when each method gave what {@code expected} says. */
    private static boolean results(String headers, Map<String, String> expected) {
        List<AuthenticationResults> ours = HeaderFields.authResults(headers, AUTHSERV);
        boolean as = !ours.isEmpty() && ours.get(0).results().size() == expected.size();
        for (AuthenticationResults ar : ours) {
            for (var r : ar.results()) {
                OUT.println("   " + AUTHSERV + " says: " + r.method() + "=" + r.result()
                        + r.properties().stream().map(p -> " " + p.type() + "." + p.name() + "=" + p.value())
                                .collect(Collectors.joining())
                        + (r.comment() != null ? " (" + r.comment() + ")" : ""));
                as &= r.result().equals(expected.get(r.method()));
            }
        }
        return as;
    }

    /** Prints the DKIM results of one delivered message; true when every one is a pass. */
    private static boolean summarize(String headers) {
        List<AuthenticationResults> ours = HeaderFields.authResults(headers, AUTHSERV);
        boolean passed = !ours.isEmpty() && !ours.get(0).results().isEmpty();
        for (AuthenticationResults ar : ours) {
            for (var r : ar.results()) {
                OUT.println("  " + AUTHSERV + " says: " + r.method() + "=" + r.result()
                        + r.property("header", "d").map(d -> " header.d=" + d).orElse("")
                        + r.property("header", "from").map(d -> " header.from=" + d).orElse("")
                        + (r.comment() != null ? " (" + r.comment() + ")" : ""));
                passed &= "pass".equals(r.result()) || "none".equals(r.result());
            }
        }
        return passed;
    }

    private static void printHowTo(RunningJames outbound, RunningJames list, RunningJames inbound) {
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
        OUT.println("or straight to inbound, unsigned or signed by anyone (expect dkim=none, or a 550 for a From: of"
                + " example.com):");
        OUT.println();
        OUT.println("  printf '" + message.replace(ALICE, "someone@elsewhere.example") + "' | curl -s smtp://127.0.0.1:"
                + inbound.smtpPort() + " --mail-from someone@elsewhere.example --mail-rcpt " + BOB + " -T -");
        OUT.println();
        OUT.println("or to the list (its copy to Bob arrives tagged and ARC-sealed):");
        OUT.println();
        OUT.println("  printf '" + message.replace(ALICE, "someone@elsewhere.example").replace(BOB, LIST)
                + "' | curl -s smtp://127.0.0.1:" + list.smtpPort() + " --mail-from someone@elsewhere.example"
                + " --mail-rcpt " + LIST + " -T -");
        OUT.println();
        OUT.println("Read Bob's mail (message 1 is step 1's):");
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
