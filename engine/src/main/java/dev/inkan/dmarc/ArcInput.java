package dev.inkan.dmarc;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The ARC chain of a message as DMARC's local override takes it (RFC 8617 §7.2: a receiver may use a
 * validated chain to override a DMARC failure, e.g. for a trusted forwarder).
 *
 * @param result the chain validation result (RFC 8617 §4.4: pass, fail, none), lower-cased
 * @param sealers the {@code d=} of each ARC-Seal, instance 1 (oldest) first
 * @param oldestPass the oldest instance whose ARC-Message-Signature still validates (RFC 8617 §5.2),
 *     0 when unknown
 */
public record ArcInput(String result, List<String> sealers, int oldestPass) {

    public ArcInput {
        result = Objects.requireNonNull(result, "result").strip().toLowerCase(Locale.ROOT);
        sealers = List.copyOf(sealers);
    }

    public boolean passed() {
        return result.equals("pass");
    }

    /** The sealer of instance 1, the first intermediary, or null when there is none. */
    public String oldestSealer() {
        return sealers.isEmpty() ? null : sealers.get(0);
    }
}
