package dev.inkan.dmarc.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dmarc.OrganizationalDomain;
import dev.inkan.dmarc.report.ReportDestinations.Outcome;
import dev.inkan.dmarc.report.ReportDestinations.ReportUri;
import dev.inkan.dmarc.report.ReportDestinations.Verification;
import dev.inkan.dns.ScriptedResolver;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** rua URIs with their size limits, and RFC 9990 §4's verification of external destinations (the RFC's example). */
class ReportDestinationsTest {

    /** Organizational Domain = the last two labels: enough for these names (the real one walks DNS or the PSL). */
    static final Function<String, OrganizationalDomain> ORG = d -> {
        String[] labels = d.split("\\.");
        return new OrganizationalDomain(d, labels[labels.length - 2] + "." + labels[labels.length - 1], "");
    };

    static ReportUri uri(String text) {
        return ReportDestinations.parse(text).get(0);
    }

    @Test
    void uris_and_size_limits_are_read_as_published() {
        assertThat(ReportDestinations.parse(" mailto:dmarc@example.com!10m , mailto:agg@reports.example.net,"
                + "https://reports.example/x, mailto:nobody!1k"))
                .containsExactly(new ReportUri("mailto:dmarc@example.com", "dmarc@example.com", "example.com", 10L << 20),
                        new ReportUri("mailto:agg@reports.example.net", "agg@reports.example.net", "reports.example.net", -1),
                        new ReportUri("https://reports.example/x", null, null, -1));
        assertThat(uri("mailto:a@b.example!500").accepts(500)).isTrue();
        assertThat(uri("mailto:a@b.example!500").accepts(501)).isFalse();
        assertThat(uri("mailto:a@b.example!2g").maxBytes()).isEqualTo(2L << 30);
    }

    @Test
    void the_rfc_example_red_example_net_must_authorize_blue_example_com() {
        ReportUri red = uri("mailto:reports@red.example.net");
        ScriptedResolver none = ScriptedResolver.empty();
        Verification refused = ReportDestinations.verify("blue.example.com", red, ORG, none);
        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refused.destinations()).isEmpty();
        assertThat(refused.detail()).contains("blue.example.com._report._dmarc.red.example.net");

        ScriptedResolver authorizing = ScriptedResolver.empty().txt("blue.example.com._report._dmarc.red.example.net",
                "v=DMARC1");
        Verification ok = ReportDestinations.verify("blue.example.com", red, ORG, authorizing);
        assertThat(ok.outcome()).isEqualTo(Outcome.AUTHORIZED);
        assertThat(ok.destinations()).containsExactly(red);
    }

    @Test
    void same_organization_needs_no_query_and_overrides_must_keep_the_host() {
        ScriptedResolver silent = ScriptedResolver.empty().tempFail("example.com._report._dmarc.example.com", "x");
        assertThat(ReportDestinations.verify("mail.example.com", uri("mailto:d@example.com"), ORG, silent).outcome())
                .isEqualTo(Outcome.SAME_ORGANIZATION);

        String name = "blue.example.com._report._dmarc.red.example.net";
        Verification override = ReportDestinations.verify("blue.example.com", uri("mailto:reports@red.example.net"), ORG,
                ScriptedResolver.empty().txt(name, "v=DMARC1; rua=mailto:blue@red.example.net!1m"));
        assertThat(override.outcome()).isEqualTo(Outcome.AUTHORIZED);
        assertThat(override.destinations()).extracting(ReportUri::address).containsExactly("blue@red.example.net");

        Verification elsewhere = ReportDestinations.verify("blue.example.com", uri("mailto:reports@red.example.net"), ORG,
                ScriptedResolver.empty().txt(name, "v=DMARC1; rua=mailto:x@green.example.org"));
        assertThat(elsewhere.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(elsewhere.detail()).contains("another host");

        Verification notFirst = ReportDestinations.verify("blue.example.com", uri("mailto:reports@red.example.net"), ORG,
                ScriptedResolver.empty().txt(name, "rua=mailto:x@red.example.net; v=DMARC1"));
        assertThat(notFirst.outcome()).isEqualTo(Outcome.REFUSED);
    }

    @Test
    void a_dns_failure_is_try_again_and_other_schemes_are_not_delivered() {
        ScriptedResolver failing = ScriptedResolver.empty().tempFail("blue.example.com._report._dmarc.red.example.net",
                "timed out");
        assertThat(ReportDestinations.verify("blue.example.com", uri("mailto:reports@red.example.net"), ORG, failing)
                .outcome()).isEqualTo(Outcome.TEMPFAIL);
        assertThat(ReportDestinations.verify("example.com", uri("https://reports.example/x"), ORG, failing).outcome())
                .isEqualTo(Outcome.UNSUPPORTED);
    }
}
