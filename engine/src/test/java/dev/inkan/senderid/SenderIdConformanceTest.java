package dev.inkan.senderid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.authres.AuthResultsFormatter;
import dev.inkan.authres.AuthResultsParse;
import dev.inkan.authres.AuthResultsParser;
import dev.inkan.spf.SpfSuite;
import dev.inkan.spf.SpfSuiteRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mail::SPF's RFC 4406 suite ({@code spf/mailspf-rfc4406-tests.yml} in the conformance folder, located like the
 * OpenSPF suites: {@code -Dinkan.conformance.dir}, failing loudly when absent), every case. Its cases give a
 * MAIL FROM, so they run the "mfrom" scope (RFC 4406 §4, step 1). A case we do not pass would be listed in
 * {@link #KNOWN_FAILURES} with the reason and printed; there is none.
 */
class SenderIdConformanceTest {

    static final String SUITE = "mailspf-rfc4406-tests.yml";

    /** Cases of the suite whose expected result we do not give, with the section we follow instead. */
    static final Map<String, String> KNOWN_FAILURES = Map.of();

    static Stream<SpfSuite.Case> cases() {
        return SpfSuite.load(SUITE).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void suiteCase(SpfSuite.Case c) {
        SenderIdVerdict verdict = run(c);
        if (KNOWN_FAILURES.containsKey(c.name())) {
            assertThat(verdict.result()).as(c.name() + " is a known failure but passes").isNotIn(c.results());
            return;
        }
        assertThat(verdict.result()).as(describe(c, verdict)).isIn(c.results());
        String resinfo = AuthResultsFormatter.resultInfo(verdict.toResultInfo());
        assertThat(AuthResultsParser.parseResultInfo(resinfo)).as(resinfo)
                .isEqualTo(new AuthResultsParse.Parsed<>(verdict.toResultInfo()));
        assertThat(resinfo).startsWith("sender-id=" + verdict.result().keyword() + " ");
    }

    @Test
    void summary() {
        List<SpfSuite.Case> cases = SpfSuite.load(SUITE);
        List<String> failures = new ArrayList<>();
        int passed = 0;
        int known = 0;
        for (SpfSuite.Case c : cases) {
            SenderIdVerdict verdict = run(c);
            if (c.results().contains(verdict.result())) {
                passed++;
            } else if (KNOWN_FAILURES.containsKey(c.name())) {
                known++;
                System.out.println("Sender ID known failure " + describe(c, verdict) + ": " + KNOWN_FAILURES.get(c.name()));
            } else {
                failures.add(describe(c, verdict));
            }
        }
        System.out.println("Sender ID conformance " + SUITE + ": " + cases.size() + " cases, passed=" + passed
                + ", known failures=" + known + " " + KNOWN_FAILURES.keySet());
        assertThat(failures).isEmpty();
        assertThat(cases).isNotEmpty();
        assertThat(passed + known).isEqualTo(cases.size());
    }

    static SenderIdVerdict run(SpfSuite.Case c) {
        return new SenderIdEvaluator(SpfSuiteRunner.config(c.zone())).checkMailFrom(c.clientIp(), c.helo(),
                c.mailFrom());
    }

    private static String describe(SpfSuite.Case c, SenderIdVerdict verdict) {
        return c.name() + " (" + c.scenario() + ", spec " + c.spec() + "): expected " + c.results() + ", got "
                + verdict.result() + " \"" + verdict.comment() + "\"";
    }
}
