package dev.inkan.diagnosis;

import static dev.inkan.diagnosis.DiagnosisKeys.ED25519;
import static dev.inkan.diagnosis.DiagnosisKeys.OTHER_RSA_2048;
import static dev.inkan.diagnosis.DiagnosisKeys.RSA_1024;
import static dev.inkan.diagnosis.DiagnosisKeys.RSA_2048;
import static dev.inkan.diagnosis.DiagnosisKeys.p;
import static dev.inkan.diagnosis.DiagnosisKeys.record;
import static dev.inkan.diagnosis.DiagnosisKeys.zoneLine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.crypto.SigningKey;
import dev.inkan.dns.ScriptedResolver;
import dev.inkan.dns.ZoneFileException;
import dev.inkan.dns.ZoneFileResolver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each DKIM key record problem {@code inkan check dkim} names, on zone data. */
class DkimKeyCheckTest {

    static final String NAME = "s1._domainkey.example.com";

    static RecordReport check(String zone, SigningKey key) {
        return new DkimKeyCheck(ScriptedResolver.fromZoneText(zone)).check("example.com", "s1", key);
    }

    static List<String> codes(RecordReport report) {
        return report.codes();
    }

    @Test
    void a_good_record_matching_the_key_is_ok() {
        RecordReport report = check(zoneLine(NAME, record(RSA_2048)), RSA_2048);
        assertThat(report.record()).isEqualTo(NAME + " TXT");
        assertThat(report.statusKeyword()).isEqualTo("ok");
        assertThat(codes(report)).containsExactlyInAnyOrder("key-ok", "key-matches");
        assertThat(report.finding("key-ok").orElseThrow().message()).contains("2048 bits", "rsa-sha256");
    }

    @Test
    void a_missing_record_names_the_name_looked_up_and_the_record_to_publish() {
        RecordReport report = check("other.example.com. IN TXT \"x\"\n", RSA_2048);
        Finding missing = report.finding("record-missing").orElseThrow();
        assertThat(report.hasErrors()).isTrue();
        assertThat(missing.message()).contains(NAME, "does not exist");
        assertThat(missing.fix()).contains(record(RSA_2048));
    }

    @Test
    void a_key_cut_short_has_no_modulus() {
        String cut = "v=DKIM1; k=rsa; p=" + p(RSA_2048).substring(0, 200);
        RecordReport report = check(zoneLine(NAME, cut), null);
        assertThat(codes(report)).containsExactly("no-modulus");
        assertThat(report.findings().get(0).message()).contains("no modulus");
    }

    @Test
    void a_key_cut_at_an_odd_length_is_no_base64_and_also_no_modulus() {
        String cut = "v=DKIM1; k=rsa; p=" + p(RSA_2048).substring(0, 201);
        assertThat(codes(check(zoneLine(NAME, cut), null))).containsExactly("no-modulus");
    }

    @Test
    void a_record_cut_at_255_bytes_says_so() {
        String cut = record(RSA_2048).substring(0, 255);
        Finding finding = check(zoneLine(NAME, cut), null).finding("no-modulus").orElseThrow();
        assertThat(finding.message()).contains("exactly 255 bytes");
    }

    @Test
    void quotes_pasted_into_the_value_are_named() {
        String pasted = "v=DKIM1; k=rsa; \" \"p=" + p(RSA_2048);
        assertThat(codes(check(zoneLine(NAME, pasted), null))).containsExactly("quotes-in-record");
    }

    @Test
    void white_space_inside_p_is_a_warning_the_verifier_tolerates() {
        String key = p(RSA_2048);
        String broken = "v=DKIM1; k=rsa; p=" + key.substring(0, 100) + " " + key.substring(100);
        RecordReport report = check(zoneLine(NAME, broken), RSA_2048);
        assertThat(report.statusKeyword()).isEqualTo("warning");
        assertThat(codes(report)).contains("key-whitespace", "key-matches");
    }

    @Test
    void a_key_spread_over_two_records_is_split() {
        String key = p(RSA_2048);
        String zone = NAME + ". IN TXT \"v=DKIM1; k=rsa; p=" + key.substring(0, 200) + "\"\n"
                + NAME + ". IN TXT \"" + key.substring(200) + "\"\n";
        assertThat(codes(check(zone, null))).contains("record-split", "no-modulus");
    }

