package dev.inkan.dkim;

import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;

/**
 * Makes DKIM signatures (RFC 6376 §5, RFC 8463): one or more per message in a single pass (RSA + Ed25519
 * dual signing, several domains). The caller prepends the returned fields to the unchanged message.
 * Output is deterministic for a fixed clock. Thread-safe.
 */
public final class DkimSigner {

    private final List<DkimSigningSpec> specs;
    private final Clock clock;

    public DkimSigner(List<DkimSigningSpec> specs, Clock clock) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("at least one signature spec is needed");
        }
        this.specs = List.copyOf(specs);
        this.clock = clock;
    }

    /** A per-message signing job to register with a {@link MessageSink}. */
    public DkimSigning start() {
        return new DkimSigning(headers -> specs, clock);
    }

    /** Reads the message and returns the DKIM-Signature fields (CRLF-terminated) to prepend, top first. */
    public List<String> sign(InputStream message) throws IOException {
        DkimSigning job = start();
        ScannedMessage scanned = MessageSink.scan(message, dev.inkan.message.MessageLimits.DEFAULT, List.of(job));
        return job.signatureFields(scanned);
    }
}
