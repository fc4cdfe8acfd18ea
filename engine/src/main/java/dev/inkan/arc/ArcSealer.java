package dev.inkan.arc;

import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Seals messages (RFC 8617 §5.1): validates the chain a message arrived with, then adds an ARC set whose AAR
 * holds this hop's results, whose AMS signs the message as it leaves, and whose seal carries the validation's
 * cv=. Output is deterministic for a fixed clock. Thread-safe; one job per message.
 */
public final class ArcSealer {

    private final ArcSealerConfig config;
    private final ArcValidator validator;

    /** @param validator validates the incoming chain in the same pass as the sealing */
    public ArcSealer(ArcSealerConfig config, ArcValidator validator) {
        this.config = config;
        this.validator = java.util.Objects.requireNonNull(validator, "validator");
    }

    /** A sealer that is always handed the incoming chain's verdict ({@link #start(ArcVerdict)}). */
    public ArcSealer(ArcSealerConfig config) {
        this.config = config;
        this.validator = null;
    }

    public ArcSealerConfig config() {
        return config;
    }

    /** A job that validates the incoming chain itself, in the same pass. */
    public ArcSealing start() {
        if (validator == null) {
            throw new IllegalStateException("this sealer has no validator: hand it the incoming chain's verdict");
        }
        return new ArcSealing(config, validator.check(), null);
    }

    /**
     * A job that trusts an earlier validation of this message ({@code incoming}): a forwarder validates on
     * arrival, may then change the message (a list's Subject tag, a footer), and seals the changed message with
     * the verdict from arrival.
     */
    public ArcSealing start(ArcVerdict incoming) {
        return new ArcSealing(config, null, java.util.Objects.requireNonNull(incoming, "incoming"));
    }

    /**
     * A job that validates nothing itself: the caller validates the incoming chain in the same pass (the
     * authentication pipeline does) and hands the verdict to {@link ArcSealing#result(ScannedMessage, ArcVerdict,
     * List)}.
     */
    public ArcSealing startValidatedElsewhere() {
        return new ArcSealing(config, null, null);
    }

    /** Reads the message and seals it, this hop's results taken from its Authentication-Results fields. */
    public ArcSealResult seal(InputStream message) throws IOException {
        ArcSealing job = start();
        ScannedMessage scanned = MessageSink.scan(message, validator.config().messageLimits(), List.of(job));
        return job.result(scanned);
    }
}
