package dev.inkan.james.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dmarc.report.EvaluationRecord;
import dev.inkan.dmarc.report.PublishedPolicy;
import dev.inkan.dns.ScriptedResolver;
import dev.inkan.reports.store.JdbcReportStore;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.test.FakeMailContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily run: yesterday's reports to their verified destinations through James's spool, each once. */
class DailyReportsTest {

    static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");
    static final Instant YESTERDAY = Instant.parse("2026-12-06T00:00:00Z");

    @TempDir
    Path dir;

    static EvaluationRecord evaluation(int minute) {
        PublishedPolicy policy = new PublishedPolicy("example.com", "reject", null, null, "r", "r", "treewalk", "0", "n",
                List.of("mailto:dmarc@example.com!1m", "mailto:agg@vendor.example", "mailto:x@stranger.example"),
                List.of());
        return new EvaluationRecord(YESTERDAY.plusSeconds(60L * minute), "203.0.113.9", "example.com", "spoof.example",
                "example.net", policy, "reject", false, false, List.of(), List.of(), null);
    }

    @Test
    void yesterdays_report_goes_once_to_each_authorized_destination() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("reports");
        JdbcReportStore.open(url, null, null).add(List.of(evaluation(1), evaluation(2)), "james-1");
        ScriptedResolver dns = ScriptedResolver.empty()
                .txt("_dmarc.example.com", "v=DMARC1; p=reject")
                .txt("example.com._report._dmarc.vendor.example", "v=DMARC1");
        FakeMailContext context = FakeMailContext.defaultContext();
        DailyReports reports = new DailyReports(() -> JdbcReportStore.open(url, null, null), context,
                "dmarc-reports@mx.example.net", "Example Receiver",
                dns, Duration.ofDays(31),
                Clock.fixed(NOW, ZoneOffset.UTC), "james-1");

        assertThat(reports.runOnce()).isEqualTo(2);
        assertThat(context.getSentMails()).hasSize(2);
        assertThat(context.getSentMails()).flatExtracting(m -> m.getRecipients().stream().map(Object::toString).toList())
                .containsExactlyInAnyOrder("dmarc@example.com", "agg@vendor.example");
        assertThat(context.getSentMails().get(0).getMsg().getSubject())
                .startsWith("Report Domain: example.com Submitter: mx.example.net Report-ID: <");
        assertThat(context.getSentMails().get(0).getSender().toString()).isEqualTo("dmarc-reports@mx.example.net");

        // another run, or another node sharing the store: nothing sent twice
        DailyReports second = new DailyReports(() -> JdbcReportStore.open(url, null, null), context,
                "dmarc-reports@mx.example.net", "Example Receiver",
                dns, Duration.ofDays(31),
                Clock.fixed(NOW, ZoneOffset.UTC), "james-2");
        assertThat(second.runOnce()).isZero();
        assertThat(context.getSentMails()).hasSize(2);
    }

    @Test
    void a_report_james_took_no_message_of_is_tried_again_by_the_next_run() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("refused");
        JdbcReportStore.open(url, null, null).add(List.of(evaluation(1)), "james-1");
        ScriptedResolver dns = ScriptedResolver.empty()
                .txt("_dmarc.example.com", "v=DMARC1; p=reject")
                .txt("example.com._report._dmarc.vendor.example", "v=DMARC1");
        MailetContext refusing = (MailetContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MailetContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendMail")) {
                        throw new IllegalStateException("spool full");
                    }
                    return null;
                });
        assertThat(run(url, refusing, dns).runOnce()).isZero();

        FakeMailContext context = FakeMailContext.defaultContext();
        assertThat(run(url, context, dns).runOnce()).isEqualTo(2);
        assertThat(run(url, context, dns).runOnce()).isZero();
        assertThat(context.getSentMails()).hasSize(2);
    }

    private static DailyReports run(String url, MailetContext context, ScriptedResolver dns) {
        return new DailyReports(() -> JdbcReportStore.open(url, null, null), context, "dmarc-reports@mx.example.net",
                "Example Receiver", dns,
                Duration.ofDays(31), Clock.fixed(NOW, ZoneOffset.UTC), "james-1");
    }
}
