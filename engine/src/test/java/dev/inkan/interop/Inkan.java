package dev.inkan.interop;

import dev.inkan.dkim.DkimSigner;
import dev.inkan.dkim.DkimSigningSpec;
import dev.inkan.dkim.DkimVerdict;
import dev.inkan.dkim.DkimVerifier;
import dev.inkan.dkim.DkimVerifierConfig;
import dev.inkan.message.Canonicalization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The Inkan side of the interop tests, through the public engine API only. Signing uses a clock fixed at
 * the time the suite started: the peers check t= and x= against their own wall clock.
 */
final class Inkan {

    static final Clock NOW = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);

    private Inkan() {
    }

    /** A spec for the named interop key ({@link InteropKeys}), selector = key name, d=example.com. */
    static DkimSigningSpec.Builder spec(String keyName, Canonicalization header, Canonicalization body) {
        return DkimSigningSpec.builder(InteropKeys.key(keyName), InteropKeys.DOMAIN, keyName)
                .canonicalization(header, body);
    }

    /** The message with Inkan's signature fields prepended, as {@link DkimSigner#sign} documents. */
    static byte[] sign(byte[] message, Clock clock, DkimSigningSpec... specs) {
        try {
            List<String> fields = new DkimSigner(List.of(specs), clock).sign(new ByteArrayInputStream(message));
            return Messages.prepend(fields, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] sign(byte[] message, DkimSigningSpec... specs) {
        return sign(message, NOW, specs);
    }

    /** Inkan's verdicts, DNS from {@code zone}, RFC 8301 defaults, the wall clock (peers sign with theirs). */
    static List<DkimVerdict> verify(Zone zone, byte[] message) {
        try {
            return new DkimVerifier(DkimVerifierConfig.builder(zone.resolver()).build())
                    .verify(new ByteArrayInputStream(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
