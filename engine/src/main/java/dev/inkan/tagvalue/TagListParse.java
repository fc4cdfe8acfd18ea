package dev.inkan.tagvalue;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of parsing a tag=value list: the list, or the syntax error that prevented it. Input comes
 * from the internet, so malformed text is an outcome, not an exception.
 */
public final class TagListParse {

    private final TagList list;
    private final String error;

    private TagListParse(TagList list, String error) {
        this.list = list;
        this.error = error;
    }

    static TagListParse ok(TagList list) {
        return new TagListParse(Objects.requireNonNull(list), null);
    }

    static TagListParse error(String error) {
        return new TagListParse(null, Objects.requireNonNull(error));
    }

    public boolean isOk() {
        return list != null;
    }

    /** The parsed list; throws IllegalStateException when parsing failed. */
    public TagList list() {
        if (list == null) {
            throw new IllegalStateException("tag list did not parse: " + error);
        }
        return list;
    }

    /** The syntax error, e.g. "duplicate tag 'd'", when parsing failed. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }
}
