package dev.inkan.keyrecord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.crypto.KeyType;
import dev.inkan.crypto.SignatureAlgorithm;
import dev.inkan.dns.ScriptedResolver;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The protocol-neutral problems of key records (RFC 6376 §3.6.1, §6.1.2), as DKIM and ARC both meet them. */
class KeyRecordLookupTest {

    static final String NAME = "sel._domainkey.example.org";
    static final String P = "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=";

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("valid", ScriptedResolver.empty().txt(NAME, "v=DKIM1; k=ed25519; p=" + P), null),
                Arguments.of("first valid of several", ScriptedResolver.empty().txt(NAME, "site-verification=x",
                        "v=DKIM1; k=ed25519; p=" + P), null),
                Arguments.of("nxdomain", ScriptedResolver.empty(), KeyRecordProblem.NOT_FOUND),
                Arguments.of("temporary failure", ScriptedResolver.empty().tempFail(NAME, "timed out"),
                        KeyRecordProblem.UNAVAILABLE),
                Arguments.of("syntax", ScriptedResolver.empty().txt(NAME, "v=DKIM1; k; p=" + P), KeyRecordProblem.SYNTAX),
                Arguments.of("no p=", ScriptedResolver.empty().txt(NAME, "v=DKIM1; k=rsa"), KeyRecordProblem.SYNTAX),
                Arguments.of("version", ScriptedResolver.empty().txt(NAME, "v=DKIM2; p=" + P), KeyRecordProblem.VERSION));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void lookup(String name, ScriptedResolver dns, KeyRecordProblem problem) {
        KeyRecordParse found = new KeyRecordLookup(dns, new KeyRecordCache(10)).find(NAME);
        assertThat(found.problem()).isEqualTo(problem);
        if (problem == null) {
            assertThat(found.record().keyType()).isEqualTo(KeyType.ED25519);
        }
    }

    static Stream<Arguments> usability() {
        return Stream.of(
                Arguments.of("v=DKIM1; k=ed25519; p=" + P, SignatureAlgorithm.ED25519_SHA256, null),
                Arguments.of("v=DKIM1; k=ed25519; p=" + P, SignatureAlgorithm.RSA_SHA256, KeyRecordProblem.KEY_TYPE),
                Arguments.of("v=DKIM1; k=dsa; p=" + P, SignatureAlgorithm.RSA_SHA256, KeyRecordProblem.KEY_TYPE),
                Arguments.of("v=DKIM1; h=sha1; p=" + P, SignatureAlgorithm.RSA_SHA256, KeyRecordProblem.HASH_ALGORITHM),
                Arguments.of("v=DKIM1; s=chat; p=" + P, SignatureAlgorithm.RSA_SHA256, KeyRecordProblem.SERVICE),
                Arguments.of("v=DKIM1; p=", SignatureAlgorithm.RSA_SHA256, KeyRecordProblem.REVOKED));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("usability")
    void problem_for_an_algorithm(String text, SignatureAlgorithm algorithm, KeyRecordProblem problem) {
        KeyRecord record = KeyRecordParse.parse(text).record();
        assertThat(record.problemFor(algorithm)).isEqualTo(problem);
        if (problem != null) {
            assertThat(problem.text()).isNotBlank();
        }
    }
}
