package dev.inkan.diagnosis;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One thing a check found about a record.
 *
 * @param severity how much it matters
 * @param code a stable kebab-case identifier for scripts, e.g. {@code no-modulus}, {@code too-many-lookups}
 * @param message what is wrong (or right), in plain words, naming the record and the RFC where it helps
 * @param fix what to change; empty when there is nothing to do
 */
public record Finding(Severity severity, String code, String message, String fix) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (!CODE.matcher(Objects.requireNonNull(code, "code")).matches()) {
            throw new IllegalArgumentException("finding code must be kebab-case: " + code);
        }
        fix = fix == null ? "" : fix;
    }

    public static Finding error(String code, String message, String fix) {
        return new Finding(Severity.ERROR, code, message, fix);
    }

    public static Finding warning(String code, String message, String fix) {
        return new Finding(Severity.WARNING, code, message, fix);
    }

    public static Finding info(String code, String message) {
        return new Finding(Severity.INFO, code, message, "");
    }
}
