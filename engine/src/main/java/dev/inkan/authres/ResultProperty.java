package dev.inkan.authres;

import java.util.Objects;

/**
 * One RFC 8601 §2.2 propspec: {@code ptype.property=pvalue}, e.g. {@code header.d=example.com} or
 * {@code smtp.mailfrom=user@example.com}.
 *
 * @param type the ptype ("smtp", "header", "body", "policy", ...), lower case
 * @param name the property ("d", "mailfrom", ...)
 * @param value the pvalue, unquoted
 */
public record ResultProperty(String type, String name, String value) {

    public ResultProperty {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    public static ResultProperty header(String name, String value) {
        return new ResultProperty("header", name, value);
    }

    public static ResultProperty smtp(String name, String value) {
        return new ResultProperty("smtp", name, value);
    }

    public static ResultProperty policy(String name, String value) {
        return new ResultProperty("policy", name, value);
    }

    /** {@code type.name}, e.g. "header.d". */
    public String key() {
        return type + "." + name;
    }
}
