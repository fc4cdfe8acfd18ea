package dev.inkan.arc;

import dev.inkan.crypto.VerifyingKeyCache;
import dev.inkan.dns.DnsResolver;
import dev.inkan.keyrecord.KeyRecordCache;
import dev.inkan.keyrecord.KeyRecordLookup;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Validates Authenticated Received Chains (RFC 8617 §5.2). One instance serves many messages and threads. For a
 * message on its own use {@link #validate(InputStream)}; to validate in the same single pass as DKIM and other
 * checks, register {@link #check()} with a {@link MessageSink}.
 */
public final class ArcValidator {

    private final ArcValidatorConfig config;
    private final VerifyingKeyCache keys = new VerifyingKeyCache(1000);
    private final KeyRecordCache records = new KeyRecordCache(1000);

    public ArcValidator(ArcValidatorConfig config) {
        this.config = config;
    }

    public ArcValidatorConfig config() {
        return config;
    }

    /** A per-message check to register with a {@link MessageSink}. */
    public ArcCheck check() {
        return check(config.resolver());
    }

    /** A per-message check whose key lookups go to {@code resolver} (a message's own, budgeted resolver). */
    public ArcCheck check(DnsResolver resolver) {
        return new ArcCheck(config, new ArcSignatureVerifier(config, new KeyRecordLookup(resolver, records), keys));
    }

    /**
     * Reads the message to its end and validates its chain.
     *
     * @throws IOException when reading fails, or {@link dev.inkan.message.MessageLimitException} when the header
     *     block exceeds the configured limits
     */
    public ArcVerdict validate(InputStream message) throws IOException {
        ArcCheck check = check();
        ScannedMessage scanned = MessageSink.scan(message, config.messageLimits(), List.of(check));
        return check.verdict(scanned);
    }
}
