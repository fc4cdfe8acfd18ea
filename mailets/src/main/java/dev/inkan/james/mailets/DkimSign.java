package dev.inkan.james.mailets;

import dev.inkan.crypto.RsaSigningKey;
import dev.inkan.crypto.SignatureAlgorithm;
import dev.inkan.dkim.DkimSigning;
import dev.inkan.dkim.DkimSigningOptions;
import dev.inkan.dkim.DkimSigningSpec;
import dev.inkan.domainkeys.DomainKeysSigning;
import dev.inkan.domainkeys.DomainKeysSigningSpec;
import dev.inkan.james.message.FixedPoint;
import dev.inkan.james.message.HeaderEditor;
import dev.inkan.james.message.MessageScan;
import dev.inkan.james.message.OldSignatures;
import dev.inkan.james.metrics.InkanMetrics;
import dev.inkan.keytable.KeySelection;
import dev.inkan.keytable.SigningKeySelector;
import dev.inkan.message.AuthorAddresses;
import dev.inkan.message.HeaderBlock;
import dev.inkan.message.HeaderField;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.ScannedMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs mail with DKIM (RFC 6376; Ed25519 RFC 8463): keys chosen by the From address from one configured
 * key, a list of keys, or OpenDKIM-style key and signing tables; several signatures per message. The
 * signature fields are prepended and nothing else in the header moves.
 *
 * <p>Signing must be the last change to a message: this mailet first brings the message to the form James
 * will send ({@link FixedPoint}; {@code convertTo7Bit}, default true, includes the 7bit conversion) and signs
 * that. If signing fails the mail goes on unsigned, with a WARN log naming it. Parameters: see the README's
 * DkimSign table.
 */
public class DkimSign extends GenericMailet {

    private static final Logger LOG = LoggerFactory.getLogger(DkimSign.class);

    private final Clock clock;
    private final InkanMetrics metrics;
    private SigningKeySelector keys;
    private DkimSigningOptions options;
    private SignatureAlgorithm algorithm;
    private boolean convertTo7Bit;
    private boolean removeOldSignatures;
    private Optional<DkimSignParameters.DomainKeysOptions> domainKeys;

    /** Counting nothing (no metric system given). */
    public DkimSign() {
        this(Clock.systemUTC(), InkanMetrics.none());
    }

    /** As James builds it: signatures per domain and time counted in James's metric system. */
    @Inject
    public DkimSign(MetricFactory metricFactory) {
        this(Clock.systemUTC(), InkanMetrics.of(metricFactory));
    }

    DkimSign(Clock clock) {
        this(clock, InkanMetrics.none());
    }

    DkimSign(Clock clock, InkanMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(DkimSignParameters.NAMES);
        DkimSignParameters p = new DkimSignParameters(this::getInitParameter);
        keys = p.keySelector(clock);
        options = p.options();
        algorithm = p.algorithm();
        convertTo7Bit = p.convertTo7Bit();
        removeOldSignatures = p.removeOldSignatures();
        domainKeys = p.domainKeys();
    }

    @Override
    public void service(Mail mail) {
        metrics.time("DkimSign", () -> sign(mail));
    }

