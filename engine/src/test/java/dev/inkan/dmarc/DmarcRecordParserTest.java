package dev.inkan.dmarc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DmarcRecordParserTest {

    private static DmarcRecord record(String text) {
        DmarcRecordParse parse = DmarcRecordParser.parse(text);
        assertThat(parse.isDmarc()).as(text + ": " + parse.notDmarc()).isTrue();
        return parse.record();
    }

    @Test
    void defaults_of_a_minimal_record() {
        DmarcRecord r = record("v=DMARC1");
        assertThat(r.p()).isNull();
        assertThat(r.has("p")).isFalse();
        assertThat(r.adkim()).isEqualTo(AlignmentMode.RELAXED);
        assertThat(r.aspf()).isEqualTo(AlignmentMode.RELAXED);
        assertThat(r.testing()).isFalse();
        assertThat(r.psd()).isEqualTo(PsdFlag.UNKNOWN);
        assertThat(r.pct()).isEqualTo(100);
        assertThat(r.fo()).containsExactly("0");
        assertThat(r.rf()).containsExactly("afrf");
        assertThat(r.ri()).isEqualTo(86400);
        assertThat(r.rua()).isEmpty();
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void every_rfc9989_and_rfc7489_tag() {
        DmarcRecord r = record("v=DMARC1; p=reject; sp=quarantine; np=none; psd=n; t=y; adkim=s; aspf=s;"
                + " rua=mailto:a@example.com,mailto:b@example.net!10m; ruf=mailto:f@example.com; fo=1:d:s;"
                + " pct=25; rf=afrf; ri=3600");
        assertThat(r.p()).isEqualTo(DmarcPolicy.REJECT);
        assertThat(r.sp()).isEqualTo(DmarcPolicy.QUARANTINE);
        assertThat(r.np()).isEqualTo(DmarcPolicy.NONE);
        assertThat(r.psd()).isEqualTo(PsdFlag.NO);
        assertThat(r.testing()).isTrue();
        assertThat(r.adkim()).isEqualTo(AlignmentMode.STRICT);
        assertThat(r.aspf()).isEqualTo(AlignmentMode.STRICT);
        assertThat(r.rua()).containsExactly("mailto:a@example.com", "mailto:b@example.net");
        assertThat(r.ruf()).containsExactly("mailto:f@example.com");
        assertThat(r.fo()).containsExactly("1", "d", "s");
        assertThat(r.pct()).isEqualTo(25);
        assertThat(r.ri()).isEqualTo(3600);
        assertThat(r.invalidTags()).isEmpty();
        assertThat(r.problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v=spf1 -all", "V=BOB", "v=DMARC2; p=reject", "v=dmarc1; p=reject",
            "p=reject; v=DMARC1", "v=DMARC1 p=reject", "v:DMARC1; p=reject", "DMARC1"})
    void only_a_first_tag_v_DMARC1_makes_a_dmarc_record(String text) {
        assertThat(DmarcRecordParser.parse(text).isDmarc()).as(text).isFalse();
    }

    @Test
    void white_space_and_case_rfc9989_section_4_8() {
        DmarcRecord r = record("  v = DMARC1 ;\tP = Reject ; ADKIM=S;");
        assertThat(r.p()).isEqualTo(DmarcPolicy.REJECT);
        assertThat(r.adkim()).isEqualTo(AlignmentMode.STRICT);
        assertThat(record("V=DMARC1; p=none").p()).isEqualTo(DmarcPolicy.NONE);
    }

    @Test
    void unknown_tags_are_ignored_rfc9989_section_4_7() {
        DmarcRecord r = record("v=DMARC1; p=none; foo=bar; buzz=happy;");
        assertThat(r.p()).isEqualTo(DmarcPolicy.NONE);
        assertThat(r.tags()).containsKeys("foo", "buzz");
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void invalid_values_are_discarded_for_defaults_rfc9989_section_4_8() {
        DmarcRecord r = record("v=DMARC1; p=bob; sp=; np=maybe; adkim=x; aspf=relaxed; t=yes; psd=q; pct=500;"
                + " ri=-1; fo=0:1; rf=iodef; rua=not a uri");
        assertThat(r.p()).isNull();
        assertThat(r.sp()).isNull();
        assertThat(r.np()).isNull();
        assertThat(r.adkim()).isEqualTo(AlignmentMode.RELAXED);
        assertThat(r.aspf()).isEqualTo(AlignmentMode.RELAXED);
        assertThat(r.testing()).isFalse();
        assertThat(r.psd()).isEqualTo(PsdFlag.UNKNOWN);
        assertThat(r.pct()).isEqualTo(100);
        assertThat(r.ri()).isEqualTo(86400);
        assertThat(r.fo()).containsExactly("0");
        assertThat(r.rf()).containsExactly("afrf");
        assertThat(r.rua()).isEmpty();
        assertThat(r.invalidTags()).containsExactlyInAnyOrder("p", "sp", "np", "adkim", "aspf", "t", "psd", "pct", "ri",
                "fo", "rf", "rua");
        assertThat(r.problems()).hasSize(12);
    }

    @Test
    void malformed_specs_and_repeats_do_not_void_the_record() {
        DmarcRecord r = record("v=DMARC1; p=reject; p=none; sp; 9x=1; ; v=DMARC1; aspf=s");
        assertThat(r.p()).isEqualTo(DmarcPolicy.REJECT);
        assertThat(r.aspf()).isEqualTo(AlignmentMode.STRICT);
        assertThat(r.problems()).anyMatch(p -> p.contains("repeated")).anyMatch(p -> p.contains("malformed"))
                .anyMatch(p -> p.contains("empty tag-spec")).anyMatch(p -> p.contains("v= repeated"));
    }

    @Test
    void report_uris_keep_valid_ones_and_drop_the_obsolete_size() {
        DmarcRecord r = record("v=DMARC1; p=none; rua=mailto:a@example.com!50k , bad uri,https://r.example/x");
        assertThat(r.rua()).containsExactly("mailto:a@example.com", "https://r.example/x");
        assertThat(r.isInvalid("rua")).isFalse();
        assertThat(r.problems()).singleElement().asString().contains("bad uri");
    }

    @Test
    void failure_options_follow_the_dmarc_fo_grammar() {
        assertThat(record("v=DMARC1; fo=d:1").fo()).containsExactly("d", "1");
        assertThat(record("v=DMARC1; fo=s").fo()).containsExactly("s");
        for (String bad : List.of("fo=0:1", "fo=d:d", "fo=x", "fo=")) {
            assertThat(record("v=DMARC1; " + bad).isInvalid("fo")).as(bad).isTrue();
        }
    }

    @Test
    void pct_and_ri_bounds_rfc7489_section_6_4() {
        assertThat(record("v=DMARC1; pct=0").pct()).isZero();
        assertThat(record("v=DMARC1; pct=100").pct()).isEqualTo(100);
        assertThat(record("v=DMARC1; pct=101").isInvalid("pct")).isTrue();
        assertThat(record("v=DMARC1; pct=0050").isInvalid("pct")).isTrue();
        assertThat(record("v=DMARC1; ri=4294967295").ri()).isEqualTo(4294967295L);
        assertThat(record("v=DMARC1; ri=4294967296").isInvalid("ri")).isTrue();
    }

    @Test
    void multi_string_txt_records_arrive_joined_rfc9989_appendix_b_2_5() {
        DmarcRecord r = record("v=DMARC1; p=quarantine; " + "rua=mailto:dmarc-feedback@example.com,"
                + "mailto:tld-test@thirdparty.example.net; " + "t=y");
        assertThat(r.rua()).containsExactly("mailto:dmarc-feedback@example.com",
                "mailto:tld-test@thirdparty.example.net");
        assertThat(r.testing()).isTrue();
    }
}