    @Test
    void two_key_records_at_one_selector_are_several_records() {
        String zone = zoneLine(NAME, record(RSA_2048)) + zoneLine(NAME, record(OTHER_RSA_2048));
        assertThat(codes(check(zone, null))).contains("multiple-records");
    }

    @Test
    void another_key_than_the_private_key_given_is_a_mismatch() {
        RecordReport report = check(zoneLine(NAME, record(OTHER_RSA_2048)), RSA_2048);
        assertThat(codes(report)).contains("key-mismatch");
        assertThat(report.finding("key-mismatch").orElseThrow().fix()).contains(p(RSA_2048));
    }

    @Test
    void key_sizes_follow_rfc_8301() {
        assertThat(codes(check(zoneLine(NAME, record(RSA_1024)), null))).containsExactly("key-short", "key-ok");
        assertThat(codes(check(zoneLine(NAME, "v=DKIM1; k=rsa; p=" + DiagnosisKeys.RSA_512_P), null)))
                .containsExactly("key-too-short");
    }

    @Test
    void hashes_that_leave_nothing_usable() {
        assertThat(codes(check(zoneLine(NAME, "v=DKIM1; h=sha1; k=rsa; p=" + p(RSA_2048)), null)))
                .containsExactly("sha1-only");
        assertThat(codes(check(zoneLine(NAME, "v=DKIM1; h=md5; k=rsa; p=" + p(RSA_2048)), null)))
                .containsExactly("no-usable-hash");
        assertThat(codes(check(zoneLine(NAME, "v=DKIM1; h=sha1:sha256; k=rsa; p=" + p(RSA_2048)), null)))
                .containsExactly("key-ok");
    }

    @Test
    void key_type_mismatches_both_ways() {
        assertThat(codes(check(zoneLine(NAME, "v=DKIM1; k=ed25519; p=" + p(RSA_2048)), null)))
                .containsExactly("key-type-mismatch");
        Finding noK = check(zoneLine(NAME, "v=DKIM1; p=" + p(ED25519)), null).findings().get(0);
        assertThat(noK.code()).isEqualTo("key-type-mismatch");
        assertThat(noK.fix()).contains("k=ed25519");
        assertThat(codes(check(zoneLine(NAME, "v=DKIM1; k=dsa; p=" + p(ED25519)), null)))
                .containsExactly("unknown-key-type");
    }

    @Test
    void testing_mode_left_on_is_a_warning() {
        RecordReport report = check(zoneLine(NAME, "v=DKIM1; t=y; k=ed25519; p=" + p(ED25519)), ED25519);
        assertThat(report.statusKeyword()).isEqualTo("warning");
        assertThat(codes(report)).contains("testing-mode", "key-matches");
    }

    @Test
    void a_revoked_key_and_a_bad_version() {
        assertThat(codes(check(zoneLine(NAME, "v=DKIM1; k=rsa; p="), null))).containsExactly("key-revoked");
        assertThat(codes(check(zoneLine(NAME, "v=DKIM2; p=" + p(RSA_2048)), null)))
                .containsExactly("unsupported-version");
        assertThat(codes(check(zoneLine(NAME, "v=DKIM1; k=rsa; k=rsa; p=" + p(RSA_2048)), null)))
                .containsExactly("key-syntax");
    }

    @Test
    void a_zone_file_string_over_255_bytes_is_reported_with_its_line_and_the_key_still_read()
            throws ZoneFileException {
        String zone = "; keys\n" + NAME + ". IN TXT \"" + record(RSA_2048) + "\"\n";
        ZoneFileResolver dns = ZoneFileResolver.fromTextSplittingLongStrings(zone);
        RecordReport report = new DkimKeyCheck(dns, dns.oversizedTxtStrings()).check("example.com", "s1", RSA_2048);
        Finding tooLong = report.finding("string-too-long").orElseThrow();
        assertThat(tooLong.severity()).isEqualTo(Severity.ERROR);
        assertThat(tooLong.message()).contains("line 2", record(RSA_2048).length() + " bytes");
        assertThat(codes(report)).contains("key-matches");
    }

    @Test
    void dns_failure_is_an_error() {
        RecordReport report = new DkimKeyCheck(ScriptedResolver.empty().tempFail(NAME, "timed out"))
                .check("example.com", "s1", null);
        assertThat(codes(report)).containsExactly("dns-failure");
    }
}
