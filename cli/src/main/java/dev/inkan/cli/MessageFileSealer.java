package dev.inkan.cli;

import dev.inkan.arc.ArcSealResult;
import dev.inkan.arc.ArcSealer;
import dev.inkan.arc.ArcSealing;
import dev.inkan.authres.ResultInfo;
import dev.inkan.dkim.DkimVerifier;
import dev.inkan.message.MessageLimitException;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Seals a message held in a file: one streaming pass validates the incoming chain, runs this hop's checks when
 * needed ({@link HopChecks}) and hashes the body for the new AMS; then the new ARC set and the file's bytes,
 * unchanged, are written out. A message that must not be sealed (RFC 8617 §5.1 step 2, or 50 sets already) is
 * written unchanged, with a note on standard error.
 */
final class MessageFileSealer implements MessageFileWriter {

    private final ArcSealer sealer;
    private final DkimVerifier dkim;
    private final ResultInfo spf;
    private final PrintStream notes;

    /** @param spf this hop's SPF result for the AAR when the message has no Authentication-Results of ours, or null */
    MessageFileSealer(ArcSealer sealer, DkimVerifier dkim, ResultInfo spf, PrintStream notes) {
        this.sealer = sealer;
        this.dkim = dkim;
        this.spf = spf;
        this.notes = notes;
    }

    @Override
    public void write(Path message, String name, OutputStream out) throws IOException, InputException {
        ArcSealing job = sealer.start();
        HopChecks checks = new HopChecks(dkim.check(), sealer.config().authservId());
        ScannedMessage scanned;
        try (InputStream in = Files.newInputStream(message)) {
            scanned = MessageSink.scan(in, MessageLimits.DEFAULT, List.of(checks, job));
        } catch (MessageLimitException e) {
            throw new InputException(name + ": " + e.getMessage());
        }
        ArcSealResult result = job.result(scanned, checks.results(scanned, spf));
        if (result instanceof ArcSealResult.Sealed sealed) {
            FieldsOnTop.write(sealed.fields(), scanned.lineEnding(), message, out);
        } else {
            notes.println("inkan: " + name + ": not sealed: " + ((ArcSealResult.NotSealed) result).reason().text());
            FieldsOnTop.write(List.of(), scanned.lineEnding(), message, out);
        }
    }
}
