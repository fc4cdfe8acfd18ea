package dev.inkan.authres;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One RFC 8601 §2.2 resinfo: {@code method=result (comment) reason="..." ptype.property=value ...}.
 * Every verdict of Inkan (DKIM, SPF, ARC, DMARC, ...) formats as one of these.
 *
 * @param method the method ("dkim", "spf", "arc", "dmarc", ...), lower case
 * @param result the result keyword ("pass", "fail", ...), lower case
 * @param comment a human comment written in parentheses after the result, or null
 * @param reason the RFC 8601 {@code reason=} text, or null
 * @param properties the propspecs, in order
 */
public record ResultInfo(String method, String result, String comment, String reason, List<ResultProperty> properties) {

    public ResultInfo {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(result, "result");
        properties = List.copyOf(properties);
    }

    public static ResultInfo of(String method, String result, ResultProperty... properties) {
        return new ResultInfo(method, result, null, null, List.of(properties));
    }

    /** A copy with {@code comment} (written in parentheses after the result, RFC 8601 §2.2), or null for none. */
    public ResultInfo withComment(String comment) {
        return new ResultInfo(method, result, comment, reason, properties);
    }

    /** A copy with {@code reason} (the RFC 8601 §2.2 reasonspec), or null for none. */
    public ResultInfo withReason(String reason) {
        return new ResultInfo(method, result, comment, reason, properties);
    }

    /** The value of the first property {@code type.name}, if present. */
    public Optional<String> property(String type, String name) {
        return properties.stream()
                .filter(p -> p.type().equalsIgnoreCase(type) && p.name().equalsIgnoreCase(name))
                .map(ResultProperty::value)
                .findFirst();
    }
}
