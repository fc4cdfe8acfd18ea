package dev.inkan.tagvalue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed RFC 6376 §3.2 tag=value list: DKIM-Signature, DKIM key records, ARC-Seal,
 * ARC-Message-Signature, DomainKey-Signature and DMARC records all use this syntax.
 * Tag names are case-sensitive; each appears at most once.
 */
public final class TagList {

    private final String text;
    private final Map<String, Tag> tags;

    TagList(String text, Map<String, Tag> tags) {
        this.text = text;
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** The text that was parsed. */
    public String text() {
        return text;
    }

    public boolean has(String name) {
        return tags.containsKey(name);
    }

    /** The value of tag {@code name}, if present. */
    public Optional<String> value(String name) {
        Tag tag = tags.get(name);
        return tag == null ? Optional.empty() : Optional.of(tag.value());
    }

    /** The value of tag {@code name}, or null when absent. */
    public String valueOrNull(String name) {
        Tag tag = tags.get(name);
        return tag == null ? null : tag.value();
    }

    public Optional<Tag> tag(String name) {
        return Optional.ofNullable(tags.get(name));
    }

    /** All tags in the order written. */
    public List<Tag> tags() {
        return List.copyOf(tags.values());
    }

    /**
     * The parsed text with the value of tag {@code name} removed (everything between its '=' and the
     * following ';' or the end), as RFC 6376 §3.7 requires of b= before hashing the signature field.
     * The text is unchanged when the tag is absent.
     */
    public String withValueRemoved(String name) {
        Tag tag = tags.get(name);
        if (tag == null) {
            return text;
        }
        return text.substring(0, tag.valueStart()) + text.substring(tag.valueEnd());
    }
}
