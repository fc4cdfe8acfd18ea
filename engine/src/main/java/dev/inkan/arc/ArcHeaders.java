package dev.inkan.arc;

import dev.inkan.message.HeaderBlock;
import dev.inkan.message.HeaderField;
import java.util.ArrayList;
import java.util.List;

/**
 * Every ARC header field of a message, parsed, top to bottom (RFC 8617 §5.2 step 1: "collect all ARC Sets").
 */
final class ArcHeaders {

    final List<ArcFieldParse<ArcAuthenticationResults>> results = new ArrayList<>();
    final List<ArcFieldParse<ArcMessageSignature>> signatures = new ArrayList<>();
    final List<ArcFieldParse<ArcSeal>> seals = new ArrayList<>();

    static ArcHeaders of(HeaderBlock headers) {
        ArcHeaders arc = new ArcHeaders();
        for (HeaderField field : headers.fields()) {
            if (field.hasName(ArcFieldParser.AUTHENTICATION_RESULTS)) {
                arc.results.add(ArcFieldParser.parseAuthenticationResults(field));
            } else if (field.hasName(ArcFieldParser.MESSAGE_SIGNATURE)) {
                arc.signatures.add(ArcFieldParser.parseMessageSignature(field));
            } else if (field.hasName(ArcFieldParser.SEAL)) {
                arc.seals.add(ArcFieldParser.parseSeal(field));
            }
        }
        return arc;
    }

    boolean isEmpty() {
        return results.isEmpty() && signatures.isEmpty() && seals.isEmpty();
    }

    /** The highest instance any field states, 0 when none does (RFC 8617 §5.1 step 3 counts from it). */
    int highestInstance() {
        int n = 0;
        for (List<? extends ArcFieldParse<?>> list : List.of(results, signatures, seals)) {
            for (ArcFieldParse<?> p : list) {
                n = Math.max(n, p.instance());
            }
        }
        return n;
    }

    /** The ARC-Seal with the highest instance, or null (RFC 8617 §5.2 step 2). */
    ArcFieldParse<ArcSeal> newestSeal() {
        ArcFieldParse<ArcSeal> newest = null;
        for (ArcFieldParse<ArcSeal> p : seals) {
            if (p.hasInstance() && (newest == null || p.instance() > newest.instance())) {
                newest = p;
            }
        }
        return newest;
    }
}
