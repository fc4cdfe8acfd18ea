package dev.inkan.arc;

import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.dns.DnsResolver;
import dev.inkan.dns.ScriptedResolver;
import dev.inkan.keyrecord.KeyRecord;
import dev.inkan.keytable.KeySelection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.security.SecureRandom;
import java.util.List;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Test support: keys made once per JVM, their DNS records, and hops that seal and validate messages. */
final class ArcFixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    static final SigningKey RSA_2048;
    static final SigningKey ED25519;

    static {
        SigningKeyGenerator generator = new SigningKeyGenerator(new SecureRandom());
        RSA_2048 = generator.rsa(2048);
        ED25519 = generator.ed25519();
    }

    static final String MESSAGE = "Authentication-Results: list.example.org; spf=pass smtp.mailfrom=joe@example.com;\r\n"
            + " dkim=pass header.d=example.com header.s=sel\r\n"
            + "Authentication-Results: other.example.net; dkim=fail\r\n"
            + "DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=sel; h=from; bh=AAAA; b=AAAA\r\n"
            + "From: Joe <joe@example.com>\r\nTo: list@example.org\r\nSubject: hello\r\n"
            + "Date: Sun, 22 Nov 2026 10:00:00 +0000\r\nMessage-ID: <1@example.com>\r\n\r\nHi.\r\n\r\nBye.\r\n";

    private ArcFixtures() {
    }

    /** example.org publishes rsa and ed selectors; hop2.example.net and hop3.example publish theirs. */
    static ScriptedResolver dns() {
        return ScriptedResolver.empty()
                .txt("rsa._domainkey.example.org", KeyRecord.textFor(RSA_2048.publicKey()))
                .txt("ed._domainkey.example.org", KeyRecord.textFor(ED25519.publicKey()))
                .txt("hop2._domainkey.hop2.example.net", KeyRecord.textFor(ED25519.publicKey()))
                .txt("hop3._domainkey.hop3.example", KeyRecord.textFor(RSA_2048.publicKey()));
    }

    static ArcValidator validator(DnsResolver dns) {
        return new ArcValidator(ArcValidatorConfig.builder(dns).build());
    }

    static ArcSealer sealer(String authservId, KeySelection key, DnsResolver dns) {
        return new ArcSealer(ArcSealerConfig.builder(authservId).key(key).clock(CLOCK).build(), validator(dns));
    }

    static KeySelection rsa() {
        return new KeySelection("example.org", "rsa", RSA_2048, null);
    }

    static KeySelection ed() {
        return new KeySelection("example.org", "ed", ED25519, null);
    }

    static ArcSealResult seal(ArcSealer sealer, String message) {
        try {
            return sealer.seal(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seals and returns the message with the new set prepended; fails the test when not sealed. */
    static String sealed(ArcSealer sealer, String message) {
        ArcSealResult result = seal(sealer, message);
        if (!(result instanceof ArcSealResult.Sealed s)) {
            throw new AssertionError("not sealed: " + result);
        }
        return s.text() + message;
    }

    /** Seals with a verdict made earlier (on arrival, before the message was changed). */
    static String sealedAfterChange(ArcSealer sealer, ArcVerdict onArrival, String changed) {
        try {
            ArcSealing job = sealer.start(onArrival);
            ScannedMessage scanned = MessageSink.scan(new ByteArrayInputStream(changed.getBytes(StandardCharsets.ISO_8859_1)),
                    MessageLimits.DEFAULT, List.of(job));
            if (!(job.result(scanned) instanceof ArcSealResult.Sealed s)) {
                throw new AssertionError("not sealed");
            }
            return s.text() + changed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ArcVerdict validate(DnsResolver dns, String message) {
        try {
            return validator(dns).validate(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
