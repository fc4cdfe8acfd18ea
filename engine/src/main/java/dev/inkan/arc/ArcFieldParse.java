package dev.inkan.arc;

import dev.inkan.message.HeaderField;
import dev.inkan.tagvalue.TagList;
import java.util.Optional;

/**
 * The outcome of parsing one ARC header field: the parsed value, or why it is unusable. The instance is kept
 * when readable even if the rest is not, since the set structure (RFC 8617 §5.2 step 3) is judged on instances.
 *
 * @param field the field
 * @param value the parsed field, or null
 * @param instance i=, or -1 when missing or not a positive number
 * @param tags the tag list, when the value is one and it parsed (AS/AMS); null otherwise
 * @param reason why the field is unusable, or null
 * @param detail human detail of the reason, or null
 * @param <T> {@link ArcSeal}, {@link ArcMessageSignature} or {@link ArcAuthenticationResults}
 */
public record ArcFieldParse<T>(HeaderField field, T value, int instance, TagList tags, ArcReason reason,
        String detail) {

    static <T> ArcFieldParse<T> ok(HeaderField field, T value, int instance, TagList tags) {
        return new ArcFieldParse<>(field, value, instance, tags, null, null);
    }

    static <T> ArcFieldParse<T> error(HeaderField field, int instance, TagList tags, ArcReason reason, String detail) {
        return new ArcFieldParse<>(field, null, instance, tags, reason, detail);
    }

    public Optional<T> valid() {
        return Optional.ofNullable(value);
    }

    /** True when i= was read, whatever else is wrong. */
    public boolean hasInstance() {
        return instance > 0;
    }
}
