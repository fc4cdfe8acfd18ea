package dev.inkan.spf;

import java.util.List;
import java.util.Objects;

/**
 * A parsed RFC 7208 §7.1 macro-string: literal text and macro expansions, ready for {@link
 * SpfMacroExpander}. Built only by {@link #parse}, so every instance is syntactically valid for its {@link
 * Kind}.
 *
 * @param text the text as written in the record
 * @param kind where it appeared, which decides the macro letters and characters allowed
 * @param parts the literals and expansions, in order
 */
public record SpfMacroString(String text, Kind kind, List<Part> parts) {

    public SpfMacroString {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        parts = List.copyOf(parts);
    }

    /** Where a macro-string appears (RFC 7208 §7.1, §7.2). */
    public enum Kind {
        /**
         * A {@code domain-spec} of a mechanism, {@code redirect=} or {@code exp=}: visible characters, letters
         * {@code s l o d i p h v}, and it must end in a macro or in "." toplabel ["."].
         */
        DOMAIN_SPEC("slodiphv", false),
        /** The explanation text fetched by {@code exp=} (§6.2): also spaces, and the letters {@code c r t}. */
        EXPLAIN_STRING("slodiphvcrt", true),
        /** The value of an unknown modifier (§4.6.1, {@code name "=" macro-string}): checked, never expanded. */
        MODIFIER_VALUE("slodiphvcrt", false);

        private final String letters;
        private final boolean spaces;

        Kind(String letters, boolean spaces) {
            this.letters = letters;
            this.spaces = spaces;
        }

        /** Whether {@code letter} (lower case) may be used here. */
        boolean allows(char letter) {
            return letters.indexOf(letter) >= 0;
        }

        /** Whether a literal space may appear (only in explain-string). */
        boolean allowsSpaces() {
            return spaces;
        }
    }

    /** One piece of a macro-string. */
    public sealed interface Part permits Literal, Expand {
    }

    /**
     * Text copied as is; {@code %%}, {@code %_} and {@code %-} are parsed into literals "%", " " and "%20".
     *
     * @param text the characters to copy
     */
    public record Literal(String text) implements Part {
    }

    /**
     * One {@code %{...}} expansion (RFC 7208 §7.1, §7.3).
     *
     * @param letter the macro letter, lower case
     * @param urlEscape the letter was written in upper case: URL-escape the value (§7.3)
     * @param rightParts keep this many right-hand parts, 0 for all
     * @param reverse the {@code r} transformer: reverse the parts
     * @param delimiters the characters to split on; empty means "." (the default)
     */
    public record Expand(char letter, boolean urlEscape, int rightParts, boolean reverse, String delimiters)
            implements Part {
    }

    /**
     * Parses {@code text} as a macro-string of {@code kind}.
     *
     * @return the macro-string, or a parse whose {@link SpfMacroParse#error()} says what is wrong
     */
    public static SpfMacroParse parse(String text, Kind kind) {
        return SpfMacroParser.parse(text, kind);
    }

    /** Whether expanding this uses {@code letter} (lower case), e.g. 's' or 'l' for the local-part. */
    public boolean uses(char letter) {
        return parts.stream().anyMatch(part -> part instanceof Expand expand && expand.letter() == letter);
    }

    @Override
    public String toString() {
        return text;
    }
}
