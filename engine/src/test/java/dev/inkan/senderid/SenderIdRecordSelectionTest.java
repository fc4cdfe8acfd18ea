package dev.inkan.senderid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.spf.SpfRecordChoice;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 4406 §3.1 (version and scope) and §4.4 (record selection), record set by record set. */
class SenderIdRecordSelectionTest {

    /** scope, the TXT records ("|" between them), the record chosen, or "none", or "2 records". */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("pra", "v=spf1 -all", "v=spf1 -all"),
                Arguments.of("mfrom", "v=spf1 -all", "v=spf1 -all"),
                Arguments.of("pra", "spf2.0/pra -all|v=spf1 +all", "spf2.0/pra -all"),
                Arguments.of("pra", "v=spf1 +all|spf2.0/pra -all", "spf2.0/pra -all"),
                Arguments.of("pra", "spf2.0/mfrom -all|v=spf1 +all", "v=spf1 +all"),
                Arguments.of("mfrom", "spf2.0/pra -all|v=spf1 +all", "v=spf1 +all"),
                Arguments.of("mfrom", "spf2.0/mfrom -all|v=spf1 +all", "spf2.0/mfrom -all"),
                Arguments.of("pra", "spf2.0/mfrom -all", "none"),
                Arguments.of("mfrom", "spf2.0/pra -all", "none"),
                Arguments.of("pra", "spf2.0/mfrom,pra -all", "spf2.0/mfrom,pra -all"),
                Arguments.of("mfrom", "spf2.0/pra,mfrom ?all", "spf2.0/pra,mfrom ?all"),
                Arguments.of("pra", "spf2.0/mfrom,prattle,fubar -all|v=spf1 ?all", "v=spf1 ?all"),
                Arguments.of("pra", "spf2.0/mfrom,pra,fubar -all", "spf2.0/mfrom,pra,fubar -all"),
                Arguments.of("pra", "SPF2.0/PRA -all", "SPF2.0/PRA -all"),
                Arguments.of("pra", "spf2.1/pra -all", "spf2.1/pra -all"),
                Arguments.of("pra", "spf2./pra -all", "none"),
                Arguments.of("pra", "spf2.0 -all", "none"),
                Arguments.of("pra", "spf2.0/ -all", "none"),
                Arguments.of("pra", "spf2.0/pra, -all", "none"),
                Arguments.of("pra", "spf2.0/pra-all", "none"),
                Arguments.of("pra", "spf2.0/pra", "spf2.0/pra"),
                Arguments.of("pra", "spf2.0/pra -all|spf2.0/mfrom,pra +all", "2 records"),
                Arguments.of("mfrom", "spf2.0/mfrom -all|spf2.0/mfrom,pra -all|v=spf1 -all", "2 records"),
                Arguments.of("pra", "v=spf1 -all|v=spf1 +all", "2 records"),
                Arguments.of("pra", "v=spf1 -all|v=spf1 +all|spf2.0/pra ~all", "spf2.0/pra ~all"),
                Arguments.of("mfrom", "v=spf10 -all|spf2.0/mfrom ?all", "spf2.0/mfrom ?all"),
                Arguments.of("pra", "hello world|v=spf1 a", "v=spf1 a"));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("cases")
    void selects(String scope, String records, String expected) {
        SenderIdRecordSelection selection = SenderIdRecordSelection.of(SenderIdScope.valueOf(scope.toUpperCase()));
        SpfRecordChoice choice = selection.select("example.com", Arrays.asList(records.split("\\|")));
        switch (expected) {
            case "none" -> assertThat(choice.candidates()).isEmpty();
            case "2 records" -> assertThat(choice.candidates()).hasSize(2);
            default -> {
                assertThat(choice.candidates()).hasSize(1);
                SpfRecordChoice.Candidate chosen = choice.candidates().get(0);
                assertThat(chosen.text()).isEqualTo(expected);
                String version = expected.split(" ")[0];
                assertThat(chosen.termsStart()).isEqualTo(version.length());
            }
        }
        assertThat(choice.kind()).contains("spf2.0/" + scope);
    }
}
