package dev.inkan.it.harness;

import dev.inkan.crypto.SigningKey;
import dev.inkan.dkim.DkimSigner;
import dev.inkan.dkim.DkimSigningSpec;
import dev.inkan.interop.Peer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Mail signed before it reaches James: by Inkan's engine (the CLI's code path) or by dkimpy. */
public final class Signers {

    private Signers() {
    }

    /** The message with Inkan's DKIM-Signature prepended (relaxed/relaxed, default headers). */
    public static byte[] inkan(byte[] message, SigningKey key, String domain, String selector) {
        try {
            List<String> fields = new DkimSigner(List.of(DkimSigningSpec.builder(key, domain, selector).build()),
                    Clock.systemUTC()).sign(new ByteArrayInputStream(message));
            return prepend(fields, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message with dkimpy's DKIM-Signature prepended (rsa-sha256, relaxed/relaxed, dkimpy's header list). */
    public static byte[] dkimpy(byte[] message, SigningKey rsaKey, String domain, String selector, Path workDir) {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(workDir), "dkimpy-sign");
            Path file = Files.write(dir.resolve("message.eml"), message);
            Path key = DkimZone.writeKey(rsaKey, dir.resolve("key.pem"));
            List<String> fields = Peer.dkimpy().sign(List.of(new Peer.SignRequest(file, selector, domain, key,
                    "rsa-sha256", "relaxed/relaxed", null, false, "\r\n")), dir);
            return prepend(fields, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] prepend(List<String> fields, byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : fields) {
            out.writeBytes(field.getBytes(StandardCharsets.US_ASCII));
            if (!field.endsWith("\r\n")) {
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        out.writeBytes(message);
        return out.toByteArray();
    }

    /** Changes the case of the first letter of the body: the body hash no longer matches. */
    public static byte[] tamperBody(byte[] message) {
        byte[] copy = message.clone();
        String text = new String(copy, StandardCharsets.ISO_8859_1);
        int body = text.indexOf("\r\n\r\n") + 4;
        for (int i = body; i < copy.length; i++) {
            if ((copy[i] >= 'a' && copy[i] <= 'z') || (copy[i] >= 'A' && copy[i] <= 'Z')) {
                copy[i] ^= 0x20;
                return copy;
            }
        }
        throw new IllegalArgumentException("no letter in the body");
    }
}
