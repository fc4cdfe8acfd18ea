package dev.inkan.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dns.ScriptedResolver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each DMARC record problem {@code inkan check dmarc} names, on zone data. */
class DmarcRecordCheckTest {

    static RecordReport check(String zone) {
        return check(zone, "example.com");
    }

    static RecordReport check(String zone, String domain) {
        return new DmarcRecordCheck(ScriptedResolver.fromZoneText(zone)).check(domain);
    }

    static String dmarc(String value) {
        return "_dmarc.example.com. IN TXT \"" + value + "\"\n";
    }

    static List<String> codes(RecordReport report) {
        return report.codes();
    }

    @Test
    void an_enforcing_record_with_reports_is_ok_and_says_what_receivers_apply() {
        RecordReport report = check(dmarc("v=DMARC1; p=reject; rua=mailto:dmarc@example.com"));
        assertThat(report.record()).isEqualTo("_dmarc.example.com TXT");
        assertThat(report.statusKeyword()).isEqualTo("ok");
        assertThat(report.finding("policy").orElseThrow().message()).contains("p=reject dis=reject");
    }

    @Test
    void a_missing_record_names_the_name_and_a_subdomain_inherits() {
        RecordReport missing = check("example.com. IN A 192.0.2.1\n");
        assertThat(codes(missing)).containsExactly("record-missing");
        assertThat(missing.findings().get(0).message()).contains("_dmarc.example.com");
        RecordReport sub = check(dmarc("v=DMARC1; p=reject; sp=quarantine; rua=mailto:d@example.com")
                + "mail.example.com. IN A 192.0.2.1\n", "mail.example.com");
        assertThat(sub.statusKeyword()).isEqualTo("ok");
        assertThat(sub.finding("policy-inherited").orElseThrow().message()).contains("sp=quarantine");
    }

    @Test
    void several_records_and_a_version_typo() {
        assertThat(codes(check(dmarc("v=DMARC1; p=reject") + dmarc("v=DMARC1; p=none")))).contains("multiple-records");
        assertThat(codes(check(dmarc("v=dmarc1; p=reject")))).containsExactly("version-error");
    }

    @Test
    void syntax_errors_by_what_they_break() {
        assertThat(codes(check(dmarc("v=DMARC1; p=rejcet; rua=mailto:d@example.com")))).contains("invalid-policy");
        assertThat(codes(check(dmarc("v=DMARC1; p=reject; rua=d@example.com")))).contains("invalid-report-uri");
        RecordReport typo = check(dmarc("v=DMARC1; p=reject; adkim=strict; rua=mailto:d@example.com; pc=1"));
        assertThat(codes(typo)).contains("syntax-error", "unknown-tag");
        assertThat(typo.statusKeyword()).isEqualTo("warning");
    }

    @Test
    void p_none_without_rua_is_a_warning() {
        RecordReport report = check(dmarc("v=DMARC1; p=none"));
        assertThat(codes(report)).contains("no-reports");
        assertThat(report.statusKeyword()).isEqualTo("warning");
        assertThat(codes(check(dmarc("v=DMARC1; p=none; rua=mailto:d@example.com")))).doesNotContain("no-reports");
    }

    @Test
    void a_report_destination_in_another_organization_needs_its_authorization() {
        String record = dmarc("v=DMARC1; p=reject; rua=mailto:d@reports.example.net");
        RecordReport refused = check(record);
        Finding finding = refused.finding("report-destination-unauthorized").orElseThrow();
        assertThat(finding.fix()).contains("example.com._report._dmarc.reports.example.net");
        assertThat(refused.hasErrors()).isTrue();
        RecordReport authorized = check(record + "example.com._report._dmarc.reports.example.net. IN TXT \"v=DMARC1\"\n");
        assertThat(authorized.statusKeyword()).isEqualTo("ok");
        assertThat(codes(authorized)).contains("report-destination-authorized");
    }

    @Test
    void pct_is_explained_against_t() {
        RecordReport pct = check(dmarc("v=DMARC1; p=reject; pct=50; rua=mailto:d@example.com"));
        Finding obsolete = pct.finding("pct-obsolete").orElseThrow();
        assertThat(obsolete.message()).contains("RFC 9989", "t=y");
        assertThat(obsolete.fix()).contains("t=y");
        RecordReport testing = check(dmarc("v=DMARC1; p=reject; t=y; rua=mailto:d@example.com"));
        assertThat(testing.finding("testing-mode").orElseThrow().message()).contains("reject becomes quarantine");
        assertThat(testing.finding("policy").orElseThrow().message()).contains("t=y dis=quarantine");
    }
}
