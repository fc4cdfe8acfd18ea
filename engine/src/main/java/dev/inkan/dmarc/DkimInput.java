package dev.inkan.dmarc;

import java.util.Locale;
import java.util.Objects;

/**
 * One checked DKIM signature as DMARC takes it (RFC 9989 §5.3.3: "the results MUST include pass or fail
 * ... the value of the d and s tags"), e.g. from {@code dkim=pass header.d=example.com header.s=sel}.
 *
 * @param result the DKIM result keyword (RFC 8601 §2.7.1: pass, fail, neutral, policy, temperror,
 *     permerror, none), lower-cased
 * @param domain the signature's {@code d=}
 * @param selector the signature's {@code s=}, or empty when unknown
 */
public record DkimInput(String result, String domain, String selector) {

    public DkimInput {
        result = Objects.requireNonNull(result, "result").strip().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(domain, "domain");
        selector = selector == null ? "" : selector;
    }

    /** A passing signature of {@code domain}. */
    public static DkimInput pass(String domain, String selector) {
        return new DkimInput("pass", domain, selector);
    }

    public boolean passed() {
        return result.equals("pass");
    }

    public boolean tempFailed() {
        return result.equals("temperror");
    }
}
