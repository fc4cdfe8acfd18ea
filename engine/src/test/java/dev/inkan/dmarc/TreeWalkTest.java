package dev.inkan.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dns.QueryType;
import dev.inkan.dns.RecordingResolver;
import dev.inkan.dns.ScriptedResolver;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 9989 §4.10 (the walk) and §4.10.2 (the selection), with every example of those sections. */
class TreeWalkTest {

    private static RecordingResolver dns(String zone) {
        return new RecordingResolver(ScriptedResolver.fromZoneText(zone));
    }

    private static List<String> dmarcNames(String... domains) {
        return java.util.Arrays.stream(domains).map(d -> "_dmarc." + d).toList();
    }

    /** §4.10: "a full DNS Tree Walk would require the following eight queries". */
    @Test
    void section_4_10_example_eight_queries_for_a_thirteen_label_domain() {
        RecordingResolver dns = dns("");
        TreeWalk walk = TreeWalk.from("a.b.c.d.e.f.g.h.i.j.mail.example.com", new PolicyRecords(dns));
        assertThat(walk.completed()).isTrue();
        assertThat(dns.names(QueryType.TXT)).containsExactlyElementsOf(dmarcNames(
                "a.b.c.d.e.f.g.h.i.j.mail.example.com", "g.h.i.j.mail.example.com", "h.i.j.mail.example.com",
                "i.j.mail.example.com", "j.mail.example.com", "mail.example.com", "example.com", "com"));
        assertThat(walk.organizationalDomain()).isEqualTo("a.b.c.d.e.f.g.h.i.j.mail.example.com");
    }

