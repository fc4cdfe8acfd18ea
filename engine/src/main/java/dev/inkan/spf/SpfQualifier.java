package dev.inkan.spf;

/** A directive's qualifier and the result it gives when its mechanism matches (RFC 7208 §4.6.2). */
public enum SpfQualifier {
    PASS('+', SpfResult.PASS),
    FAIL('-', SpfResult.FAIL),
    SOFTFAIL('~', SpfResult.SOFTFAIL),
    NEUTRAL('?', SpfResult.NEUTRAL);

    private final char symbol;
    private final SpfResult result;

    SpfQualifier(char symbol, SpfResult result) {
        this.symbol = symbol;
        this.result = result;
    }

    /** The qualifier character: {@code + - ~ ?}. */
    public char symbol() {
        return symbol;
    }

    /** What check_host() returns when a directive with this qualifier matches. */
    public SpfResult result() {
        return result;
    }

    /** The qualifier written as {@code c}, or null when {@code c} is not one. */
    static SpfQualifier of(char c) {
        for (SpfQualifier qualifier : values()) {
            if (qualifier.symbol == c) {
                return qualifier;
            }
        }
        return null;
    }
}
