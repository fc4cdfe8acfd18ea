package dev.inkan.arc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyReader;
import dev.inkan.keytable.KeySelection;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ValiMail ARC signing suite (17 cases): our sealer, given the suite's key, clock (t=), signed header list
 * and authserv-id, and the suite's "standardized" tag layout ({@link ArcFieldLayout#STANDARDIZED}), makes the
 * expected AS, AMS and AAR. The suite's expected values are folded differently and some carry trailing white
 * space, so each is compared after relaxed header canonicalization (RFC 6376 §3.4.2: unfold, runs of white space
 * to one space, trimmed), which is exactly the form the seal and a relaxed AMS sign. The b= values themselves must
 * then be equal, which proves the signed data is byte-identical. Where the suite expects no set
 * ({@code no_additional_sig}: the newest seal already says cv=fail), we must not seal (RFC 8617 §5.1 step 2).
 */
class ArcSigningConformanceTest {

    static final int SIGNING_CASES = 17;

    static Stream<ArcSuite.Signing> signing() {
        return ArcSuite.signing().stream();
    }

    static ArcSealResult seal(ArcSuite.Signing c) throws Exception {
        SigningKey key = SigningKeyReader.read(c.privateKey());
        ArcSealerConfig config = ArcSealerConfig.builder(c.authservId())
                .key(new KeySelection(c.domain(), c.selector(), key, null))
                .headers(c.headers())
                .clock(Clock.fixed(Instant.ofEpochSecond(c.t()), ZoneOffset.UTC))
                .layout(ArcFieldLayout.STANDARDIZED)
                .build();
        ArcValidator validator = new ArcValidator(ArcValidatorConfig.builder(ArcSuite.resolver(c.txt())).build());
        return new ArcSealer(config, validator).seal(new ByteArrayInputStream(c.message().getBytes(StandardCharsets.ISO_8859_1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signing")
    void signingCase(ArcSuite.Signing c) throws Exception {
        ArcSealResult result = seal(c);
        if (c.as().isBlank()) {
            assertThat(result).as(c.name()).isInstanceOf(ArcSealResult.NotSealed.class);
            assertThat(((ArcSealResult.NotSealed) result).reason()).isEqualTo(ArcSealResult.Skip.CHAIN_ALREADY_FAILED);
            return;
        }
        assertThat(result).as(c.name() + ": " + result).isInstanceOf(ArcSealResult.Sealed.class);
        List<String> fields = ((ArcSealResult.Sealed) result).fields();
        assertThat(canonicalValue(fields.get(1), ArcFieldParser.MESSAGE_SIGNATURE)).as("AMS of " + c.name())
                .isEqualTo(canonical(c.ams()));
        assertThat(canonicalValue(fields.get(2), ArcFieldParser.AUTHENTICATION_RESULTS)).as("AAR of " + c.name())
                .isEqualTo(canonical(c.aar()));
        assertThat(canonicalValue(fields.get(0), ArcFieldParser.SEAL)).as("ARC-Seal of " + c.name())
                .isEqualTo(canonical(c.as()));
    }

    @Test
    void summary() throws Exception {
        List<ArcSuite.Signing> cases = ArcSuite.signing();
        List<String> failures = new ArrayList<>();
        int reproduced = 0;
        int notSealed = 0;
        for (ArcSuite.Signing c : cases) {
            ArcSealResult result = seal(c);
            if (c.as().isBlank() && result instanceof ArcSealResult.NotSealed) {
                notSealed++;
            } else if (result instanceof ArcSealResult.Sealed s
                    && canonicalValue(s.fields().get(0), ArcFieldParser.SEAL).equals(canonical(c.as()))
                    && canonicalValue(s.fields().get(1), ArcFieldParser.MESSAGE_SIGNATURE).equals(canonical(c.ams()))
                    && canonicalValue(s.fields().get(2), ArcFieldParser.AUTHENTICATION_RESULTS).equals(canonical(c.aar()))) {
                reproduced++;
            } else {
                failures.add(c.name());
            }
        }
        System.out.println("ARC conformance " + ArcSuite.SIGNING + ": " + cases.size() + " cases, reproduced="
                + reproduced + " (AS, AMS and AAR equal after relaxed canonicalization, b= identical), not sealed as"
                + " expected=" + notSealed + ", known differences=0");
        assertThat(failures).isEmpty();
        assertThat(cases).hasSize(SIGNING_CASES);
    }

    /** The value of {@code field} ("Name: value\r\n") after relaxed canonicalization. */
    static String canonicalValue(String field, String name) {
        assertThat(field).startsWith(name + ":");
        return canonical(field.substring(name.length() + 1));
    }

    /**
     * RFC 6376 §3.4.2 relaxed canonicalization of a value: unfolded, white space runs to one space, trimmed. The
     * suite's YAML drops the indentation of continuation lines, so a line break there stands for a fold. Folding
     * inside b= (allowed anywhere in base64, RFC 6376 §2.4) is removed, since the suite folds b= at other columns.
     */
    static String canonical(String value) {
        String relaxed = value.replace("\r\n", " ").replace("\n", " ").replaceAll("[ \t]+", " ").strip();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(^|; ?)b=([^;]*)").matcher(relaxed);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(m.group(1) + "b="
                    + m.group(2).replace(" ", "")));
        }
        return m.appendTail(out).toString();
    }
}
