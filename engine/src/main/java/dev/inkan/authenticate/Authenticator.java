package dev.inkan.authenticate;

import dev.inkan.arc.ArcValidator;
import dev.inkan.dkim.DkimVerifier;
import dev.inkan.dmarc.DmarcEvaluator;
import dev.inkan.dns.DnsLookups;
import dev.inkan.domainkeys.DomainKeysVerifier;
import dev.inkan.message.MessageLimitException;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import dev.inkan.senderid.SenderIdEvaluator;
import dev.inkan.spf.SpfEvaluator;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one entry point to Inkan's checks: a message stream and its SMTP envelope in, every verdict (DKIM, SPF,
 * ARC, DMARC, and when asked for the historic DomainKeys and Sender ID) as typed values and the Authentication-Results text out, in one pass over the message, under one
 * set of limits and one DNS budget ({@link AuthenticationConfig}). The CLI, the James mailets and the SMTP hooks
 * all come through here. One instance serves many messages and threads.
 *
 * <pre>{@code
 * Authenticator inkan = new Authenticator(AuthenticationConfig.builder(resolver, "mx.example.org").build());
 * Authentication result = inkan.authenticate(messageStream,
 *         SmtpEnvelope.of(clientIp, "mail.example.com", "bounces@example.com"));
 * result.dmarc().result();                  // DmarcResult.PASS
 * result.authenticationResults();           // spf=pass ... dkim=pass ... arc=none ... dmarc=pass ...
 * }</pre>
 *
 * <p>To read the message in a pass of one's own (or share it with a signer), {@link #start} a job, register it
 * with a {@link MessageSink} and ask it for the {@link AuthenticationJob#result}.
 */
public final class Authenticator {

    private final AuthenticationConfig config;
    private final DnsLookups lookups;
    private final DkimVerifier dkim;
    private final ArcValidator arc;
    private final SpfEvaluator spf;
    private final DmarcEvaluator dmarc;
    private final DomainKeysVerifier domainKeys;
    private final SenderIdEvaluator senderId;

    public Authenticator(AuthenticationConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.lookups = config.dnsExecutor() == null ? new DnsLookups(config.resolver(), config.dnsObserver())
                : new DnsLookups(config.resolver(), config.dnsExecutor(), config.dnsObserver());
        this.dkim = new DkimVerifier(config.dkimConfig());
        this.arc = new ArcValidator(config.arcConfig());
        this.spf = new SpfEvaluator(config.spfConfig());
        this.dmarc = new DmarcEvaluator(config.dmarc());
        this.domainKeys = new DomainKeysVerifier(config.resolver(), config.messageLimits());
        this.senderId = new SenderIdEvaluator(spf);
    }

    public AuthenticationConfig config() {
        return config;
    }

    /**
     * Every current method ({@link Method#current()}: SPF, DKIM, ARC, DMARC), nothing recorded: see
     * {@link #authenticate(InputStream, SmtpEnvelope, Set, RecordedResults)}.
     */
    public Authentication authenticate(InputStream message, SmtpEnvelope envelope) throws IOException {
        return authenticate(message, envelope, Method.current(), RecordedResults.none());
    }

    /**
     * Reads {@code message} to its end (not at all when only SPF is checked) and checks {@code methods}. A header
     * block beyond the configured limits is not an exception: every method that needs the header reports it as its permanent error.
     *
     * @throws IOException when reading {@code message} fails
     */
    public Authentication authenticate(InputStream message, SmtpEnvelope envelope, Set<Method> methods,
            RecordedResults recorded) throws IOException {
        AuthenticationJob job = start(envelope, methods, recorded);
        if (!job.needsMessage()) {
            return job.result(null); // SPF alone: the envelope is all it needs, the stream is not read
        }
        ScannedMessage scanned;
        try {
            scanned = MessageSink.scan(message, config.messageLimits(), List.of(job));
        } catch (MessageLimitException e) {
            return job.unreadable(e.getMessage());
        }
        return job.result(scanned);
    }

    /**
     * A job for one message: register it with a {@link MessageSink} (it requests the body digests it needs and
     * starts the DNS queries it can as soon as the header block is known), then ask {@link
     * AuthenticationJob#result}. The DNS budget starts now.
     *
     * @param methods the methods whose results the caller wants; what DMARC needs beside them and is not in
     *     {@code recorded} is checked too
     * @param recorded results reached earlier for this message, used instead of checking again
     */
    public AuthenticationJob start(SmtpEnvelope envelope, Set<Method> methods, RecordedResults recorded) {
        return new AuthenticationJob(this, Objects.requireNonNull(envelope, "envelope"), methods.isEmpty() ? EnumSet.noneOf(Method.class) : EnumSet.copyOf(methods),
                Objects.requireNonNull(recorded, "recorded"));
    }

    DnsLookups lookups() {
        return lookups;
    }

    DkimVerifier dkim() {
        return dkim;
    }

    ArcValidator arc() {
        return arc;
    }

    SpfEvaluator spf() {
        return spf;
    }

    DmarcEvaluator dmarc() {
        return dmarc;
    }

    DomainKeysVerifier domainKeys() {
        return domainKeys;
    }

    SenderIdEvaluator senderId() {
        return senderId;
    }
}
