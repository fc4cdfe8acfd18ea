package dev.inkan.domainkeys;

import dev.inkan.crypto.VerifyingKeyCache;
import dev.inkan.dns.DnsResolver;
import dev.inkan.keyrecord.KeyRecordCache;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Verifies DomainKeys signatures (RFC 4870 §3.7). One instance serves many messages and threads; keys and key
 * records are cached. For a message on its own use {@link #verify}; in a shared pass, register
 * {@link #check(DnsResolver)} with a {@link MessageSink}.
 */
public final class DomainKeysVerifier {

    private final DnsResolver resolver;
    private final MessageLimits limits;
    private final KeyRecordCache records = new KeyRecordCache(1000);
    private final VerifyingKeyCache keys = new VerifyingKeyCache(1000);

    public DomainKeysVerifier(DnsResolver resolver, MessageLimits limits) {
        this.resolver = resolver;
        this.limits = limits;
    }

    /** A per-message check whose key lookup goes to {@code resolver} (a message's own, budgeted one). */
    public DomainKeysCheck check(DnsResolver messageResolver) {
        return new DomainKeysCheck(messageResolver, records, keys);
    }

    /**
     * Reads the message to its end and verifies it.
     *
     * @throws IOException when reading fails, or {@link dev.inkan.message.MessageLimitException} beyond the limits
     */
    public DomainKeysVerdict verify(InputStream message) throws IOException {
        DomainKeysCheck check = check(resolver);
        ScannedMessage scanned = MessageSink.scan(message, limits, List.of(check));
        return check.verdict(scanned);
    }
}
