package dev.inkan.arc;

import dev.inkan.authres.AuthResultsHeaders;
import dev.inkan.authres.AuthResultsParser;
import dev.inkan.authres.AuthenticationResults;
import dev.inkan.authres.ResultInfo;
import dev.inkan.message.HeaderBlock;
import dev.inkan.message.HeaderField;
import java.util.ArrayList;
import java.util.List;

/**
 * This hop's authentication results for the AAR (RFC 8617 §4.1.1: "the combined authres-payload with all of the
 * authentication results from within the participating ADMD"): every Authentication-Results field of the message
 * that carries our authserv-id, top to bottom, resinfos kept in order; fields that do not parse are skipped.
 */
public final class ArcHopResults {

    private ArcHopResults() {
    }

    /** The resinfos of every Authentication-Results field for {@code authservId}, in order; empty when none. */
    public static List<ResultInfo> fromHeaders(HeaderBlock headers, String authservId) {
        List<ResultInfo> results = new ArrayList<>();
        for (HeaderField field : headers.named("Authentication-Results")) {
            String value = field.value();
            if (AuthResultsHeaders.claimsAuthservId(value, authservId)) {
                AuthResultsParser.parse(value).value().map(AuthenticationResults::results).ifPresent(results::addAll);
            }
        }
        return results;
    }

    /**
     * The AAR's results: {@code hop}, with {@code arc} appended when {@code hop} has no {@code arc} result
     * (RFC 8617 §5.2: the validation result SHOULD be included in this ADMD's results). An arc result already
     * there is kept as this hop recorded it.
     */
    static List<ResultInfo> withArc(List<ResultInfo> hop, ResultInfo arc) {
        List<ResultInfo> all = new ArrayList<>(hop);
        if (hop.stream().noneMatch(r -> r.method().equalsIgnoreCase("arc"))) {
            all.add(arc);
        }
        return all;
    }
}
