package dev.inkan.interop;

import dev.inkan.arc.ArcSealResult;
import dev.inkan.arc.ArcSealer;
import dev.inkan.arc.ArcSealerConfig;
import dev.inkan.arc.ArcSealing;
import dev.inkan.arc.ArcValidator;
import dev.inkan.arc.ArcValidatorConfig;
import dev.inkan.arc.ArcVerdict;
import dev.inkan.keytable.KeySelection;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Inkan's ARC hop for the interop tests, through the public engine API only; DNS from the shared zone. */
final class ArcInkan {

    private ArcInkan() {
    }

    static ArcValidator validator(Zone zone) {
        return new ArcValidator(ArcValidatorConfig.builder(zone.resolver()).build());
    }

    static ArcSealer sealer(Zone zone, String keyName, String authservId) {
        KeySelection key = new KeySelection(InteropKeys.DOMAIN, keyName, InteropKeys.key(keyName), null);
        return new ArcSealer(ArcSealerConfig.builder(authservId).key(key).clock(Inkan.NOW).build(), validator(zone));
    }

    /** One Inkan hop: validates the chain, seals with the named key; the new set on top of the unchanged bytes. */
    static byte[] seal(Zone zone, String keyName, String authservId, byte[] message) {
        try {
            return prepend(sealer(zone, keyName, authservId).seal(new ByteArrayInputStream(message)), message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A forwarding hop that changes the message: validates on arrival, applies {@code change} (as a mailing list
     * tags the Subject), then seals the changed bytes with the verdict from arrival.
     */
    static byte[] sealAfterChange(Zone zone, String keyName, String authservId, byte[] message,
            java.util.function.UnaryOperator<byte[]> change) {
        ArcVerdict onArrival = validate(zone, message);
        byte[] changed = change.apply(message);
        ArcSealing job = sealer(zone, keyName, authservId).start(onArrival);
        try {
            ScannedMessage scanned = MessageSink.scan(new ByteArrayInputStream(changed), MessageLimits.DEFAULT,
                    List.of(job));
            return prepend(job.result(scanned), changed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ArcVerdict validate(Zone zone, byte[] message) {
        try {
            return validator(zone).validate(new ByteArrayInputStream(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] prepend(String prefix, byte[] message) {
        return Messages.prepend(List.of(prefix), message);
    }

    private static byte[] prepend(ArcSealResult result, byte[] message) {
        if (!(result instanceof ArcSealResult.Sealed sealed)) {
            throw new AssertionError("Inkan did not seal: " + result);
        }
        return Messages.prepend(List.of(sealed.text()), message);
    }

    static String text(byte[] message) {
        return new String(message, StandardCharsets.UTF_8);
    }
}
