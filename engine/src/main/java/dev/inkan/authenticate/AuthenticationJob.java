package dev.inkan.authenticate;

import dev.inkan.arc.ArcCheck;
import dev.inkan.arc.ArcSetSummary;
import dev.inkan.arc.ArcVerdict;
import dev.inkan.dkim.DkimCheck;
import dev.inkan.dkim.DkimVerdict;
import dev.inkan.dmarc.ArcInput;
import dev.inkan.dmarc.AuthorDomains;
import dev.inkan.dmarc.DkimInput;
import dev.inkan.dmarc.DmarcRequest;
import dev.inkan.dmarc.DmarcVerdict;
import dev.inkan.dmarc.SpfInput;
import dev.inkan.dns.BudgetedResolver;
import dev.inkan.domainkeys.DomainKeysCheck;
import dev.inkan.domainkeys.DomainKeysVerdict;
import dev.inkan.message.BodyHashKey;
import dev.inkan.message.BodyHashRequester;
import dev.inkan.message.HeaderBlock;
import dev.inkan.message.ScannedMessage;
import dev.inkan.senderid.SenderIdVerdict;
import dev.inkan.spf.SpfRequest;
import dev.inkan.spf.SpfVerdict;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks of one message, in one pass: registered with a {@link dev.inkan.message.MessageSink}, it starts
 * SPF's first query at once (SPF needs only the envelope), and when the header block is complete asks for the
 * body digests of every DKIM signature and ARC set and starts the key queries of all of them and the DMARC
 * record query together, so the DNS of a message costs about its longest chain of dependent queries rather than
 * their sum. After the scan, {@link #result} checks each method under the message's DNS budget. Not
 * thread-safe; one per message.
 */
public final class AuthenticationJob implements BodyHashRequester {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationJob.class);

    private final Authenticator authenticator;
    private final SmtpEnvelope envelope;
    private final Set<Method> methods;
    private final RecordedResults recorded;
    private final BudgetedResolver dns;
    private final DkimCheck dkim;
    private final ArcCheck arc;
    private final boolean checkSpf;
    private final SpfRequest spfRequest;
    private final boolean needDmarc;
    private final DomainKeysCheck domainKeys;
    private final boolean checkSenderId;
    private HeaderBlock headers;

    AuthenticationJob(Authenticator authenticator, SmtpEnvelope envelope, Set<Method> methods,
            RecordedResults recorded) {
        this.authenticator = authenticator;
        this.envelope = envelope;
        this.methods = methods;
        this.recorded = recorded;
        AuthenticationConfig config = authenticator.config();
        this.dns = authenticator.lookups().forMessage(config.dnsBudget());
        this.needDmarc = methods.contains(Method.DMARC) && !recorded.has(Method.DMARC);
        boolean dkimWanted = methods.contains(Method.DKIM) || needDmarc;
        this.dkim = dkimWanted && !recorded.has(Method.DKIM) ? authenticator.dkim().check(dns) : null;
        boolean arcWanted = methods.contains(Method.ARC) && !recorded.has(Method.ARC)
                || needDmarc && !config.dmarc().trustedArcSealers().isEmpty();
        this.arc = arcWanted ? authenticator.arc().check(dns) : null;
        this.checkSpf = (methods.contains(Method.SPF) || needDmarc) && !recorded.has(Method.SPF) && envelope.hasClient();
        this.spfRequest = checkSpf ? SpfRequest.mailFrom(envelope.clientIp(), envelope.helo(), envelope.mailFrom())
                : null;
        this.domainKeys = methods.contains(Method.DOMAINKEYS) && !recorded.has(Method.DOMAINKEYS)
                ? authenticator.domainKeys().check(dns) : null;
        this.checkSenderId = methods.contains(Method.SENDER_ID) && !recorded.has(Method.SENDER_ID) && envelope.hasClient();
        if (checkSpf) {
            dns.prefetchTxt(spfRequest.domain());
            if (config.checkHelo() && !envelope.helo().isEmpty()) {
                dns.prefetchTxt(envelope.helo());
            }
        }
    }

    @Override
    public Set<BodyHashKey> bodyHashKeys(HeaderBlock headers) {
        this.headers = headers;
        Set<BodyHashKey> keys = new LinkedHashSet<>();
        if (dkim != null) {
            keys.addAll(dkim.bodyHashKeys(headers));
            dkim.keyNames().forEach(dns::prefetchTxt);
        }
        if (arc != null) {
            keys.addAll(arc.bodyHashKeys(headers));
            arc.keyNames().forEach(dns::prefetchTxt);
        }
        if (needDmarc) {
            AuthorDomains.from(headers).domains().forEach(domain -> dns.prefetchTxt("_dmarc." + domain));
        }
        if (domainKeys != null) {
            keys.addAll(domainKeys.bodyHashKeys(headers));
            domainKeys.keyName().ifPresent(dns::prefetchTxt);
        }
        return keys;
    }

    /**
     * Whether the job reads the message at all: false when only SPF is asked for or everything else is recorded;
     * then {@link #result} may be called with null, without a scan.
     */
    public boolean needsMessage() {
        return dkim != null || arc != null || needDmarc || domainKeys != null || checkSenderId;
    }

    /**
     * Whether the job needs the body, for a caller that can tell cheaply which header fields a message has
     * (James's parsed headers): DKIM hashes it only when there is a DKIM-Signature, ARC only when there is an ARC
     * field; DMARC alone (its DKIM and SPF results recorded) reads only the header block. When false, a caller may
     * hand the job the header block and an empty body.
     */
    public boolean needsBody(java.util.function.Predicate<String> hasField) {
        return dkim != null && hasField.test("DKIM-Signature")
                || domainKeys != null && hasField.test("DomainKey-Signature")
                || arc != null && (hasField.test("ARC-Seal") || hasField.test("ARC-Message-Signature")
                        || hasField.test("ARC-Authentication-Results"));
    }

    /**
     * Every verdict, once the message has been scanned with this job registered ({@code message} may be null
     * when {@link #needsMessage()} is false).
     */
    public Authentication result(ScannedMessage message) {
        if (headers == null && needsMessage()) {
            throw new IllegalStateException("the job was not registered with the message sink");
        }
        SpfVerdict spfHelo = null;
        SpfVerdict spf = null;
        if (checkSpf) {
            if (authenticator.config().checkHelo()) {
                spfHelo = authenticator.spf().evaluate(SpfRequest.helo(envelope.clientIp(), envelope.helo()), dns);
            }
            spf = authenticator.spf().evaluate(spfRequest, dns);
        }
        List<DkimVerdict> dkimVerdicts = dkim == null ? null : dkim.verdicts(message);
        ArcVerdict chain = arc == null ? null : arc.verdict(message);
        DmarcVerdict dmarc = needDmarc ? dmarc(AuthorDomains.from(headers), dkimVerdicts, spf, chain) : null;
        DomainKeysVerdict dk = domainKeys == null ? null : domainKeys.verdict(message);
        SenderIdVerdict senderId = checkSenderId
                ? authenticator.senderId().checkPra(headers, envelope.clientIp(), envelope.helo(), dns) : null;
        if (dns.budgetSpent()) {
            LOG.info("DNS budget of {} ms used up for a message from {}; outstanding lookups are temporary errors",
                    dns.budget().toMillis(), envelope.remoteIp());
        }
        return new Authentication(authenticator.config().authservId(), methods, envelope, recorded, dkimVerdicts,
                spfHelo, spf, chain, dmarc, dk, senderId, null);
    }

    /**
     * The verdicts when the message could not be read within the limits ({@code problem}): DKIM, DomainKeys and
     * Sender ID permerror, ARC fail, DMARC permerror (no readable author), SPF as the envelope says.
     */
    public Authentication unreadable(String problem) {
        SpfVerdict spf = checkSpf ? authenticator.spf().evaluate(spfRequest, dns) : null;
        return new Authentication(authenticator.config().authservId(), methods, envelope, recorded, null, null, spf,
                null, null, null, null, problem);
    }

    /** DMARC from the typed verdicts of this pass, or from the recorded resinfos where the pass did not check. */
    private DmarcVerdict dmarc(AuthorDomains authors, List<DkimVerdict> dkimVerdicts, SpfVerdict spf,
            ArcVerdict chain) {
        DmarcRequest.Builder request = DmarcRequest.builder(authors);
        if (dkimVerdicts != null) {
            for (DkimVerdict verdict : dkimVerdicts) {
                if (verdict.domain() != null) {
                    request.dkim(new DkimInput(verdict.result().keyword(), verdict.domain(), verdict.selector()));
                }
            }
        } else {
            request.resultInfos(recorded.get(Method.DKIM));
        }
        if (spf != null) {
            request.spf(SpfInput.mailFrom(spf.result().keyword(), spf.domain()));
        } else {
            request.resultInfos(recorded.get(Method.SPF));
        }
        if (chain != null) {
            request.arc(new ArcInput(chain.result().keyword(),
                    chain.sets().stream().map(ArcSetSummary::sealDomain).toList(), Math.max(0, chain.oldestPass())));
        }
        return authenticator.dmarc().evaluate(request.build(), dns);
    }

}
