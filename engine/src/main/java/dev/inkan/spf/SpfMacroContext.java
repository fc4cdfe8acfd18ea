package dev.inkan.spf;

/**
 * The values of the macro letters for one expansion (RFC 7208 §7.2). {@link SpfMacroValues} is a fixed
 * set; the evaluator supplies its own, which computes {@code p} (validated domain name) only when used.
 */
@FunctionalInterface
public interface SpfMacroContext {

    /**
     * The value of {@code letter}, one of {@code s l o d i p h c r t v} in lower case; never null.
     */
    String value(char letter);
}
