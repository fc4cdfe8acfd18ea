package dev.inkan.spf;

import java.util.List;
import java.util.Objects;

/**
 * A parsed, syntactically valid SPF record (RFC 7208 §4.6, §12).
 *
 * @param text the record as published
 * @param directives the directives, left to right
 * @param redirect the {@code redirect=} domain-spec (§6.1), or null
 * @param explanation the {@code exp=} domain-spec (§6.2), or null
 */
public record SpfRecord(String text, List<SpfDirective> directives, SpfMacroString redirect,
        SpfMacroString explanation) {

    public SpfRecord {
        Objects.requireNonNull(text, "text");
        directives = List.copyOf(directives);
    }

    /** Whether an {@code all} mechanism appears anywhere; then {@code redirect=} is ignored (§5.1, §6.1). */
    public boolean hasAll() {
        return directives.stream().anyMatch(directive -> directive.mechanism() instanceof SpfMechanism.All);
    }
}
