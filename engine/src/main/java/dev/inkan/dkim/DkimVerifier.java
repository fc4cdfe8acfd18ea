package dev.inkan.dkim;

import dev.inkan.crypto.VerifyingKeyCache;
import dev.inkan.dns.DnsResolver;
import dev.inkan.keyrecord.KeyRecordCache;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Verifies DKIM signatures (RFC 6376 §6, RFC 8301, RFC 8463). One instance serves many messages and
 * threads. For a message on its own use {@link #verify(InputStream)}; to verify in the same single pass
 * as other checks, register {@link #check()} with a {@link MessageSink}.
 */
public final class DkimVerifier {

    private final DkimVerifierConfig config;
    private final VerifyingKeyCache keys = new VerifyingKeyCache(1000);
    private final KeyRecordCache records = new KeyRecordCache(1000);

    public DkimVerifier(DkimVerifierConfig config) {
        this.config = config;
    }

    public DkimVerifierConfig config() {
        return config;
    }

    /** A per-message check to register with a {@link MessageSink}. */
    public DkimCheck check() {
        return check(config.resolver());
    }

    /** A per-message check whose key lookups go to {@code resolver} (a message's own, budgeted resolver). */
    public DkimCheck check(DnsResolver resolver) {
        return new DkimCheck(config, keys, records, resolver);
    }

    /**
     * Reads the message to its end and verifies every DKIM-Signature up to the configured cap.
     *
     * @throws IOException when reading fails, or {@link dev.inkan.message.MessageLimitException} when the
     *     header block exceeds the configured limits
     */
    public List<DkimVerdict> verify(InputStream message) throws IOException {
        DkimCheck check = check();
        ScannedMessage scanned = MessageSink.scan(message, config.messageLimits(), List.of(check));
        return check.verdicts(scanned);
    }
}
