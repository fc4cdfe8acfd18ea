package dev.inkan.spf;

import java.util.Optional;

/**
 * The outcome of parsing a macro-string: the value, or why it is not one.
 *
 * @param value the parsed macro-string, or null
 * @param error what is wrong (e.g. "'%' not followed by '{', '%', '-' or '_'"), or null
 */
public record SpfMacroParse(SpfMacroString value, String error) {

    static SpfMacroParse ok(SpfMacroString value) {
        return new SpfMacroParse(value, null);
    }

    static SpfMacroParse error(String error) {
        return new SpfMacroParse(null, error);
    }

    public boolean isOk() {
        return value != null;
    }

    public Optional<SpfMacroString> valid() {
        return Optional.ofNullable(value);
    }
}
