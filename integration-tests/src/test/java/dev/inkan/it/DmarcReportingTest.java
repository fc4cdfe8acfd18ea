package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.authres.ResultInfo;
import dev.inkan.conformance.ConformanceSuite;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.it.harness.ConfExample;
import dev.inkan.it.harness.DkimZone;
import dev.inkan.it.harness.HeaderFields;
import dev.inkan.it.harness.James;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.JamesHost;
import dev.inkan.it.harness.Mailboxes;
import dev.inkan.it.harness.Shutdown;
import dev.inkan.it.harness.Signers;
import dev.inkan.it.harness.SmtpSink;
import dev.inkan.it.harness.Submit;
import dev.inkan.it.harness.ThreeVerifiers;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * conf-examples/dmarc-reporting on a real James: DMARC aggregate reports (RFC 9990) made from what James evaluated.
 * Mail for origin.example (p=reject, rua=mailto:dmarc@reports.example.org) comes in over SMTP from 127.0.0.1: three
 * aligned DKIM-signed messages and two spoofs, which DmarcEvaluate records into the example's H2 store in the
 * background. The report destination, reports.example.org, is a mailbox on another James (running dmarc-inbound, as
 * the domain owner's MX would), which reads the report over IMAP and checks it on arrival as any receiver would.
 *
 * <p>The reporting period is a whole UTC day and a run reports the last three days, never today: so the test stops
 * James, moves the evaluations to yesterday in the store (what a day's wait would do), and starts James again, whose
 * run 5 s after start-up sends yesterday's report, DKIM-signed in the relay path, to the authorized rua address only.
 * A third start sends nothing again (the store's claim), and deletes what is older than the retention.
 *
 * <p>Each start is a fresh James working directory with the same configuration and the same store (the memory app
 * forgets users and mail on a restart anyway). The store URL has {@code AUTO_SERVER=TRUE}: H2 in file mode is
 * locked to one process, and a James deployed as a separate process and this test both use the database (the test
 * opens it first and serves it to James).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class DmarcReportingTest {

    static final String RUA = "dmarc@reports.example.org";
    /** In origin.example's rua too, but reports.example.org authorizes no other domain's reports. */
    static final String UNAUTHORIZED_RUA = "dmarc@elsewhere.example";
    static final String SENDER = "dmarc-reports@mx.example.net";
    static final String USER = "ann@example.net";

    @TempDir
    static Path dir;
    static DkimZone zone;
    static String dns;
    static String store;
    static Path site;
    static Connection db;
    static SmtpSink sink;
    static JamesHost host;
    static James owner;
    static Mailboxes ownerMailboxes;
    static James reporting;

    @BeforeAll
    static void start(TestInfo info) throws Exception {
        SigningKeyGenerator generator = new SigningKeyGenerator(new SecureRandom());
        SigningKey origin = generator.rsa(2048);
        SigningKey reporter = generator.rsa(2048);
        site = dir.resolve("etc-james-inkan");
        DkimZone.writeKey(reporter, site.resolve("keys/example.net/mail2025.private"));
        zone = zone(origin, reporter);
        host = JamesHost.of(info);
        dns = host.dnsParameters(zone, dir);
        store = "jdbc:h2:file:" + dir.resolve("store/dmarc-reports").toAbsolutePath() + ";AUTO_SERVER=TRUE";
        // The test holds the database open from before the first James to the end: with AUTO_SERVER, the process
        // that opens an H2 file serves it to the others, and James opens and closes it for each batch and run; a
        // connection made while that ownership changes hands fails ("Lock file recently modified")
        db = DriverManager.getConnection(store);

        sink = SmtpSink.start(true);
        owner = startOwner(host, dns, dir, sink.port());
        ownerMailboxes = new Mailboxes(owner.imapPort());

        reporting = startReporting("james-1").user(USER);
        Submit smtp = new Submit(reporting.smtpPort());
        for (int i = 1; i <= 3; i++) {
            smtp.inbound("olga@origin.example", USER, Signers.inkan(
                    message("Olga <olga@origin.example>", "aligned-" + i), origin, "origin.example", "sel"));
        }
        for (int i = 1; i <= 2; i++) {
            smtp.inbound("x@attacker.example", USER, message("CEO <ceo@origin.example>", "spoof-" + i));
        }
        smtp.inbound("news@news.example", USER, message("News <news@news.example>", "news"));
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(host, sink, db);
    }

    @Test
    @Order(1)
    void every_evaluation_with_a_policy_is_recorded_in_the_background() throws Exception {
        awaitCount(db, "SELECT COUNT(*) FROM inkan_dmarc_evaluation", 6);
        assertThat(count(db, "SELECT COUNT(*) FROM inkan_dmarc_evaluation WHERE policy_domain = 'origin.example'"
                + " AND disposition = 'pass' AND dkim_aligned AND source_ip = '127.0.0.1'")).isEqualTo(3);
        assertThat(count(db, "SELECT COUNT(*) FROM inkan_dmarc_evaluation WHERE policy_domain = 'origin.example'"
                + " AND disposition = 'reject' AND NOT dkim_aligned AND NOT spf_aligned")).isEqualTo(2);
        assertThat(count(db, "SELECT COUNT(*) FROM inkan_dmarc_evaluation WHERE policy_domain = 'news.example'"
                + " AND disposition = 'none' AND spf_aligned")).isEqualTo(1);
        assertThat(owner.repository("memory://var/mail/dmarc-reject/")).as("nothing reached the owner yet").isEmpty();
    }

    @Test
    @Order(2)
    void the_next_start_sends_yesterdays_report_dkim_signed_to_the_authorized_rua_only() throws Exception {
        awaitCount(db, "SELECT COUNT(*) FROM inkan_dmarc_evaluation", 6);
        reporting.close();
        // A report covers whole UTC days and a run reports the three days before today, never today: the test
        // cannot wait for midnight, so it makes origin.example's evaluations a day older, as the store would see
        // them tomorrow. news.example's evaluation stays today (not reported) for the third start below.
        update(db, "UPDATE inkan_dmarc_evaluation SET evaluated_at = evaluated_at - 86400"
                + " WHERE policy_domain = 'origin.example'");
        Instant yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        reporting = startReporting("james-2");

        ownerMailboxes.await(RUA, "INBOX", 1);
        List<byte[]> reports = ownerMailboxes.messages(RUA, "INBOX");
        assertThat(reports).hasSize(1);
        byte[] report = reports.get(0);
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(report));
        String headers = new String(report, 0, new String(report, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 2,
                StandardCharsets.ISO_8859_1);

        assertThat(mail.getSubject()).matches("Report Domain: origin\\.example Submitter: mx\\.example\\.net"
                + " Report-ID: <" + yesterday.getEpochSecond() + "\\.[0-9a-f]+\\.origin\\.example@mx\\.example\\.net>");
        assertThat(mail.getFrom()[0].toString()).isEqualTo(SENDER);
        // the domain owner's MX checked the report on arrival: it passes DMARC (RFC 9990 section 3.5.2)
        List<ResultInfo> checked = HeaderFields.authResults(headers, "mx.example.net").get(0).results();
        assertThat(checked).extracting(r -> r.method() + "=" + r.result())
                .containsExactly("dkim=pass", "spf=pass", "arc=none", "dmarc=pass");
        assertThat(checked.get(0).property("header", "d")).hasValue("example.net");
        assertThat(checked.get(1).property("smtp", "mailfrom")).hasValue("mx.example.net");
        ThreeVerifiers.Outcome signature = ThreeVerifiers.assertAllPass("report", report, zone, dir, 1);
        assertThat(signature.inkan().get(0).selector()).isEqualTo("mail2025");

        Part attachment = gzipPart(mail);
        assertThat(attachment.getFileName()).matches("mx\\.example\\.net!origin\\.example!" + yesterday.getEpochSecond()
                + "!" + yesterday.plusSeconds(86400).getEpochSecond() + "![0-9a-f]+\\.xml\\.gz");
        byte[] xml;
        try (InputStream in = new GZIPInputStream(attachment.getInputStream())) {
            xml = in.readAllBytes();
        }
        validate(xml);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        XPath x = XPathFactory.newInstance().newXPath();
        assertThat(x.evaluate("/feedback/report_metadata/org_name", doc)).isEqualTo("Example Net Mail");
        assertThat(x.evaluate("/feedback/report_metadata/email", doc)).isEqualTo(SENDER);
        assertThat(x.evaluate("/feedback/report_metadata/date_range/begin", doc)).isEqualTo("" + yesterday.getEpochSecond());
        assertThat(x.evaluate("/feedback/policy_published/domain", doc)).isEqualTo("origin.example");
        assertThat(x.evaluate("/feedback/policy_published/p", doc)).isEqualTo("reject");
        assertThat(x.evaluate("count(/feedback/record)", doc)).isEqualTo("2");
        // RFC 9990's disposition "pass": DMARC passed under an enforcing policy, nothing applied
        assertRecord(doc, "pass", "row/count=3", "row/source_ip=127.0.0.1", "row/policy_evaluated/dkim=pass",
                "row/policy_evaluated/spf=pass", "identifiers/header_from=origin.example",
                "auth_results/dkim/domain=origin.example", "auth_results/dkim/selector=sel",
                "auth_results/dkim/result=pass");
        assertRecord(doc, "reject", "row/count=2", "row/source_ip=127.0.0.1", "row/policy_evaluated/dkim=fail",
                "row/policy_evaluated/spf=fail", "identifiers/header_from=origin.example",
                "auth_results/spf/domain=attacker.example", "auth_results/spf/result=pass");
    }

    @Test
    @Order(3)
    void another_start_sends_the_report_no_more_and_deletes_evaluations_past_the_retention() throws Exception {
        ownerMailboxes.await(RUA, "INBOX", 1);
        reporting.close();
        // 40 days back, beyond the example's 31 days of retention: its deletion shows that the third start's run
        // (which claims the reports before it deletes) has happened
        update(db, "UPDATE inkan_dmarc_evaluation SET evaluated_at = evaluated_at - 40 * 86400"
                + " WHERE policy_domain = 'news.example'");
        reporting = startReporting("james-3");

        awaitCount(db, "SELECT COUNT(*) FROM inkan_dmarc_evaluation WHERE policy_domain = 'news.example'", 0);
        assertThat(count(db, "SELECT COUNT(*) FROM inkan_dmarc_evaluation WHERE policy_domain = 'origin.example'"))
                .as("yesterday's evaluations are kept").isEqualTo(5);
        assertThat(count(db, "SELECT COUNT(*) FROM inkan_dmarc_report_sent WHERE policy_domain = 'origin.example'"))
                .isEqualTo(1);
        try (Mailboxes.FolderWatch inbox = ownerMailboxes.watch(RUA, "INBOX")) {
            assertThat(inbox.await(2, Duration.ofSeconds(5))).as("the report was sent again").isFalse();
        }
        assertThat(ownerMailboxes.headers(UNAUTHORIZED_RUA, "INBOX"))
                .as("a rua destination that did not authorize origin.example's reports (RFC 9990 section 4)").isEmpty();
        assertThat(sink.count()).as("mail the domain owner's MX sent on (a bounce)").isZero();
    }

    /** A James with the example, its own working directory {@code name}, the test's store, relaying to the owner. */
    private static James startReporting(String name) throws Exception {
        JamesConf conf = JamesConf.in(dir.resolve(name));
        reportingExample(site, dns, owner.smtpPort(), store).installInto(conf, site);
        return host.start(conf);
    }

    /**
     * The test's DNS: origin.example (key {@code origin}, p=reject, both rua addresses, the one of
     * reports.example.org authorizing it), attacker.example, news.example (p=none) and the reporter's own domain
     * example.net (key {@code reporter}); every "remote" MTA is 127.0.0.1, and so is a reporting James to the
     * domain owner's MX.
     */
    static DkimZone zone(SigningKey origin, SigningKey reporter) {
        return new DkimZone()
                .publish("sel", "origin.example", origin)
                .txt("origin.example", "v=spf1 ip4:127.0.0.1 -all")
                .txt("_dmarc.origin.example", "v=DMARC1; p=reject; rua=mailto:" + RUA + ",mailto:" + UNAUTHORIZED_RUA)
                .txt("origin.example._report._dmarc.reports.example.org", "v=DMARC1")
                .txt("attacker.example", "v=spf1 ip4:127.0.0.1 -all")
                .txt("news.example", "v=spf1 ip4:127.0.0.1 -all")
                .txt("_dmarc.news.example", "v=DMARC1; p=none")
                // the reporter's own domain: the reports pass DMARC by DKIM (d=example.net) and SPF (mx.example.net)
                .publish("mail2025", "example.net", reporter)
                .txt("mx.example.net", "v=spf1 ip4:127.0.0.1 -all")
                .txt("_dmarc.example.net", "v=DMARC1; p=reject");
    }

    /**
     * The domain owner's MX (dmarc-inbound, working directory {@code workDir}/owner), where the rua mailboxes are, sending
     * on to {@code sinkPort}; another server in this JVM: JMX names changed/off.
     */
    static James startOwner(JamesHost on, String dnsParameters, Path workDir, int sinkPort) throws Exception {
        JamesConf ownerConf = JamesConf.in(workDir.resolve("owner")).jmxSuffix("owner");
        ConfExample.load("dmarc-inbound").dns(dnsParameters).skipNetworks("::1").remoteDeliveryTo(sinkPort).withoutJmx()
                .installInto(ownerConf, workDir.resolve("owner-site"));
        return on.start(ownerConf).user(RUA).user(UNAUTHORIZED_RUA);
    }

    /** The dmarc-reporting example with the test's site folder, DNS and store, relaying to the owner's MX. */
    static ConfExample reportingExample(Path site, String dns, int ownerSmtpPort, String store) {
        return ConfExample.load("dmarc-reporting").siteRoot(site).dns(dns).skipNetworks("::1")
                .remoteDeliveryTo(ownerSmtpPort).dmarcStore(store);
    }

    /** The report's record with {@code disposition} has each {@code path=value} (paths below the record). */
    static void assertRecord(Document doc, String disposition, String... expected) throws Exception {
        String record = "/feedback/record[row/policy_evaluated/disposition='" + disposition + "']/";
        XPath x = XPathFactory.newInstance().newXPath();
        for (String pathAndValue : expected) {
            String path = pathAndValue.substring(0, pathAndValue.indexOf('='));
            assertThat(x.evaluate(record + path, doc)).as("%s of the %s record", path, disposition)
                    .isEqualTo(pathAndValue.substring(pathAndValue.indexOf('=') + 1));
        }
    }

    /** The gzip attachment of a report message. */
    static Part gzipPart(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).isMimeType("application/gzip")) {
                return parts.getBodyPart(i);
            }
        }
        throw new AssertionError("no application/gzip part in the report");
    }

    /** Validates against RFC 9990's schema, kept beside the conformance suites (../shared/rfc). */
    private static void validate(byte[] xml) throws Exception {
        Path xsd = ConformanceSuite.root().resolveSibling("rfc").resolve("rfc9990-dmarc-2.0.xsd");
        assertThat(xsd).as("RFC 9990's schema").exists();
        try (InputStream schema = Files.newInputStream(xsd)) {
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new StreamSource(schema))
                    .newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        }
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void update(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    /** Waits until {@code sql} counts {@code expected}; the table may not exist before the first record is written. */
    static void awaitCount(Connection db, String sql, long expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Object last = null;
        while (System.nanoTime() - deadline < 0) {
            try {
                last = count(db, sql);
                if ((long) last == expected) {
                    return;
                }
            } catch (SQLException e) {
                last = e.getMessage();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("'" + sql + "' did not count " + expected + " within 60 s; last: " + last);
    }

    static byte[] message(String from, String id) {
        return ("From: " + from + "\r\nTo: " + USER + "\r\nSubject: " + id + "\r\n"
                + "Date: Sun, 22 Nov 2026 10:00:00 +0000\r\nMessage-ID: <" + id + "@dmarc-reporting.test>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n"
                + "\r\nHello,\r\n\r\nthis is mail from outside.\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
