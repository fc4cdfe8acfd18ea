package dev.inkan.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dns.ScriptedResolver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each SPF record problem {@code inkan check spf} names, on zone data. */
class SpfRecordCheckTest {

    static RecordReport check(String zone) {
        return new SpfRecordCheck(ScriptedResolver.fromZoneText(zone)).check("example.com");
    }

    static List<String> codes(RecordReport report) {
        return report.codes();
    }

    /** {@code n} included domains, each with an SPF record of one ip4 network. */
    static String includes(int n) {
        StringBuilder zone = new StringBuilder("example.com. IN TXT ( \"v=spf1\"");
        for (int i = 0; i < n; i++) {
            zone.append(" \" include:s").append(i).append(".example.net\"");
        }
        zone.append(" \" -all\" )\n");
        for (int i = 0; i < n; i++) {
            zone.append("s").append(i).append(".example.net. IN TXT \"v=spf1 ip4:198.51.100.").append(i).append(" -all\"\n");
        }
        return zone.toString();
    }

    @Test
    void a_good_record_is_ok_with_its_lookup_count() {
        RecordReport report = check(includes(3) + "example.com. IN MX 10 mx.example.com.\nmx.example.com. IN A 192.0.2.1\n");
        assertThat(report.statusKeyword()).isEqualTo("ok");
        assertThat(report.record()).isEqualTo("example.com TXT");
        assertThat(report.finding("lookup-count").orElseThrow().message()).contains("makes 3 of at most 10");
    }

    @Test
    void a_missing_record_names_the_domain() {
        RecordReport report = check("example.com. IN TXT \"google-site-verification=abc\"\n");
        assertThat(codes(report)).containsExactly("record-missing");
        assertThat(check("example.org. IN TXT \"v=spf1 -all\"\n").findings().get(0).message())
                .contains("example.com", "does not exist");
    }

    @Test
    void two_spf_records_and_a_record_split_in_two() {
        assertThat(codes(check("example.com. IN TXT \"v=spf1 mx -all\"\nexample.com. IN TXT \"v=spf1 a -all\"\n")))
                .containsExactly("multiple-records");
        assertThat(codes(check("example.com. IN TXT \"v=spf1 ip4:192.0.2.0/24\"\n"
                + "example.com. IN TXT \"include:_spf.example.net -all\"\n"))).contains("record-split");
    }

    @Test
    void syntax_errors_name_the_term() {
        RecordReport report = check("example.com. IN TXT \"v=spf1 ip4:192.0.2.0/33 -all\"\n");
        assertThat(codes(report)).containsExactly("syntax-error");
        assertThat(report.findings().get(0).message()).contains("ip4:192.0.2.0/33");
        assertThat(codes(check("example.com. IN TXT \"v=spf1 inclde:x.example.net -all\"\n")))
                .containsExactly("syntax-error");
        assertThat(codes(check("example.com. IN TXT \"v=spf1mx -all\"\n"))).containsExactly("version-error");
    }

    @Test
    void more_than_ten_lookups_through_includes_are_counted_in_all() {
        RecordReport report = check(includes(12));
        Finding tooMany = report.finding("too-many-lookups").orElseThrow();
        assertThat(tooMany.message()).contains("12 in all");
        assertThat(report.hasErrors()).isTrue();
    }

    @Test
    void lookups_are_counted_through_nested_includes_and_redirect() {
        String zone = "example.com. IN TXT \"v=spf1 include:a.example.net redirect=b.example.net\"\n"
                + "a.example.net. IN TXT \"v=spf1 a mx include:c.example.net -all\"\n"
                + "a.example.net. IN A 192.0.2.1\na.example.net. IN MX 10 a.example.net.\n"
                + "c.example.net. IN TXT \"v=spf1 exists:%{i}.c.example.net a:x.example.net a:y.example.net -all\"\n"
                + "x.example.net. IN A 192.0.2.2\ny.example.net. IN A 192.0.2.3\nz.example.net. IN A 192.0.2.4\n"
                + "b.example.net. IN TXT \"v=spf1 a:x.example.net a:y.example.net a:z.example.net mx:x.example.net -all\"\n";
        RecordReport report = check(zone);
        assertThat(report.finding("too-many-lookups").orElseThrow().message()).contains("12 in all");
    }

    @Test
    void void_lookups_warn_and_more_than_two_fail() {
        String two = "example.com. IN TXT \"v=spf1 a:gone1.example.com a:gone2.example.com -all\"\n";
        RecordReport warned = check(two);
        assertThat(codes(warned)).contains("void-lookups", "lookup-count");
        assertThat(warned.statusKeyword()).isEqualTo("warning");
        String three = "example.com. IN TXT \"v=spf1 a:gone1.example.com a:gone2.example.com mx:gone3.example.com -all\"\n";
        assertThat(codes(check(three))).contains("too-many-void-lookups");
    }

    @Test
    void ptr_plus_all_neutral_all_and_no_all() {
        assertThat(codes(check("example.com. IN TXT \"v=spf1 ptr -all\"\n"))).contains("ptr-mechanism");
        RecordReport open = check("example.com. IN TXT \"v=spf1 mx +all\"\n");
        assertThat(codes(open)).contains("pass-all").doesNotHaveDuplicates();
        assertThat(open.hasErrors()).isTrue();
        assertThat(codes(check("example.com. IN TXT \"v=spf1 mx ?all\"\n"))).contains("neutral-all");
        assertThat(codes(check("example.com. IN TXT \"v=spf1 ip4:192.0.2.1\"\n"))).contains("no-all");
        assertThat(codes(check("example.com. IN TXT \"v=spf1 -all ip4:192.0.2.1\"\n"))).contains("terms-after-all");
    }

    @Test
    void an_include_that_authorizes_everyone_is_found_through_the_evaluation() {
        RecordReport report = check("example.com. IN TXT \"v=spf1 include:open.example.net -all\"\n"
                + "open.example.net. IN TXT \"v=spf1 ip4:0.0.0.0/0 ip6:::/0\"\n");
        assertThat(codes(report)).contains("pass-all");
    }

    @Test
    void an_include_without_a_record_is_a_permerror() {
        RecordReport report = check("example.com. IN TXT \"v=spf1 include:none.example.net -all\"\n"
                + "none.example.net. IN A 192.0.2.1\n");
        assertThat(codes(report)).contains("include-without-spf");
    }
}