    /**
     * §4.10 step 4 and §4.10.1: "If the Author Domain has eight or fewer labels, the starting point will be the
     * immediate parent domain"; otherwise the name is shortened to seven labels. Never more than eight queries.
     */
    @ParameterizedTest
    @CsvSource({"com, 1", "example.com, 2", "a.b.c.d.e.f.example, 7", "a.b.c.d.e.f.g.example, 8",
            "a.b.c.d.e.f.g.h.example, 8", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.example, 8"})
    void label_limits(String domain, int queries) {
        List<String> targets = TreeWalk.targets(domain);
        assertThat(targets).hasSize(queries).first().isEqualTo(domain);
        assertThat(targets).last().isEqualTo(domain.substring(domain.lastIndexOf('.') + 1));
        if (targets.size() > 1) {
            int labels = domain.split("\\.").length;
            assertThat(targets.get(1).split("\\.")).hasSize(Math.min(labels - 1, 7));
        }
    }

    /**
     * §4.10.2: records at _dmarc.mail.example.com and _dmarc.example.com, none at a.mail.example.com or com:
     * "the Organizational Domain for this domain would be example.com".
     */
    @Test
    void section_4_10_2_first_example_the_fewest_labels_win() {
        RecordingResolver dns = dns("""
                _dmarc.mail.example.com. TXT "v=DMARC1; p=none"
                _dmarc.example.com. TXT "v=DMARC1; p=reject"
                """);
        TreeWalk walk = TreeWalk.from("a.mail.example.com", new PolicyRecords(dns));
        assertThat(walk.organizationalDomain()).isEqualTo("example.com");
        assertThat(dns.names(QueryType.TXT))
                .containsExactlyElementsOf(dmarcNames("a.mail.example.com", "mail.example.com", "example.com", "com"));
    }

    /** §4.10.2: a record at _dmarc.mail.example.com with psd=n makes mail.example.com the Organizational Domain. */
    @Test
    void section_4_10_2_second_example_psd_n_stops_the_walk() {
        RecordingResolver dns = dns("""
                _dmarc.mail.example.com. TXT "v=DMARC1; p=none; psd=n"
                _dmarc.example.com. TXT "v=DMARC1; p=reject"
                """);
        TreeWalk walk = TreeWalk.from("a.mail.example.com", new PolicyRecords(dns));
        assertThat(walk.organizationalDomain()).isEqualTo("mail.example.com");
        assertThat(dns.names(QueryType.TXT)).containsExactlyElementsOf(dmarcNames("a.mail.example.com",
                "mail.example.com"));
    }

    /** §4.10.2: only _dmarc.com, with psd=y: "the Organizational Domain for this domain would be example.com". */
    @Test
    void section_4_10_2_last_example_psd_y_at_the_top_level_domain() {
        RecordingResolver dns = dns("_dmarc.com. TXT \"v=DMARC1; p=reject; psd=y\"\n");
        TreeWalk walk = TreeWalk.from("a.mail.example.com", new PolicyRecords(dns));
        assertThat(walk.organizationalDomain()).isEqualTo("example.com");
        assertThat(walk.publicSuffixRecord().domain()).isEqualTo("com");
    }

    /**
     * §4.10.2 step 2: queried _dmarc.mail.example.com, then _dmarc.example.com with psd=y: "mail.example.com ... is
     * thus the Organizational Domain".
     */
    @Test
    void section_4_10_2_step_2_example_one_label_below_the_psd() {
        RecordingResolver dns = dns("_dmarc.example.com. TXT \"v=DMARC1; p=none; psd=y\"\n");
        TreeWalk walk = TreeWalk.from("mail.example.com", new PolicyRecords(dns));
        assertThat(walk.organizationalDomain()).isEqualTo("mail.example.com");
        assertThat(dns.names(QueryType.TXT)).containsExactlyElementsOf(dmarcNames("mail.example.com", "example.com"));
    }

    /** §4.10.2 step 2 "other than the one for the domain where the Tree Walk started": a PSD is its own. */
    @Test
    void a_psd_y_record_at_the_start_makes_the_start_its_own_organizational_domain() {
        TreeWalk walk = TreeWalk.from("bank.example",
                new PolicyRecords(dns("_dmarc.bank.example. TXT \"v=DMARC1; p=reject; psd=y\"\n")));
        assertThat(walk.organizationalDomain()).isEqualTo("bank.example");
    }

    /** "If this process does not determine the Organizational Domain, then the initial target domain is". */
    @Test
    void without_any_record_the_start_is_the_organizational_domain() {
        assertThat(TreeWalk.from("a.b.example", new PolicyRecords(dns(""))).organizationalDomain())
                .isEqualTo("a.b.example");
    }

    /** §4.10 steps 2 and 6: several DMARC records at one name are all discarded; non-DMARC TXT never counts. */
    @Test
    void several_records_at_a_name_are_discarded_and_the_walk_goes_on() {
        RecordingResolver dns = dns("""
                _dmarc.sub.example.com. TXT "v=DMARC1; p=reject; psd=n"
                _dmarc.sub.example.com. TXT "v=DMARC1; p=none; psd=n"
                _dmarc.example.com. TXT "v=DMARC1; p=quarantine"
                _dmarc.example.com. TXT "some verification token"
                """);
        TreeWalk walk = TreeWalk.from("a.sub.example.com", new PolicyRecords(dns));
        assertThat(walk.found()).extracting(PolicyRecordAnswer::domain).containsExactly("example.com");
        assertThat(walk.organizationalDomain()).isEqualTo("example.com");
    }

    @Test
    void a_temporary_failure_ends_the_walk_unfinished() {
        ScriptedResolver zone = ScriptedResolver.fromZoneText("_dmarc.example.com. TXT \"v=DMARC1; p=none\"\n")
                .tempFail("_dmarc.com", "SERVFAIL");
        TreeWalk walk = TreeWalk.from("a.example.com", new PolicyRecords(zone));
        assertThat(walk.completed()).isFalse();
        assertThat(walk.tempFail().detail()).contains("_dmarc.com").contains("SERVFAIL");
    }

    @Test
    void walks_of_one_evaluation_share_their_queries() {
        RecordingResolver dns = dns("_dmarc.example.com. TXT \"v=DMARC1; p=none\"\n");
        PolicyRecords records = new PolicyRecords(dns);
        TreeWalk.from("a.example.com", records);
        TreeWalk.from("b.example.com", records);
        TreeWalk.from("a.example.com", records);
        assertThat(dns.names(QueryType.TXT)).containsExactlyElementsOf(dmarcNames("a.example.com", "example.com",
                "com", "b.example.com"));
    }
}
