package dev.inkan.cli;

import dev.inkan.arc.ArcSealResult;
import dev.inkan.arc.ArcSealer;
import dev.inkan.arc.ArcSealing;
import dev.inkan.authenticate.Authentication;
import dev.inkan.authenticate.AuthenticationJob;
import dev.inkan.authenticate.Authenticator;
import dev.inkan.authenticate.Method;
import dev.inkan.authenticate.RecordedResults;
import dev.inkan.authenticate.SmtpEnvelope;
import dev.inkan.message.MessageLimitException;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Seals a message held in a file: one streaming pass runs this hop's checks through the authentication pipeline
 * (DKIM, the incoming chain, and SPF and DMARC when the SMTP client is known) and hashes the body for the new
 * AMS; then the new ARC set, whose AAR records those results, and the file's bytes, unchanged, are written out.
 * A message that must not be sealed (RFC 8617 §5.1 step 2, or 50 sets already) is written unchanged, with a
 * note on standard error.
 */
final class MessageFileSealer implements MessageFileWriter {

    private final ArcSealer sealer;
    private final Authenticator authenticator;
    private final SmtpEnvelope envelope;
    private final Set<Method> methods;
    private final PrintStream notes;

    MessageFileSealer(ArcSealer sealer, Authenticator authenticator, SmtpEnvelope envelope, PrintStream notes) {
        this.sealer = sealer;
        this.authenticator = authenticator;
        this.envelope = envelope;
        this.methods = envelope.hasClient() ? Method.current() : EnumSet.of(Method.DKIM, Method.ARC);
        this.notes = notes;
    }

    @Override
    public void write(Path message, String name, OutputStream out) throws IOException, InputException {
        AuthenticationJob checks = authenticator.start(envelope, methods, RecordedResults.none());
        ArcSealing job = sealer.startValidatedElsewhere();
        ScannedMessage scanned;
        try (InputStream in = Files.newInputStream(message)) {
            scanned = MessageSink.scan(in, authenticator.config().messageLimits(), List.of(checks, job));
        } catch (MessageLimitException e) {
            throw new InputException(name + ": " + e.getMessage());
        }
        Authentication hop = checks.result(scanned);
        ArcSealResult result = job.result(scanned, hop.arc(), hop.resultInfos());
        if (result instanceof ArcSealResult.Sealed sealed) {
            FieldsOnTop.write(sealed.fields(), scanned.lineEnding(), message, out);
        } else {
            notes.println("inkan: " + name + ": not sealed: " + ((ArcSealResult.NotSealed) result).reason().text());
            FieldsOnTop.write(List.of(), scanned.lineEnding(), message, out);
        }
    }
}
