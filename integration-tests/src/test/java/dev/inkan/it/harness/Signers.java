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

/**
 * Mail signed before it reaches James: by Inkan's engine (the CLI's code path), by dkimpy, or with DomainKeys by
 * Mail::DKIM.
 */
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
        return byPeer(message, rsaKey, workDir, "dkimpy-sign", (file, key, dir) -> Peer.dkimpy().sign(List.of(
                new Peer.SignRequest(file, selector, domain, key, "rsa-sha256", "relaxed/relaxed", null, false,
                        "\r\n")), dir));
    }

    /**
     * The message with Mail::DKIM's DomainKey-Signature prepended (RFC 4870, rsa-sha1, {@code canonicalization}
     * simple or nofws, every field signed): mail from a site running dk-milter or DKIMproxy.
     */
    public static byte[] mailDkimDomainKeys(byte[] message, SigningKey rsaKey, String domain, String selector,
            String canonicalization, Path workDir) {
        return byPeer(message, rsaKey, workDir, "maildkim-dk-sign", (file, key, dir) -> Peer.mailDkim().signDomainKeys(
                List.of(new Peer.DomainKeysSignRequest(file, selector, domain, key, canonicalization, null)), dir));
    }

    /** What a peer signs with: the message and the key written as files into a folder of its own. */
    private interface PeerSigning {
        List<String> sign(Path message, Path key, Path dir) throws IOException;
    }

    private static byte[] byPeer(byte[] message, SigningKey rsaKey, Path workDir, String prefix, PeerSigning peer) {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(workDir), prefix);
            Path file = Files.write(dir.resolve("message.eml"), message);
            Path key = DkimZone.writeKey(rsaKey, dir.resolve("key.pem"));
            return prepend(peer.sign(file, key, dir), message);
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
