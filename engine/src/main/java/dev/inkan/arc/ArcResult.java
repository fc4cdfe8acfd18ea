package dev.inkan.arc;

import java.util.Locale;

/**
 * The Chain Validation Status of RFC 8617 §4.4: the result of validating a chain, the {@code cv=} value of an
 * ARC-Seal, and the {@code arc=} result of Authentication-Results (RFC 8617 §10.1).
 */
public enum ArcResult {
    /** No chain on the message. */
    NONE,
    /** The chain validated. */
    PASS,
    /** The chain did not validate; treated as if it were absent (RFC 8617 §5.2). */
    FAIL;

    /** The keyword written in cv= and Authentication-Results ("none", "pass", "fail"). */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named {@code keyword} exactly (cv= values are case-sensitive, RFC 8617 §3.9), or null. */
    public static ArcResult fromKeyword(String keyword) {
        for (ArcResult r : values()) {
            if (r.keyword().equals(keyword)) {
                return r;
            }
        }
        return null;
    }
}
