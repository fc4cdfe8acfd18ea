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

    /**
     * The verdict an earlier step of this hop recorded as a resinfo ({@code arc=pass header.oldest-pass=0},
     * {@code arc=fail (comment)}, {@code arc=none}), as a forwarder that validated on arrival hands it to its
     * sealer. Only the result, the comment and oldest-pass survive the round trip.
     *
     * @throws IllegalArgumentException when {@code recorded} is not an arc= result
     */
    public static ArcVerdict recorded(ResultInfo recorded) {
        if (!"arc".equalsIgnoreCase(recorded.method())) {
            throw new IllegalArgumentException("not an arc= result: " + recorded.method());
        }
        switch (recorded.result().toLowerCase(java.util.Locale.ROOT)) {
            case "pass":
                int oldest = recorded.property("header", "oldest-pass").filter(v -> v.matches("[0-9]{1,2}"))
                        .map(Integer::parseInt).orElse(-1);
                return new ArcVerdict(ArcResult.PASS, null, null, 0, oldest, List.of());
            case "none":
                return none();
            case "fail":
                String comment = recorded.comment() != null ? recorded.comment() : ArcReason.FAILED_EARLIER.text();
                return new ArcVerdict(ArcResult.FAIL, ArcReason.FAILED_EARLIER, comment, 0, -1, List.of());
            default:
                throw new IllegalArgumentException("not an ARC result: arc=" + recorded.result());
        }
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
