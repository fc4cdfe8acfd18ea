package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.it.harness.ConfExample;
import dev.inkan.it.harness.DkimZone;
import dev.inkan.it.harness.FakeDnsServer;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.JamesMetrics;
import dev.inkan.it.harness.MailShape;
import dev.inkan.it.harness.Mailboxes;
import dev.inkan.it.harness.RunningJames;
import dev.inkan.it.harness.Shutdown;
import dev.inkan.it.harness.Signers;
import dev.inkan.it.harness.SmtpSink;
import dev.inkan.it.harness.Submit;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inkan's metrics read back from a running James 3.8.1 where an operator reads them: WebAdmin's {@code GET /metrics}
 * (Prometheus text), enabled with {@code extensions.routes=org.apache.james.webadmin.dropwizard.MetricsRoutes}. The
 * server is conf-examples/seed-full-chain (SpfCheck, DkimVerify, ArcVerify and DmarcEvaluate on mail from outside;
 * DkimSign and ArcSeal on what leaves), its DNS a server on a loopback port that leaves one domain unanswered. Each
 * test reads the metrics before and after its mail and checks what changed, and by how much.
 */
class MetricsTest {

    @TempDir
    static Path dir;
    static SmtpSink sink;
    static FakeDnsServer dns;
    static RunningJames james;
    static Mailboxes mailboxes;
    static SigningKey origin;
    static JamesMetrics metrics;
    static int delivered;

    @BeforeAll
    static void start() throws Exception {
        SigningKeyGenerator generator = new SigningKeyGenerator(new SecureRandom());
        SigningKey key = generator.rsa(2048);
        origin = generator.rsa(2048);
        Path site = dir.resolve("etc-james-inkan");
        DkimZone.writeKey(key, site.resolve("keys/example.com/20220826.private"));
        // the "remote" MTAs connect from 127.0.0.2
        DkimZone zone = new DkimZone()
                .publish("20220826", "example.com", key)
                .txt("example.com", "v=spf1 ip4:127.0.0.1 -all")
                .publish("sel", "origin.example", origin)
                .txt("origin.example", "v=spf1 ip4:127.0.0.2 -all")
                .txt("_dmarc.origin.example", "v=DMARC1; p=reject")
                .txt("attacker.example", "v=spf1 ip4:127.0.0.2 -all")
                .txt("silent.example", "v=spf1 ip4:127.0.0.2 -all");
        dns = new FakeDnsServer(zone).silentFor("silent.example");
        sink = SmtpSink.start(true);
        JamesConf conf = JamesConf.in(dir.resolve("james")).webAdmin(0).metricsRoute();
        ConfExample.load("seed-full-chain").siteRoot(site)
                .dns("<dnsServers>127.0.0.1:" + dns.port() + "</dnsServers><dnsTimeout>1</dnsTimeout>"
                        + "<dnsRetries>0</dnsRetries>")
                .remoteDeliveryTo(sink.port()).installInto(conf, site);
        james = RunningJames.start(conf);
        james.user("alice@example.com");
        mailboxes = new Mailboxes(james.imapPort());
        metrics = new JamesMetrics(james.webAdminPort());
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(james, sink, dns);
    }

