package dev.inkan.it;

import static dev.inkan.it.DmarcReportingTest.RUA;
import static dev.inkan.it.DmarcReportingTest.USER;
import static dev.inkan.it.DmarcReportingTest.assertRecord;
import static dev.inkan.it.DmarcReportingTest.awaitCount;
import static dev.inkan.it.DmarcReportingTest.count;
import static dev.inkan.it.DmarcReportingTest.gzipPart;
import static dev.inkan.it.DmarcReportingTest.message;
import static dev.inkan.it.DmarcReportingTest.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.dmarc.report.EvaluationRecord;
import dev.inkan.it.harness.ConfExample;
import dev.inkan.it.harness.DkimZone;
import dev.inkan.it.harness.James;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.JamesHost;
import dev.inkan.it.harness.Mailboxes;
import dev.inkan.it.harness.Shutdown;
import dev.inkan.it.harness.Signers;
import dev.inkan.it.harness.SmtpSink;
import dev.inkan.it.harness.Submit;
import dev.inkan.reports.store.JdbcReportStore;
import dev.inkan.reports.store.LocalPostgres;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * conf-examples/dmarc-reporting on two James nodes (two MX) sharing one PostgreSQL store, as the example says to
 * run several nodes (issue 14): a PostgreSQL server of the test's own ({@link LocalPostgres}), both nodes with
 * {@code dmarcStore=jdbc:postgresql://127.0.0.1:PORT/inkan} and {@code dmarcStoreUser=inkan}. Each node records the
 * evaluations of the mail it receives (node 1: three aligned and one spoof for origin.example; node 2: two aligned
 * and one spoof); both are stopped and started again at once, so that both daily runs, 5 s after start-up, race for
 * yesterday's report: exactly one report reaches the domain owner's MX, with every evaluation of both nodes counted
 * once, and the store holds one claim.
 *
 * <p>In the test JVM only (three James servers in one JVM: the second node and the owner with their JMX names
 * changed/off). The nodes share the JVM's one background recorder of the store URL; the daily runs are each node's
 * own, with a store connection of their own, as on separate hosts.
 */
class DmarcReportingTwoNodesTest {

    private static final String ORIGIN_EVALUATIONS = "SELECT COUNT(*) FROM inkan_dmarc_evaluation WHERE policy_domain = 'origin.example'";

    @TempDir
    static Path dir;
    static LocalPostgres postgres;
    static Connection db;
    static JdbcReportStore store;
    static String dns;
    static Path site;
    static SmtpSink sink;
    static JamesHost host;
    static James owner;
    static Mailboxes ownerMailboxes;
    static SigningKey origin;

    @BeforeAll
    static void start(TestInfo info) throws Exception {
        postgres = LocalPostgres.start();
        db = DriverManager.getConnection(postgres.url(), LocalPostgres.credentials());
        SigningKeyGenerator generator = new SigningKeyGenerator(new SecureRandom());
        origin = generator.rsa(2048);
        SigningKey reporter = generator.rsa(2048);
        site = dir.resolve("etc-james-inkan");
        DkimZone.writeKey(reporter, site.resolve("keys/example.net/mail2025.private"));
        host = JamesHost.of(info);
        dns = host.dnsParameters(DmarcReportingTest.zone(origin, reporter), dir);
        sink = SmtpSink.start(true);
        owner = DmarcReportingTest.startOwner(host, dns, dir, sink.port());
        ownerMailboxes = new Mailboxes(owner.imapPort());
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(host, sink, db, postgres);
    }

    @Test
    void two_nodes_record_into_one_postgresql_store_and_exactly_one_sends_the_report() throws Exception {
        James node1 = startNode(1).user(USER);
        James node2 = startNode(2).user(USER);
        send(node1, 3, 1);
        send(node2, 2, 1);

        Instant today = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        awaitCount(db, ORIGIN_EVALUATIONS, 7);
        // read as a node reads them: every evaluation of both nodes, today
        store = JdbcReportStore.open(postgres.url(), "inkan", null);
        assertThat(store.records("origin.example", today, today.plus(Duration.ofDays(1))))
                .extracting(EvaluationRecord::disposition).containsOnly("pass", "reject")
                .filteredOn("pass"::equals).hasSize(5);
        Shutdown.inOrder(node1, node2);

        // A report covers whole UTC days and a run reports the three days before today, never today: the test
        // cannot wait for midnight, so it makes the evaluations a day older, as the store would see them tomorrow
        update(db, "UPDATE inkan_dmarc_evaluation SET evaluated_at = evaluated_at - 86400");
        Instant yesterday = today.minus(Duration.ofDays(1));
        // both nodes again, started at once: both runs (5 s after each start-up) try to claim yesterday's report
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            Future<James> restarted1 = starting.submit(() -> startNode(1));
            Future<James> restarted2 = starting.submit(() -> startNode(2));
            restarted1.get();
            restarted2.get();
        } finally {
            starting.shutdown();
        }

        ownerMailboxes.await(RUA, "INBOX", 1);
        awaitCount(db, "SELECT COUNT(*) FROM inkan_dmarc_report_sent", 1);
        try (Mailboxes.FolderWatch inbox = ownerMailboxes.watch(RUA, "INBOX")) {
            // both runs are over 5 s after the later start-up; a second report would have reached the owner by now
            assertThat(inbox.await(2, Duration.ofSeconds(15))).as("a second node sent the report too").isFalse();
        }
        assertThat(count(db, "SELECT COUNT(*) FROM inkan_dmarc_report_sent")).as("claims").isEqualTo(1);
        assertThat(count(db, "SELECT COUNT(*) FROM inkan_dmarc_report_sent WHERE policy_domain = 'origin.example'"
                + " AND period_begin = " + yesterday.getEpochSecond())).isEqualTo(1);
        assertThat(count(db, ORIGIN_EVALUATIONS)).as("evaluations kept, none lost or doubled").isEqualTo(7);
        assertThat(store.records("origin.example", yesterday, today)).hasSize(7);

        List<byte[]> reports = ownerMailboxes.messages(RUA, "INBOX");
        assertThat(reports).hasSize(1);
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(reports.get(0)));
        Document doc;
        try (InputStream in = new GZIPInputStream(gzipPart(mail).getInputStream())) {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        XPath x = XPathFactory.newInstance().newXPath();
        assertThat(x.evaluate("/feedback/report_metadata/date_range/begin", doc)).isEqualTo("" + yesterday.getEpochSecond());
        assertThat(x.evaluate("/feedback/policy_published/domain", doc)).isEqualTo("origin.example");
        assertThat(x.evaluate("count(/feedback/record)", doc)).isEqualTo("2");
        assertThat(x.evaluate("sum(/feedback/record/row/count)", doc)).as("messages in the report").isEqualTo("7");
        assertRecord(doc, "pass", "row/count=5", "row/source_ip=127.0.0.1", "row/policy_evaluated/dkim=pass");
        assertRecord(doc, "reject", "row/count=2", "row/source_ip=127.0.0.1", "row/policy_evaluated/dkim=fail",
                "row/policy_evaluated/spf=fail");
        assertThat(sink.count()).as("mail the domain owner's MX sent on (a bounce)").isZero();
    }

    /**
     * Node {@code n}: the example with the shared PostgreSQL store (user inkan), a fresh working directory for each
     * start; node 2 is the second server of this JVM to have the example, so its JMX names are changed/off.
     */
    private static James startNode(int n) throws Exception {
        JamesConf conf = JamesConf.in(dir.resolve("node" + n + "-" + System.nanoTime()));
        ConfExample example = DmarcReportingTest.reportingExample(site, dns, owner.smtpPort(), postgres.url())
                .changed("<dmarcStoreRetentionDays>31</dmarcStoreRetentionDays>",
                        "<dmarcStoreRetentionDays>31</dmarcStoreRetentionDays>\n"
                                + "                <dmarcStoreUser>inkan</dmarcStoreUser>");
        if (n == 2) {
            conf.jmxSuffix("node2");
            example.withoutJmx();
        }
        example.installInto(conf, site);
        return host.start(conf);
    }

    /** Through {@code node}: {@code aligned} DKIM-aligned messages from origin.example and {@code spoofs} spoofs. */
    private static void send(James node, int aligned, int spoofs) throws Exception {
        Submit smtp = new Submit(node.smtpPort());
        for (int i = 1; i <= aligned; i++) {
            smtp.inbound("olga@origin.example", USER, Signers.inkan(
                    message("Olga <olga@origin.example>", "aligned-" + node.smtpPort() + "-" + i), origin,
                    "origin.example", "sel"));
        }
        for (int i = 1; i <= spoofs; i++) {
            smtp.inbound("x@attacker.example", USER, message("CEO <ceo@origin.example>", "spoof-" + node.smtpPort() + "-" + i));
        }
    }
}
