package dev.inkan.spf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.authres.AuthResultsFormatter;
import dev.inkan.authres.AuthResultsParse;
import dev.inkan.authres.AuthResultsParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenSPF test suites, data-driven: every case of {@code rfc7208-tests.yml} (203) must give an accepted
 * result and, for a fail that names one, the explanation; every case of {@code rfc4408-tests.yml} must give
 * its preferred result or be listed in {@link #RFC4408_DIFFERENCES} with the RFC 7208 answer we give and the
 * RFC 7208 change behind it. DNS comes from each scenario's zonedata ({@link SpfTestZone}); nothing is
 * skipped, and {@link #summary()} prints the counts.
 */
class SpfConformanceTest {

    static final String RFC7208 = "rfc7208-tests.yml";
    static final String RFC4408 = "rfc4408-tests.yml";

    /**
     * rfc7208-tests.yml cases whose expected explanation differs from ours only in letter case: the suite
     * (written against pyspf) expects upper-case nibbles from {@code %{ir}} for IPv6, where the RFC 7208 §7.4
     * example expands {@code %{ir}} of 2001:db8::cb01 to lower case ("1.0.b.c.0.0..."); DNS names compare
     * case-insensitively, so only the explanation text shows it.
     */
    static final Map<String, String> NIBBLE_CASE = Map.of("v-macro-ip6",
            "explanation: %{ir} of an IPv6 address in lower-case hexadecimal as in RFC 7208 §7.4; the suite expects"
                    + " upper case");

    /** A case of rfc4408-tests.yml where our RFC 7208 answer is not the RFC 4408 preferred one. */
    record Difference(SpfResult rfc7208Result, String change) {
    }

    static final Map<String, Difference> RFC4408_DIFFERENCES = Map.ofEntries(
            Map.entry("spfonly", new Difference(SpfResult.NONE, "RFC 7208 §3.1, §4.4, Appendix B: the SPF (type 99)"
                    + " record is no longer used, so a name with only a type 99 record has no SPF record")),
            Map.entry("txttimeout", new Difference(SpfResult.TEMPERROR, "RFC 7208 §4.4, Appendix B: only TXT is"
                    + " queried; its timeout is temperror (RFC 4408 preferred the type 99 record's fail)")),
            Map.entry("spfoverride", new Difference(SpfResult.FAIL, "RFC 7208 §4.4, Appendix B: the TXT record"
                    + " decides; a type 99 record no longer overrides it")),
            Map.entry("multitxt1", new Difference(SpfResult.PERMERROR, "RFC 7208 §4.5: two TXT SPF records are"
                    + " permerror; a single type 99 record no longer wins")),
            Map.entry("multispf2", new Difference(SpfResult.PASS, "RFC 7208 §4.4, Appendix B: the two type 99"
                    + " records are ignored, the single TXT record decides")),
            Map.entry("invalid-domain-empty-label", new Difference(SpfResult.FAIL, "RFC 7208 §4.8, Appendix B:"
                    + " an invalid <target-name> is undefined; we treat it as nonexistent (no match), as §4.3"
                    + " treats a malformed domain like NXDOMAIN (the case was removed from rfc7208-tests)")),
            Map.entry("invalid-domain-long", new Difference(SpfResult.FAIL, "RFC 7208 §4.8, Appendix B: a label"
                    + " over 63 characters in a <target-name> is treated as nonexistent (no match)")),
            Map.entry("invalid-domain-long-via-macro", new Difference(SpfResult.FAIL, "RFC 7208 §4.8, Appendix B:"
                    + " a label over 63 characters made by macro expansion is treated as nonexistent (no match)")),
            Map.entry("exists-dnserr", new Difference(SpfResult.TEMPERROR, "RFC 7208 §5: a DNS error (timeout)"
                    + " during a mechanism's lookup makes check_host() return temperror")),
            Map.entry("mx-limit", new Difference(SpfResult.PERMERROR, "RFC 7208 §4.6.4, §5.4: more than 10 MX"
                    + " records is permerror (RFC 4408 preferred ignoring the rest)")),
            Map.entry("v-macro-ip6", new Difference(SpfResult.FAIL, "RFC 7208 §7.4: %{ir} of IPv6 in lower case;"
                    + " the explanation differs from the suite's only in letter case")));

    static Stream<SpfSuite.Case> rfc7208() {
        return SpfSuite.load(RFC7208).stream();
    }

    static Stream<SpfSuite.Case> rfc4408() {
        return SpfSuite.load(RFC4408).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc7208")
    void rfc7208Case(SpfSuite.Case c) {
        SpfVerdict verdict = SpfSuiteRunner.run(c);
        assertThat(verdict.result()).as(describe(c, verdict)).isIn(c.results());
        if (c.explanation() != null && verdict.result() == SpfResult.FAIL) {
            if (NIBBLE_CASE.containsKey(c.name())) {
                assertThat(verdict.explanation()).as(describe(c, verdict)).isEqualToIgnoringCase(c.explanation())
                        .isNotEqualTo(c.explanation());
            } else {
                assertThat(verdict.explanation()).as(describe(c, verdict)).isEqualTo(c.explanation());
            }
        }
        assertFormats(verdict);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc4408")
    void rfc4408Case(SpfSuite.Case c) {
        SpfVerdict verdict = SpfSuiteRunner.run(c);
        Difference difference = RFC4408_DIFFERENCES.get(c.name());
        if (difference != null) {
            assertThat(verdict.result()).as(describe(c, verdict) + "; listed: " + difference.change())
                    .isEqualTo(difference.rfc7208Result());
            assertThat(agreesWithPreferred(c, verdict)).as("listed as a difference but agrees: " + c.name()).isFalse();
        } else {
            assertThat(agreesWithPreferred(c, verdict)).as(describe(c, verdict)).isTrue();
        }
        assertFormats(verdict);
    }

    /** Prints the counts for both suites and checks nothing was left out. */
    @Test
    void summary() {
        List<String> failures = new ArrayList<>();
        int passed7208 = 0;
        List<SpfSuite.Case> cases7208 = SpfSuite.load(RFC7208);
        for (SpfSuite.Case c : cases7208) {
            SpfVerdict verdict = SpfSuiteRunner.run(c);
            boolean explanationOk = c.explanation() == null || verdict.result() != SpfResult.FAIL
                    || c.explanation().equals(verdict.explanation())
                    || (NIBBLE_CASE.containsKey(c.name()) && c.explanation().equalsIgnoreCase(verdict.explanation()));
            if (c.results().contains(verdict.result()) && explanationOk) {
                passed7208++;
            } else {
                failures.add(RFC7208 + " " + describe(c, verdict));
            }
        }
        int passed4408 = 0;
        int listed4408 = 0;
        List<SpfSuite.Case> cases4408 = SpfSuite.load(RFC4408);
        for (SpfSuite.Case c : cases4408) {
            SpfVerdict verdict = SpfSuiteRunner.run(c);
            Difference difference = RFC4408_DIFFERENCES.get(c.name());
            if (difference == null && agreesWithPreferred(c, verdict)) {
                passed4408++;
            } else if (difference != null && verdict.result() == difference.rfc7208Result()) {
                listed4408++;
            } else {
                failures.add(RFC4408 + " " + describe(c, verdict));
            }
        }
        System.out.println("SPF conformance " + RFC7208 + ": " + cases7208.size() + " cases, passed=" + passed7208
                + ", known differences=" + NIBBLE_CASE.size() + " (explanation letter case only: "
                + NIBBLE_CASE.keySet() + ")");
        System.out.println("SPF conformance " + RFC4408 + ": " + cases4408.size() + " cases, passed=" + passed4408
                + ", known differences=" + listed4408 + " (RFC 7208 answers: " + RFC4408_DIFFERENCES.keySet() + ")");
        assertThat(failures).isEmpty();
        assertThat(cases7208).hasSize(203);
        assertThat(passed7208).isEqualTo(203);
        assertThat(passed4408 + listed4408).isEqualTo(cases4408.size());
        assertThat(listed4408).isEqualTo(RFC4408_DIFFERENCES.size());
    }

    /** The preferred (first) result, and the explanation of a fail exactly. */
    private static boolean agreesWithPreferred(SpfSuite.Case c, SpfVerdict verdict) {
        return verdict.result() == c.results().get(0) && (c.explanation() == null
                || verdict.result() != SpfResult.FAIL || c.explanation().equals(verdict.explanation()));
    }

    /** Every verdict formats as a resinfo that parses back, and as a Received-SPF field that parses back. */
    static void assertFormats(SpfVerdict verdict) {
        String resinfo = AuthResultsFormatter.resultInfo(verdict.toResultInfo());
        assertThat(AuthResultsParser.parseResultInfo(resinfo)).as(resinfo)
                .isEqualTo(new AuthResultsParse.Parsed<>(verdict.toResultInfo()));
        ReceivedSpfField field = verdict.receivedSpf();
        assertThat(ReceivedSpfField.parse(field.header())).as(field.header()).contains(field);
    }

    private static String describe(SpfSuite.Case c, SpfVerdict verdict) {
        return c.name() + " (" + c.scenario() + ", spec " + c.spec() + "): expected " + c.results()
                + (c.explanation() != null ? " explanation \"" + c.explanation() + "\"" : "") + ", got "
                + verdict.result() + " " + verdict.reason() + " \"" + verdict.comment() + "\" explanation \""
                + verdict.explanation() + "\"";
    }
}
