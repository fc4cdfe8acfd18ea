package dev.inkan.publicsuffix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.conformance.ConformanceSuite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official Public Suffix List test vectors ({@code dmarc/psl/tests.txt} and the same cases as
 * {@code checkPublicSuffix(input, expected)} calls in {@code test_psl.txt}) against the list they were
 * written for ({@code dmarc/psl/public_suffix_list.dat}, newer than the bundled snapshot). "null" is a
 * null input or "no registrable domain". Every vector must pass; the bundled snapshot is run too and
 * any vector it answers differently would be printed (none today).
 */
class PublicSuffixConformanceTest {

    record Vector(String input, String expected, String file, int line) {
        @Override
        public String toString() {
            return file + ":" + line + " " + input + " -> " + expected;
        }
    }

    private static final Pattern CHECK = Pattern.compile(
            "checkPublicSuffix\\((null|'([^']*)'),\\s*(null|'([^']*)')\\);");

    static PublicSuffixList officialList() {
        try {
            return PublicSuffixList.load(ConformanceSuite.resolve("dmarc/psl/public_suffix_list.dat"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Vector> testsTxt() {
        List<Vector> vectors = new ArrayList<>();
        List<String> lines = read("dmarc/psl/tests.txt");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            vectors.add(new Vector(nullable(parts[0]), nullable(parts[1]), "tests.txt", i + 1));
        }
        return vectors;
    }

    static List<Vector> testPslTxt() {
        List<Vector> vectors = new ArrayList<>();
        List<String> lines = read("dmarc/psl/test_psl.txt");
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = CHECK.matcher(lines.get(i).strip());
            if (lines.get(i).strip().startsWith("checkPublicSuffix")) {
                assertThat(m.matches()).as("unreadable vector line " + (i + 1)).isTrue();
                vectors.add(new Vector(m.group(2), m.group(4), "test_psl.txt", i + 1));
            }
        }
        return vectors;
    }

    static Stream<Vector> vectors() {
        return Stream.concat(testsTxt().stream(), testPslTxt().stream());
    }

    private static final PublicSuffixList OFFICIAL = officialList();

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void official_vector(Vector vector) {
        assertThat(OFFICIAL.registrableDomain(vector.input()).orElse(null)).as(vector.toString())
                .isEqualTo(vector.expected());
    }

    @Test
    void summary() {
        List<Vector> all = vectors().toList();
        int passed = 0;
        List<String> bundledDifferences = new ArrayList<>();
        for (Vector vector : all) {
            if (Objects.equals(OFFICIAL.registrableDomain(vector.input()).orElse(null), vector.expected())) {
                passed++;
            }
            String bundled = PublicSuffixList.bundled().registrableDomain(vector.input()).orElse(null);
            if (!Objects.equals(bundled, vector.expected())) {
                bundledDifferences.add(vector + " (bundled: " + bundled + ")");
            }
        }
        System.out.println("PSL conformance (tests.txt + test_psl.txt, official list " + OFFICIAL.size() + " rules): "
                + all.size() + " vectors, passed=" + passed + ", failed=" + (all.size() - passed));
        System.out.println("PSL conformance, bundled Debian 20230209 snapshot (" + PublicSuffixList.bundled().size()
                + " rules): " + (all.size() - bundledDifferences.size()) + " of " + all.size()
                + " vectors agree; differences=" + bundledDifferences);
        assertThat(testsTxt()).hasSameSizeAs(testPslTxt()).hasSize(78);
        assertThat(passed).isEqualTo(all.size());
    }

    private static List<String> read(String relative) {
        Path path = ConformanceSuite.resolve(relative);
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nullable(String text) {
        return text.equals("null") ? null : text;
    }
}
