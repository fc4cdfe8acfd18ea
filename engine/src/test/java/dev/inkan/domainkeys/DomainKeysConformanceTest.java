package dev.inkan.domainkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.conformance.ConformanceSuite;
import dev.inkan.dns.ScriptedResolver;
import dev.inkan.message.MessageLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DomainKeys corpus of Mail::DKIM ({@code domainkeys/}, 17 messages, and the same messages in
 * {@code dkim-corpus/} with that corpus's DNS): pass ↔ pass, invalid ↔ any result but pass and none. Where
 * RFC 4870 says otherwise than Mail::DKIM, the RFC's outcome is expected and the difference printed.
 */
class DomainKeysConformanceTest {

    /** Rows where RFC 4870 differs from Mail::DKIM's choice: our outcome, and the section. */
    static final Map<String, String[]> RFC_DIFFERENCES = Map.of(
            "good_dk_2.txt", new String[] {"neutral", "RFC 4870 §3.3: q= \"MUST be present\" and the header must be"
                    + " validated meticulously (§3.7.3); Yahoo's 2006 signature has none (bad_dk_3, same defect, is"
                    + " expected invalid)"},
            "dk_headers_2.txt", new String[] {"permerror", "RFC 4870 §3.7.3 rule 1: the message has a Sender field"
                    + " (\"evil doer\", no address), \"if this extraction fails, the email SHALL fail verification\""
                    + " (Mail::DKIM looks only at signed fields and falls back to From)"},
            "good_dk_3.txt", new String[] {"fail", "RFC 4870 §3.2.3: a key's g= \"MUST exactly match the local part\";"
                    + " g=jl*g is not jlong (the * wildcard is RFC 4871 DKIM's, not DomainKeys')"},
            "good_dk_4.txt", new String[] {"fail", "RFC 4870 §3.2.3: a key's g= \"MUST exactly match the local part\";"
                    + " g=jl*g is not jlong (the * wildcard is RFC 4871 DKIM's, not DomainKeys')"});

    record Row(String suite, String file, String expected, String comment) {
        @Override
        public String toString() {
            return suite + "/" + file + (comment.isEmpty() ? "" : " (" + comment + ")");
        }
    }

    static Stream<Arguments> rows() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String suite : List.of("domainkeys", "dkim-corpus")) {
            Path dir = ConformanceSuite.resolve(suite);
            List<String> lines = Files.readAllLines(dir.resolve("EXPECTED.tsv"), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", -1);
                if (line.isBlank() || !(f[0].contains("_dk_") || f[0].startsWith("dk_"))) {
                    continue;
                }
                out.add(Arguments.of(new Row(suite, f[0], f[1], f.length > 3 ? f[3] : "")));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void corpus_message_gives_the_expected_result(Row row) throws Exception {
        Path dir = ConformanceSuite.resolve(row.suite());
        DomainKeysVerifier verifier = new DomainKeysVerifier(
                ScriptedResolver.fromMailDkimFakeDns(dir.resolve("FAKE_DNS.dat")), MessageLimits.DEFAULT);
        DomainKeysVerdict verdict;
        try (InputStream in = Files.newInputStream(dir.resolve("corpus").resolve(row.file()))) {
            verdict = verifier.verify(in);
        }
        String ours = verdict.result().keyword();
        String described = row + ": " + verdict.toResultInfo();
        String[] difference = RFC_DIFFERENCES.get(row.file());
        if (difference != null) {
            System.out.println("RFC DIFFERENCE " + row + ": Mail::DKIM says " + row.expected() + ", we say " + ours
                    + " because " + difference[1]);
            assertThat(ours).as(described).isEqualTo(difference[0]);
            return;
        }
        if (row.expected().equals("pass")) {
            assertThat(ours).as(described).isEqualTo("pass");
        } else {
            assertThat(row.expected()).isEqualTo("invalid");
            assertThat(ours).as(described).isNotIn("pass", "none");
        }
        System.out.println("DomainKeys " + described);
    }
}