    @Test
    void mail_from_outside_counts_each_methods_result_the_dns_queries_and_one_timing_per_mailet() throws Exception {
        Map<String, Double> before = metrics.read();
        byte[] signed = Signers.inkan(MailShape.PLAIN_TEXT.message("Olga <olga@origin.example>", "alice@example.com",
                "<signed@origin.example>"), origin, "origin.example", "sel");
        inbound("olga@origin.example", signed);
        // the From domain publishes p=reject; the envelope's domain passes SPF but is not aligned; nothing is signed
        inbound("x@attacker.example", MailShape.PLAIN_TEXT.message("CEO <ceo@origin.example>", "alice@example.com",
                "<spoofed@origin.example>"));

        Map<String, Double> changed = metrics.inkanChangesSince(before);
        assertThat(changed).containsAllEntriesOf(Map.of(
                "inkan_dkim_pass_total", 1.0, "inkan_dkim_none_total", 1.0,
                "inkan_spf_pass_total", 2.0, "inkan_arc_none_total", 2.0,
                "inkan_dmarc_pass_total", 1.0, "inkan_dmarc_fail_total", 1.0));
        for (String mailet : new String[] {"SpfCheck", "DkimVerify", "ArcVerify", "DmarcEvaluate"}) {
            assertThat(changed).as(mailet).containsEntry("inkan_time_" + mailet + "_count", 2.0);
        }
        // SPF of both envelope domains, the key of the signature, both From domains' DMARC records
        assertThat(changed.get("inkan_dns_queries_total")).isGreaterThanOrEqualTo(4.0);
        assertThat(changed).doesNotContainKeys("inkan_dns_failures_total", "inkan_dkim_signatures_example_com_total",
                "inkan_time_DkimSign_count");

        // the same counters over JMX, where James's metric system (Dropwizard's JmxReporter) registers them too
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> beans = jmx.queryNames(new ObjectName("metrics:name=inkan_dmarc_fail,*"), null);
        assertThat(beans).singleElement().satisfies(bean -> assertThat(((Number) jmx.getAttribute(bean, "Count"))
                .doubleValue()).isEqualTo(metrics.read().get("inkan_dmarc_fail_total")));
    }

    @Test
    void mail_that_leaves_counts_its_signature_and_arc_set_for_the_signing_domain() throws Exception {
        Map<String, Double> before = metrics.read();
        new Submit(james.smtpPort()).authenticated("alice@example.com", "friend@gmail.example",
                MailShape.PLAIN_TEXT.message("Alice <alice@example.com>", "friend@gmail.example", "<out@example.com>"));
        sink.awaitMessageId("<out@example.com>");

        Map<String, Double> changed = metrics.inkanChangesSince(before);
        assertThat(changed).containsAllEntriesOf(Map.of("inkan_dkim_signatures_example_com_total", 1.0,
                "inkan_arc_seals_example_com_total", 1.0, "inkan_time_DkimSign_count", 1.0,
                "inkan_time_ArcSeal_count", 1.0));
        // a user's mail is not checked on its way out; ArcSeal validates the (absent) chain itself: arc=none
        assertThat(changed).containsEntry("inkan_arc_none_total", 1.0)
                .doesNotContainKeys("inkan_dkim_pass_total", "inkan_spf_pass_total", "inkan_time_DkimVerify_count");
    }

    @Test
    void a_domain_whose_name_servers_do_not_answer_counts_as_dns_failure_and_timeout() throws Exception {
        Map<String, Double> before = metrics.read();
        inbound("bob@silent.example", MailShape.PLAIN_TEXT.message("Bob <bob@silent.example>", "alice@example.com",
                "<timeout@silent.example>"));

        Map<String, Double> changed = metrics.inkanChangesSince(before);
        assertThat(changed).containsEntry("inkan_spf_temperror_total", 1.0)
                .containsEntry("inkan_time_SpfCheck_count", 1.0);
        assertThat(changed.get("inkan_dns_timeouts_total")).isGreaterThanOrEqualTo(1.0);
        assertThat(changed.get("inkan_dns_failures_total")).isGreaterThanOrEqualTo(changed.get("inkan_dns_timeouts_total"));
        assertThat(dns.ignored()).isPositive();
    }

    /** Sends {@code message} from the remote MTA 127.0.0.2 to alice and waits until it is in her INBOX. */
    private static void inbound(String mailFrom, byte[] message) throws IOException {
        new Submit(james.smtpPort()).from(InetAddress.getByName("127.0.0.2")).inbound(mailFrom, "alice@example.com",
                message);
        mailboxes.await("alice@example.com", "INBOX", ++delivered);
    }
}
