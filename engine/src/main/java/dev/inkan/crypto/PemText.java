package dev.inkan.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/** PEM armour (RFC 7468) through Bouncy Castle's reader and writer. */
final class PemText {

    private PemText() {
    }

    static String write(String type, byte[] der) throws IOException {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        }
        return out.toString();
    }

    /** The first PEM object in {@code text}, or null when the text holds none. */
    static PemObject readFirst(String text) throws IOException {
        try (PemReader reader = new PemReader(new StringReader(text))) {
            return reader.readPemObject();
        }
    }
}
