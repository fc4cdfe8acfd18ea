package dev.inkan.arc;

import dev.inkan.authres.ResultInfo;
import dev.inkan.authres.ResultProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of validating a message's chain (RFC 8617 §5.2): none, pass or fail, the typed reason and a human
 * comment when it is not a pass, and what Authentication-Results reports (RFC 8617 §6).
 *
 * @param result the Chain Validation Status
 * @param reason why it did not pass; null for a pass
 * @param comment human text naming the field at fault ("ARC-Seal i=2: signature did not verify"); null for a pass
 * @param instances the highest instance on the message (N), 0 when there is no chain
 * @param oldestPass the instance of the oldest AMS that still validates, 0 when all do (RFC 8617 §5.2 step 5);
 *     -1 when not computed (not a pass, or turned off)
 * @param sets one summary per set, oldest first, when the chain passed; otherwise empty
 */
public record ArcVerdict(ArcResult result, ArcReason reason, String comment, int instances, int oldestPass,
        List<ArcSetSummary> sets) {

    public ArcVerdict {
        Objects.requireNonNull(result, "result");
        sets = List.copyOf(sets);
    }

    /** No chain on the message. */
    public static ArcVerdict none() {
        return new ArcVerdict(ArcResult.NONE, ArcReason.NO_CHAIN, null, 0, -1, List.of());
    }

    static ArcVerdict fail(ArcFailure failure, int instances) {
        String comment = failure.detail() == null ? failure.reason().text() : failure.detail();
        return new ArcVerdict(ArcResult.FAIL, failure.reason(), comment, instances, -1, List.of());
    }

    public boolean passed() {
        return result == ArcResult.PASS;
    }

    /** As {@link #toResultInfo(String)} without the connecting IP address. */
    public ResultInfo toResultInfo() {
        return toResultInfo(null);
    }

    /**
     * This verdict as an RFC 8601 resinfo for method {@code arc} (RFC 8617 §6, §10.2):
     * {@code arc=pass header.oldest-pass=0 smtp.remote-ip=192.0.2.1}, or {@code arc=fail (comment)}.
     *
     * @param remoteIp the address of the SMTP client the message came from, or null when unknown
     */
    public ResultInfo toResultInfo(String remoteIp) {
        List<ResultProperty> properties = new ArrayList<>();
        if (result == ArcResult.PASS && oldestPass >= 0) {
            properties.add(ResultProperty.header("oldest-pass", Integer.toString(oldestPass)));
        }
        if (remoteIp != null && !remoteIp.isBlank()) {
            properties.add(ResultProperty.smtp("remote-ip", remoteIp.strip()));
        }
        String text = result == ArcResult.FAIL ? comment : null;
        return new ResultInfo("arc", result.keyword(), text, null, properties);
    }
}
