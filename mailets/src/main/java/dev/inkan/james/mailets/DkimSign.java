package dev.inkan.james.mailets;

import dev.inkan.crypto.SignatureAlgorithm;
import dev.inkan.dkim.DkimSigning;
import dev.inkan.dkim.DkimSigningOptions;
import dev.inkan.dkim.DkimSigningSpec;
import dev.inkan.james.message.FixedPoint;
import dev.inkan.james.message.HeaderEditor;
import dev.inkan.james.message.MessageScan;
import dev.inkan.keytable.KeySelection;
import dev.inkan.keytable.SigningKeySelector;
import dev.inkan.message.AuthorAddresses;
import dev.inkan.message.HeaderBlock;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.ScannedMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
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
    private SigningKeySelector keys;
    private DkimSigningOptions options;
    private SignatureAlgorithm algorithm;
    private boolean convertTo7Bit;

    public DkimSign() {
        this(Clock.systemUTC());
    }

    DkimSign(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(DkimSignParameters.NAMES);
        DkimSignParameters p = new DkimSignParameters(this::getInitParameter);
        keys = p.keySelector();
        options = p.options();
        algorithm = p.algorithm();
        convertTo7Bit = p.convertTo7Bit();
    }

    @Override
    public void service(Mail mail) {
        try {
            MimeMessage message = mail.getMessage();
            FixedPoint.prepare(message, convertTo7Bit, getMailetContext(), mail.getName());
            DkimSigning job = DkimSigning.choosing(headers -> specsFor(headers, mail), clock);
            ScannedMessage scanned = MessageScan.scan(message, MessageLimits.DEFAULT, List.of(job));
            if (job.specs().isEmpty()) {
                return;
            }
            HeaderEditor.rewrite(message, job.signatureFields(scanned), line -> true);
        } catch (Exception e) {
            LOG.warn("DkimSign: mail {} was not signed and goes on unsigned", mail.getName(), e);
        }
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
