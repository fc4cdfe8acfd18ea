package dev.inkan.arc;

import java.util.ArrayList;
import java.util.List;

/**
 * Steps 1–3 of RFC 8617 §5.2: the limit on sets, the newest seal's cv=, and the structure of the chain
 * (exactly one AAR, AMS and AS per instance, instances 1..N without gaps, cv= none at 1 and pass above).
 *
 * @param sets the sets 1..N when the structure is valid, else empty
 * @param failure why the chain fails, or null
 */
record ArcStructure(List<ArcSet> sets, ArcFailure failure) {

    static ArcStructure check(ArcHeaders arc, int maxInstances) {
        int n = arc.highestInstance();
        if (n > maxInstances) {
            return fail(ArcReason.TOO_MANY_SETS, "instance " + n + " is above the limit of " + maxInstances
                    + " ARC sets (RFC 8617 §4.2.1)");
        }
        ArcFieldParse<ArcSeal> newest = arc.newestSeal();
        if (newest != null && newest.tags() != null && "fail".equals(newest.tags().valueOrNull("cv"))) {
            return fail(ArcReason.CHAIN_ALREADY_FAILED, "ARC-Seal i=" + newest.instance()
                    + " reports cv=fail: the chain was already broken (RFC 8617 §5.2 step 2)");
        }
        ArcFailure unreadable = firstUnreadable(arc);
        if (unreadable != null) {
            return new ArcStructure(List.of(), unreadable);
        }
        List<ArcSet> sets = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            ArcFieldParse<ArcAuthenticationResults> aar = only(arc.results, i);
            ArcFieldParse<ArcMessageSignature> ams = only(arc.signatures, i);
            ArcFieldParse<ArcSeal> as = only(arc.seals, i);
            ArcFailure missing = count(arc.results, i, ArcFieldParser.AUTHENTICATION_RESULTS);
            missing = missing != null ? missing : count(arc.signatures, i, ArcFieldParser.MESSAGE_SIGNATURE);
            missing = missing != null ? missing : count(arc.seals, i, ArcFieldParser.SEAL);
            if (missing != null) {
                return new ArcStructure(List.of(), missing);
            }
            sets.add(new ArcSet(i, aar, ams, as));
        }
        for (ArcSet set : sets) {
            ArcFailure cv = chainStatusProblem(set);
            if (cv != null) {
                return new ArcStructure(List.of(), cv);
            }
        }
        return new ArcStructure(List.copyOf(sets), null);
    }

    private static ArcStructure fail(ArcReason reason, String detail) {
        return new ArcStructure(List.of(), new ArcFailure(reason, detail));
    }

    /** A field whose instance cannot be read cannot belong to a set (step 3A). */
    private static ArcFailure firstUnreadable(ArcHeaders arc) {
        for (List<? extends ArcFieldParse<?>> list : List.of(arc.results, arc.signatures, arc.seals)) {
            for (ArcFieldParse<?> p : list) {
                if (!p.hasInstance()) {
                    return new ArcFailure(p.reason(), p.detail());
                }
            }
        }
        return null;
    }

    private static <T> ArcFieldParse<T> only(List<ArcFieldParse<T>> parses, int instance) {
        for (ArcFieldParse<T> p : parses) {
            if (p.instance() == instance) {
                return p;
            }
        }
        return null;
    }

    /** Step 3A/3B: exactly one field of this kind for the instance. */
    private static ArcFailure count(List<? extends ArcFieldParse<?>> parses, int instance, String name) {
        long n = parses.stream().filter(p -> p.instance() == instance).count();
        if (n == 0) {
            return new ArcFailure(ArcReason.INCOMPLETE_SET, "ARC set i=" + instance + " has no " + name);
        }
        if (n > 1) {
            return new ArcFailure(ArcReason.DUPLICATE_FIELD, "ARC set i=" + instance + " has " + n + " " + name
                    + " fields");
        }
        return null;
    }

    /** Step 3C: cv=none at i=1, cv=pass above (cv=fail was handled by step 2 for the newest seal). */
    private static ArcFailure chainStatusProblem(ArcSet set) {
        ArcFieldParse<ArcSeal> seal = set.seal();
        String cv = seal.tags() == null ? null : seal.tags().valueOrNull("cv");
        String expected = set.instance() == 1 ? "none" : "pass";
        if (!expected.equals(cv)) {
            return new ArcFailure(ArcReason.INVALID_CV, "ARC-Seal i=" + set.instance() + " has cv=" + cv
                    + " where RFC 8617 §5.2 step 3C requires cv=" + expected);
        }
        return null;
    }
}
