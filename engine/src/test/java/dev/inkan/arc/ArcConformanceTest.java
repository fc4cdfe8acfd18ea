package dev.inkan.arc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.authres.AuthResultsFormatter;
import dev.inkan.authres.AuthResultsParse;
import dev.inkan.authres.AuthResultsParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ValiMail ARC validation suite, data-driven: every one of its 171 unique cases gives the expected chain
 * status, or is listed in {@link #DIFFERENCES} with the RFC 8617 answer we give and the section behind it (the
 * suite was written against draft 18). A listed case is asserted to give our answer and to disagree with the
 * suite; nothing is skipped. {@link #summary()} prints the counts.
 */
class ArcConformanceTest {

    /** The number of unique test names in the validation file (175 entries, 4 names defined twice). */
    static final int UNIQUE_VALIDATION_CASES = 171;

    /** A case where RFC 8617 gives another answer than the draft-era suite. */
    record Difference(ArcResult rfcResult, String section) {
    }

    static final Map<String, Difference> DIFFERENCES = differences();

    private static Map<String, Difference> differences() {
        Map<String, Difference> d = new LinkedHashMap<>();
        d.put("ams_fields_c_na", new Difference(ArcResult.FAIL, "RFC 8617 §4.1.2: the AMS has \"the same syntax and"
                + " semantics as the DKIM-Signature field\", whose absent c= means simple/simple (RFC 6376 §3.5);"
                + " this AMS was made relaxed/relaxed, so its header hash does not verify as simple"));
        d.put("ams_fields_h_empty", new Difference(ArcResult.FAIL, "RFC 8617 §4.1.2 imports the DKIM-Signature"
                + " syntax: RFC 6376 §3.5 sig-h-tag needs at least one hdr-name, so an empty h= is a syntax error"));
        d.put("ams_fields_h_mis_hdr", new Difference(ArcResult.FAIL, "RFC 8617 §4.1.2 imports the DKIM-Signature"
                + " syntax: RFC 6376 §3.5 sig-h-tag has no empty hdr-name between colons (h=from:to::date)"));
        return d;
    }

    static Stream<ArcSuite.Validation> validation() {
        return ArcSuite.validation().stream();
    }

    static ArcVerdict validate(ArcSuite.Validation c) {
        ArcValidator validator = new ArcValidator(ArcValidatorConfig.builder(ArcSuite.resolver(c.txt())).build());
        try {
            return validator.validate(new ByteArrayInputStream(c.message().getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validation")
    void validationCase(ArcSuite.Validation c) {
        ArcVerdict verdict = validate(c);
        Difference difference = DIFFERENCES.get(c.name());
        if (difference != null) {
            System.out.println("ARC known difference " + c.name() + ": suite expects " + c.expected() + ", RFC 8617 gives "
                    + difference.rfcResult() + " — " + difference.section());
            assertThat(verdict.result()).as(describe(c, verdict)).isEqualTo(difference.rfcResult())
                    .isNotEqualTo(c.expected());
        } else {
            assertThat(verdict.result()).as(describe(c, verdict)).isEqualTo(c.expected());
        }
        assertFormats(verdict);
    }

    @Test
    void summary() {
        List<ArcSuite.Validation> cases = ArcSuite.validation();
        List<String> failures = new ArrayList<>();
        int passed = 0;
        int listed = 0;
        int blank = 0;
        for (ArcSuite.Validation c : cases) {
            ArcVerdict verdict = validate(c);
            Difference difference = DIFFERENCES.get(c.name());
            blank += c.blankCv() ? 1 : 0;
            if (difference == null && verdict.result() == c.expected()) {
                passed++;
            } else if (difference != null && verdict.result() == difference.rfcResult()) {
                listed++;
            } else {
                failures.add(describe(c, verdict));
            }
        }
        System.out.println("ARC conformance " + ArcSuite.VALIDATION + ": " + cases.size() + " unique cases, passed="
                + passed + ", known differences=" + listed + " " + DIFFERENCES.keySet() + ", blank cv read as fail="
                + blank);
        assertThat(failures).isEmpty();
        assertThat(cases).hasSize(UNIQUE_VALIDATION_CASES);
        assertThat(blank).isEqualTo(3);
        assertThat(listed).isEqualTo(DIFFERENCES.size());
        assertThat(passed + listed).isEqualTo(UNIQUE_VALIDATION_CASES);
    }

    /** Every verdict formats as a resinfo that parses back. */
    static void assertFormats(ArcVerdict verdict) {
        String resinfo = AuthResultsFormatter.resultInfo(verdict.toResultInfo("192.0.2.1"));
        assertThat(AuthResultsParser.parseResultInfo(resinfo)).as(resinfo)
                .isEqualTo(new AuthResultsParse.Parsed<>(verdict.toResultInfo("192.0.2.1")));
    }

    private static String describe(ArcSuite.Validation c, ArcVerdict verdict) {
        return c.name() + " (" + c.scenario() + ": " + c.description() + "): expected " + c.expected() + ", got "
                + verdict.result() + " " + verdict.reason() + " \"" + verdict.comment() + "\"";
    }
}
