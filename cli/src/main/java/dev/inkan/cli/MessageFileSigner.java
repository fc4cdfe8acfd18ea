package dev.inkan.cli;

import dev.inkan.dkim.DkimSigner;
import dev.inkan.dkim.DkimSigning;
import dev.inkan.message.MessageLimitException;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Signs a message held in a file in two streaming passes: the file is scanned once (only its header
 * block is kept in memory), then the signature fields and the file's bytes, unchanged, are written out.
 * The fields use the file's own line ending (the first line's), so an LF-only file stays LF-only.
 */
final class MessageFileSigner implements MessageFileWriter {

    private final DkimSigner signer;

    MessageFileSigner(DkimSigner signer) {
        this.signer = signer;
    }

    /**
     * Writes the signed message to {@code out}.
     *
     * @param name how to name the message in an error ("msg.eml", "standard input")
     * @throws InputException when the message's header block is over the limits, or it has no From field
     */
    @Override
    public void write(Path message, String name, OutputStream out) throws IOException, InputException {
        DkimSigning job = signer.start();
        ScannedMessage scanned;
        try (InputStream in = Files.newInputStream(message)) {
            scanned = MessageSink.scan(in, MessageLimits.DEFAULT, List.of(job));
        } catch (MessageLimitException e) {
            throw new InputException(name + ": " + e.getMessage());
        }
        if (scanned.headers().named("From").isEmpty()) {
            // RFC 5322 §3.6 requires one From field, and RFC 6376 §5.4 says a signature MUST cover it
            throw new InputException(name + ": no From field: a message must have one (RFC 5322 section 3.6) and"
                    + " a DKIM signature must sign it (RFC 6376 section 5.4); not signed");
        }
        FieldsOnTop.write(job.signatureFields(scanned), scanned.lineEnding(), message, out);
    }
}
