package dev.inkan.cli;

import dev.inkan.dkim.DkimSigner;
import dev.inkan.dkim.DkimSigning;
import dev.inkan.domainkeys.DomainKeysSigning;
import dev.inkan.domainkeys.DomainKeysSigningSpec;
import dev.inkan.message.HeaderField;
import dev.inkan.message.MessageLimitException;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs a message held in a file in two streaming passes: the file is scanned once (only its header
 * block is kept in memory), then the signature fields and the file's bytes, unchanged, are written out.
 * The fields use the file's own line ending (the first line's), so an LF-only file stays LF-only.
 */
final class MessageFileSigner implements MessageFileWriter {

    private final DkimSigner signer;
    private final DomainKeysSigningSpec domainKeys;

    /** @param domainKeys a DomainKeys signature to add below the DKIM ones, or null */
    MessageFileSigner(DkimSigner signer, DomainKeysSigningSpec domainKeys) {
        this.signer = signer;
        this.domainKeys = domainKeys;
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
        DomainKeysSigning dk = domainKeys == null ? null : new DomainKeysSigning(domainKeys);
        ScannedMessage scanned;
        try (InputStream in = Files.newInputStream(message)) {
            scanned = MessageSink.scan(in, MessageLimits.DEFAULT, dk == null ? List.of(job) : List.of(job, dk));
        } catch (MessageLimitException e) {
            throw new InputException(name + ": " + e.getMessage());
        }
        if (scanned.headers().named("From").isEmpty()) {
            // RFC 5322 §3.6 requires one From field, and RFC 6376 §5.4 says a signature MUST cover it
            throw new InputException(name + ": no From field: a message must have one (RFC 5322 section 3.6) and"
                    + " a DKIM signature must sign it (RFC 6376 section 5.4); not signed");
        }
        if (dk == null) {
            FieldsOnTop.write(job.signatureFields(scanned), scanned.lineEnding(), message, out);
            return;
        }
        String dkField = dk.signatureField(scanned).orElseThrow(() -> new InputException(name
                + ": no DomainKeys signature: " + dk.notSigned().orElse("?")));
        List<String> fields = new ArrayList<>(job.signatureFields(scanned,
                List.of(HeaderField.of(dkField.substring(0, dkField.length() - 2)))));
        fields.add(dkField);
        FieldsOnTop.write(fields, scanned.lineEnding(), message, out);
    }
}
