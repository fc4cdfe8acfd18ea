package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.it.harness.ConfExample;
import dev.inkan.it.harness.DkimZone;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.JamesMetrics;
import dev.inkan.it.harness.MailShape;
import dev.inkan.it.harness.RunningJames;
import dev.inkan.it.harness.Shutdown;
import dev.inkan.it.harness.SmtpSink;
import dev.inkan.it.harness.Submit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SMTP-session checks (SmtpChecks in conf-examples/smtp-enforcement) count into James's metrics like the mailets:
 * a spoofed message of a p=reject domain refused at the end of DATA shows on WebAdmin's {@code /metrics} with the
 * result of each method once and one timing each at MAIL FROM and at the end of DATA.
 */
class SmtpChecksMetricsTest {

    @TempDir
    static Path dir;
    static SmtpSink sink;
    static RunningJames james;
    static JamesMetrics metrics;

    @BeforeAll
    static void start() throws Exception {
        DkimZone zone = new DkimZone()
                .txt("origin.example", "v=spf1 ip4:127.0.0.1 -all")
                .txt("_dmarc.origin.example", "v=DMARC1; p=reject")
                .txt("attacker.example", "v=spf1 ip4:127.0.0.1 -all");
        Path zoneFile = zone.writeZoneFile(dir.resolve("dns.zone"));
        sink = SmtpSink.start(true);
        ConfExample example = ConfExample.load("smtp-enforcement").remoteDeliveryTo(sink.port());
        JamesConf conf = JamesConf.in(dir.resolve("james")).webAdmin(0).metricsRoute()
                .smtpHandler(SmtpEnforcementTest.handler(example, "<dnsZoneFile>" + zoneFile + "</dnsZoneFile>"));
        example.installInto(conf, dir.resolve("site"));
        james = RunningJames.start(conf);
        james.user("spoofed@example.net");
        metrics = new JamesMetrics(james.webAdminPort());
    }

    @AfterAll
    static void stop() throws Exception {
        Shutdown.inOrder(james, sink);
    }

    @Test
    void a_message_refused_in_the_session_counts_each_result_once_and_a_timing_at_mail_from_and_end_of_data()
            throws Exception {
        Map<String, Double> before = metrics.read();
        String to = "spoofed@example.net";
        try (Submit.Session session = new Submit(james.smtpPort()).open("mta.remote.test", null)) {
            session.send("x@attacker.example", List.of(to),
                    MailShape.PLAIN_TEXT.message("CEO <ceo@origin.example>", to, "<spoofed@origin.example>"), "550");
        }

        Map<String, Double> changed = metrics.inkanChangesSince(before);
        assertThat(changed).containsAllEntriesOf(Map.of("inkan_spf_pass_total", 1.0, "inkan_dkim_none_total", 1.0,
                "inkan_arc_none_total", 1.0, "inkan_dmarc_fail_total", 1.0,
                "inkan_time_SmtpChecks_mailFrom_count", 1.0, "inkan_time_SmtpChecks_message_count", 1.0));
        assertThat(changed.get("inkan_dns_queries_total")).as("SPF and DMARC records").isGreaterThanOrEqualTo(2.0);
    }
}
