package dev.inkan.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mail::DKIM's verifier corpus (dkim-corpus/EXPECTED.tsv): every row Mail::DKIM does not skip, DomainKeys
 * messages aside (they belong to the DomainKeys suite). Mapping: pass ↔ pass, fail ↔ fail, invalid ↔
 * permerror/neutral/policy/temperror. The corpus uses 512-bit keys, rsa-sha1 and pre-RFC draft
 * signatures, so it runs with the legacy preset; a second test checks that the default (RFC 8301) preset
 * refuses exactly those.
 */
class MailDkimCorpusTest {

    /** Rows where RFC 6376 differs from Mail::DKIM's choice: our RFC-based outcome, and the section. */
    static final Map<String, String[]> RFC_DIFFERENCES = Map.of(
            "badkey_8.txt", new String[] {"pass", "RFC 6376 Appendix E dropped the key record g= tag; it is ignored"},
            "badkey_9.txt", new String[] {"pass", "RFC 6376 Appendix E dropped the key record g= tag; it is ignored"},
            "badkey_12.txt", new String[] {"pass", "RFC 6376 Appendix E dropped the key record g= tag; it is ignored"},
            "badkey_13.txt", new String[] {"pass", "RFC 6376 Appendix E dropped the key record g= tag; it is ignored"});

    static Stream<MailDkimCorpus.Row> rows() throws IOException {
        return MailDkimCorpus.rows().stream().filter(row -> {
            if (row.isDomainKeys()) {
                System.out.println("NOT A DKIM CASE " + row.file() + ": DomainKeys (RFC 4870) message, verified by DomainKeysConformanceTest");
                return false;
            }
            if (row.skippedByMailDkim()) {
                System.out.println("SKIPPED " + row.file() + ": Mail::DKIM skips it too (draft-ietf-dkim-base-00 had no bh= tag)");
                return false;
            }
            return true;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void corpus_message_gives_the_expected_result(MailDkimCorpus.Row row) throws Exception {
        List<DkimVerdict> verdicts = verify(row.file(), legacy());
        String ours = overall(verdicts);
        String[] difference = RFC_DIFFERENCES.get(row.file());
        if (difference != null) {
            System.out.println("RFC DIFFERENCE " + row.file() + ": Mail::DKIM says " + row.expected() + ", we say "
                    + difference[0] + " because " + difference[1]);
            assertThat(ours).as(describe(verdicts)).isEqualTo(difference[0]);
            return;
        }
        assertThat(ours).as(describe(verdicts)).isEqualTo(row.expected());
    }

    @Test
    void the_default_preset_refuses_what_rfc_8301_and_rfc_6376_refuse() throws Exception {
        DkimVerifierConfig strict = DkimVerifierConfig.builder(MailDkimCorpus.resolver()).build();
        for (MailDkimCorpus.Row row : rows().toList()) {
            List<DkimVerdict> lax = verify(row.file(), legacy());
            List<DkimVerdict> rfc8301 = verify(row.file(), strict);
            for (int i = 0; i < lax.size(); i++) {
                if (!lax.get(i).passed()) {
                    continue;
                }
                DkimVerdict v = rfc8301.get(i);
                boolean modern = "ed25519-sha256".equals(v.algorithm())
                        || "rsa-sha256".equals(v.algorithm()) && lax.get(i).keyBits() >= 1024;
                if (v.passed()) {
                    assertThat(modern).as(row.file() + " passes only with a modern algorithm and key").isTrue();
                } else {
                    assertThat(v.reason()).as(row.file() + " " + v.comment()).isIn(DkimReason.SHA1_REFUSED,
                            DkimReason.KEY_TOO_SHORT, DkimReason.MISSING_TAG, DkimReason.UNSUPPORTED_VERSION,
                            DkimReason.UNSUPPORTED_QUERY_METHOD);
                    if (modern) {
                        assertThat(v.reason()).as(row.file() + ": only a draft signature format is refused")
                                .isIn(DkimReason.MISSING_TAG, DkimReason.UNSUPPORTED_VERSION,
                                        DkimReason.UNSUPPORTED_QUERY_METHOD);
                    }
                }
            }
        }
    }

    @Test
    void the_corpus_covers_every_kind_of_outcome() throws Exception {
        List<String> outcomes = rows().map(r -> {
            try {
                return overall(verify(r.file(), legacy()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(outcomes).contains("pass", "fail", "invalid");
    }

    private static DkimVerifierConfig legacy() throws IOException {
        return DkimVerifierConfig.builder(MailDkimCorpus.resolver()).legacy().build();
    }

    private static List<DkimVerdict> verify(String file, DkimVerifierConfig config) throws IOException {
        try (InputStream in = Files.newInputStream(MailDkimCorpus.dir().resolve("corpus").resolve(file))) {
            return new DkimVerifier(config).verify(in);
        }
    }

    /** Mail::DKIM's message result: pass if any signature passes, else fail if any fails, else invalid. */
    static String overall(List<DkimVerdict> verdicts) {
        if (verdicts.stream().anyMatch(DkimVerdict::passed)) {
            return "pass";
        }
        if (verdicts.stream().anyMatch(v -> v.result() == DkimResult.FAIL && v.reason() != DkimReason.KEY_REVOKED)) {
            return "fail";
        }
        return verdicts.isEmpty() ? "none" : "invalid";
    }

    private static String describe(List<DkimVerdict> verdicts) {
        return verdicts.stream().map(v -> v.result().keyword() + " (" + v.comment() + ")").toList().toString();
    }
}