    private void sign(Mail mail) {
        try {
            MimeMessage message = mail.getMessage();
            if (removeOldSignatures) {
                int removed = OldSignatures.removeBeforeSigning(message, this::signs);
                if (removed > 0) {
                    LOG.info("DkimSign: mail {}: removed {} old DKIM-Signature field(s) before signing", mail.getName(),
                            removed);
                }
            }
            FixedPoint.prepare(message, convertTo7Bit, getMailetContext(), mail.getName());
            DkimSigning job = DkimSigning.choosing(headers -> specsFor(headers, mail), clock);
            DomainKeysSigning dk = domainKeys.map(o -> new DomainKeysSigning(headers -> domainKeysSpec(job, o, headers)))
                    .orElse(null);
            ScannedMessage scanned = MessageScan.scan(message, MessageLimits.DEFAULT,
                    dk == null ? List.of(job) : List.of(job, dk));
            if (job.specs().isEmpty()) {
                return;
            }
            // DKIMproxy's order: the DomainKey-Signature first, the DKIM signatures on top of it (they cover it
            // when the headers parameter names DomainKey-Signature)
            Optional<String> dkField = dk == null ? Optional.empty() : dk.signatureField(scanned);
            if (dk != null && dkField.isEmpty()) {
                LOG.info("DkimSign: mail {} not DomainKeys-signed: {}", mail.getName(), dk.notSigned().orElse("?"));
            }
            List<HeaderField> added = dkField.map(f -> List.of(HeaderField.of(f.substring(0, f.length() - 2))))
                    .orElse(List.of());
            List<String> fields = new ArrayList<>(job.signatureFields(scanned, added));
            dkField.ifPresent(fields::add);
            HeaderEditor.rewrite(message, fields, line -> true);
            job.specs().forEach(spec -> metrics.signed("dkim", spec.domain()));
            if (dkField.isPresent()) {
                dk.domain().ifPresent(domain -> metrics.signed("domainkeys", domain));
            }
        } catch (Exception e) {
            LOG.warn("DkimSign: mail {} was not signed and goes on unsigned", mail.getName(), e);
        }
    }

    /**
     * The DomainKeys signature, with the first RSA key DKIM signs with (DomainKeys is rsa-sha1 only). Its h= lists
     * the configured fields, by default every field of the message but MIME-Version: James 3.8 moves MIME-Version to
     * the very top whenever it writes a changed message, above the signature, where a DomainKeys verifier no longer
     * looks (RFC 4870 §3.3: only fields after the signature are signed).
     */
    private static Optional<DomainKeysSigningSpec> domainKeysSpec(DkimSigning job,
            DkimSignParameters.DomainKeysOptions options, HeaderBlock headers) {
        List<String> names = options.headers() != null ? options.headers() : headers.fields().stream()
                .filter(HeaderField::hasColon).map(f -> f.name().toLowerCase(Locale.ROOT))
                .filter(name -> !name.equals("mime-version")).distinct().toList();
        return job.specs().stream().filter(s -> s.key() instanceof RsaSigningKey).findFirst()
                .map(s -> new DomainKeysSigningSpec(s.domain(), s.selector(), (RsaSigningKey) s.key(),
                        options.canonicalization(), names));
    }

    /** Whether a key is chosen for the author of {@code headers}: the mail is going to be signed. */
    private boolean signs(HeaderBlock headers) {
        List<String> authors = AuthorAddresses.of(headers);
        return !authors.isEmpty() && !keys.choose(authors.get(0)).isEmpty();
    }

    private List<DkimSigningSpec> specsFor(HeaderBlock headers, Mail mail) {
        List<String> authors = AuthorAddresses.of(headers);
        if (authors.isEmpty()) {
            LOG.info("DkimSign: mail {} has no From address; not signed", mail.getName());
            return List.of();
        }
        List<DkimSigningSpec> specs = new ArrayList<>();
        for (KeySelection k : keys.choose(authors.get(0))) {
            try {
                specs.add(options.specFor(k.key(), k.domain(), k.selector(), algorithm, k.identity()));
            } catch (IllegalArgumentException e) {
                LOG.warn("DkimSign: mail {}: key d={} s={} cannot sign it: {}", mail.getName(), k.domain(),
                        k.selector(), e.getMessage());
            }
        }
        if (specs.isEmpty()) {
            LOG.debug("DkimSign: no key for {} (mail {}); not signed", authors.get(0), mail.getName());
        }
        return specs;
    }

    @Override
    public String getMailetInfo() {
        return "Inkan DkimSign: DKIM signing (RSA and Ed25519, key and signing tables)";
    }
}
