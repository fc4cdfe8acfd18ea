package dev.inkan.spf;

import java.util.Objects;

/**
 * The value one check_host() evaluation returns inside the evaluator (RFC 7208 §4): a result and its
 * reason, plus what the verdict reports about it.
 *
 * @param result the result
 * @param reason why
 * @param detail human detail for none / permerror / temperror (the Received-SPF {@code problem}), or null
 * @param mechanism the directive that matched as written, "default" when none did (§9.1), or null
 * @param explanation the {@code exp=} of the record whose directive gave a fail (§6.2), or null
 * @param explanationDomain the &lt;domain&gt; of that record, for {@code %{d}} in the explanation
 */
record SpfOutcome(SpfResult result, SpfReason reason, String detail, String mechanism, SpfMacroString explanation,
        String explanationDomain) {

    SpfOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(reason, "reason");
    }

    /** An outcome whose result is fixed by its reason (anything but a match). */
    static SpfOutcome of(SpfReason reason, String detail) {
        return new SpfOutcome(reason.result(), reason, detail, null, null, null);
    }

    /** §4.6.2: a directive matched in the record of {@code domain}. */
    static SpfOutcome matched(SpfDirective directive, SpfRecord record, String domain) {
        return new SpfOutcome(directive.qualifier().result(), SpfReason.MATCHED_MECHANISM, null, directive.text(),
                record.explanation(), domain);
    }

    /** §4.7: nothing matched and there was no redirect. */
    static SpfOutcome defaultNeutral() {
        return new SpfOutcome(SpfResult.NEUTRAL, SpfReason.DEFAULT_NEUTRAL, null, "default", null, null);
    }
}
