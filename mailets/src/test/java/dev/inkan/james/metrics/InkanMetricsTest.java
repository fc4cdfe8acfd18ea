package dev.inkan.james.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.authres.ResultInfo;
import dev.inkan.dns.DnsAnswer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The names Inkan's metrics get in James's metric system, and what each DNS outcome counts. */
class InkanMetricsTest {

    @Test
    void names_are_prometheus_names_with_results_and_domains_in_lower_case_and_class_names_kept() {
        assertThat(InkanMetrics.name("dkim", "pass")).isEqualTo("inkan_dkim_pass");
        assertThat(InkanMetrics.name("sender-id", "PermError")).isEqualTo("inkan_sender_id_permerror");
        assertThat(InkanMetrics.name("dkim", "signatures", "Mail.Example-Two.COM"))
                .isEqualTo("inkan_dkim_signatures_mail_example_two_com");
        assertThat(InkanMetrics.name("time", "DkimVerify")).isEqualTo("inkan_time_DkimVerify");
    }

    @Test
    void dns_outcomes_count_queries_failures_timeouts_and_spent_budgets() {
        CountingMetricFactory factory = new CountingMetricFactory();
        InkanMetrics metrics = InkanMetrics.of(factory);
        metrics.dns().answered("TXT", DnsAnswer.found(List.of("v=spf1 -all")));
        metrics.dns().answered("TXT", DnsAnswer.nxdomain());
        metrics.dns().answered("A", DnsAnswer.tempFail("SERVFAIL"));
        metrics.dns().answered("TXT", DnsAnswer.tempFail("timed out"));
        metrics.dns().answered("TXT", DnsAnswer.tempFail("timed out (recently; not asked again yet, RFC 2308 section 7.2)"));
        metrics.dns().budgetUsedUp("TXT");

        assertThat(factory.counters()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "inkan_dns_queries", 5L, "inkan_dns_failures", 3L, "inkan_dns_timeouts", 2L,
                "inkan_dns_budget_exhausted", 1L));
    }

    @Test
    void results_signatures_and_timings_are_counted_and_nothing_without_a_factory() {
        CountingMetricFactory factory = new CountingMetricFactory();
        InkanMetrics metrics = InkanMetrics.of(factory);
        metrics.results(List.of(ResultInfo.of("dkim", "pass"), ResultInfo.of("dkim", "fail"), ResultInfo.of("dkim", "pass")));
        metrics.signed("dkim", "Example.COM");
        metrics.sealed("example.com");
        assertThat(metrics.time("DkimVerify", () -> "done")).isEqualTo("done");

        assertThat(factory.counters()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("inkan_dkim_pass", 2L,
                "inkan_dkim_fail", 1L, "inkan_dkim_signatures_example_com", 1L, "inkan_arc_seals_example_com", 1L));
        assertThat(factory.timings("inkan_time_DkimVerify")).isEqualTo(1);
        assertThat(InkanMetrics.of(null)).isSameAs(InkanMetrics.none());
        assertThat(InkanMetrics.none().dns()).isSameAs(dev.inkan.dns.DnsObserver.NONE);
    }
}
