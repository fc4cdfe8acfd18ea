package dev.inkan.authenticate;

import dev.inkan.arc.ArcVerdict;
import dev.inkan.authres.AuthenticationResults;
import dev.inkan.authres.ResultInfo;
import dev.inkan.dkim.DkimVerdict;
import dev.inkan.dmarc.DmarcVerdict;
import dev.inkan.dmarc.report.EvaluationRecord;
import dev.inkan.domainkeys.DomainKeysVerdict;
import dev.inkan.senderid.SenderIdVerdict;
import dev.inkan.spf.SpfVerdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every verdict the pipeline reached for one message, typed, and the RFC 8601 results they make. A method that
 * was recorded earlier ({@link RecordedResults}) or not checked has no typed verdict (null); its resinfos are the
 * recorded ones.
 *
 * @param authservId the authserv-id of the results
 * @param methods the methods asked for: {@link #resultInfos()} reports these
 * @param envelope the SMTP transaction
 * @param recorded the results given as already reached
 * @param dkim one verdict per DKIM-Signature, top to bottom (empty: unsigned); null when not checked here
 * @param spfHelo SPF for the HELO identity, when configured and checked
 * @param spf SPF for the MAIL FROM identity; null without an SMTP client or when recorded
 * @param arc the incoming chain's validation; null when not checked here
 * @param dmarc DMARC; null when not asked for or when the message could not be read
 * @param domainKeys DomainKeys (RFC 4870); null when not asked for, recorded, or the message could not be read
 * @param senderId Sender ID for the PRA (RFC 4406/4407); null when not asked for, recorded, without an SMTP
 *     client, or when the message could not be read
 * @param unreadable why the message's header could not be read within the limits, or null when it was read
 */
public record Authentication(String authservId, Set<Method> methods, SmtpEnvelope envelope, RecordedResults recorded,
        List<DkimVerdict> dkim, SpfVerdict spfHelo, SpfVerdict spf, ArcVerdict arc, DmarcVerdict dmarc,
        DomainKeysVerdict domainKeys, SenderIdVerdict senderId, String unreadable) {

    public Authentication {
        methods = Set.copyOf(methods);
        dkim = dkim == null ? null : List.copyOf(dkim);
    }

    /** The resinfos of the methods asked for, in the order of {@link Method}: SPF, Sender ID, DKIM, DomainKeys, ARC, DMARC. */
    public List<ResultInfo> resultInfos() {
        List<ResultInfo> all = new ArrayList<>();
        for (Method method : Method.values()) {
            if (methods.contains(method)) {
                all.addAll(resultInfos(method));
            }
        }
        return all;
    }

    /**
     * The resinfos of one method: recorded ones when it was recorded, else this pass's: {@code dkim=none} for a
     * message without signatures (RFC 8601 §2.7.1), no {@code spf=} without an SMTP client, and for a header
     * beyond the limits {@code dkim=permerror}, {@code arc=fail}, {@code dmarc=permerror} with the reason.
     */
    public List<ResultInfo> resultInfos(Method method) {
        if (recorded.has(method)) {
            return recorded.get(method);
        }
        return switch (method) {
            case SPF -> spfInfos();
            case DKIM -> dkimInfos();
            case ARC -> unreadable != null ? List.of(problem("arc", "fail"))
                    : arc == null ? List.of() : List.of(arc.toResultInfo(envelope.remoteIp()));
            case DMARC -> unreadable != null ? List.of(problem("dmarc", "permerror"))
                    : dmarc == null ? List.of() : List.of(dmarc.toResultInfo());
            case DOMAINKEYS -> unreadable != null ? List.of(problem("domainkeys", "permerror"))
                    : domainKeys == null ? List.of() : List.of(domainKeys.toResultInfo());
            case SENDER_ID -> unreadable != null && envelope.hasClient() ? List.of(problem("sender-id", "permerror"))
                    : senderId == null ? List.of() : List.of(senderId.toResultInfo());
        };
    }

    /**
     * What this evaluation leaves for DMARC aggregate reports (RFC 9990), when DMARC applied a policy record to a
     * message from an SMTP client: empty without a client, without a DMARC verdict, or when no record applied
     * (none, temperror, permerror: there is no Policy Domain to report to).
     */
    public Optional<EvaluationRecord> dmarcReportRecord(Instant evaluatedAt) {
        if (dmarc == null || dmarc.policy() == null || !envelope.hasClient() || dmarc.authorDomain() == null) {
            return Optional.empty();
        }
        return Optional.of(DmarcReportRecords.of(dmarc, dkim, spf, recorded, envelope, evaluatedAt));
    }

    /** The Authentication-Results of {@link #resultInfos()} under our authserv-id. */
    public AuthenticationResults authenticationResults() {
        return AuthenticationResults.of(authservId, resultInfos());
    }

    /**
     * The Received-SPF fields (RFC 7208 §9.1, each "Received-SPF: ..." with its CRLF) of the SPF checks this pass
     * made for SPF asked for: the HELO identity's first, then MAIL FROM's. None when SPF was not asked for (an SPF
     * result DMARC computed as its input is not reported on its own), was recorded earlier, or had no client.
     */
    public List<String> receivedSpfFields() {
        List<String> fields = new ArrayList<>(2);
        if (methods.contains(Method.SPF) && !recorded.has(Method.SPF)) {
            for (SpfVerdict verdict : Arrays.asList(spfHelo, spf)) {
                if (verdict != null) {
                    fields.add(verdict.receivedSpf().header());
                }
            }
        }
        return fields;
    }

    private List<ResultInfo> spfInfos() {
        List<ResultInfo> infos = new ArrayList<>(2);
        if (spfHelo != null) {
            infos.add(spfHelo.toResultInfo());
        }
        if (spf != null) {
            infos.add(spf.toResultInfo());
        }
        return infos;
    }

    private List<ResultInfo> dkimInfos() {
        if (unreadable != null) {
            return List.of(problem("dkim", "permerror"));
        }
        if (dkim == null) {
            return List.of();
        }
        if (dkim.isEmpty()) {
            return List.of(ResultInfo.of("dkim", "none"));
        }
        return dkim.stream().map(DkimVerdict::toResultInfo).toList();
    }

    private ResultInfo problem(String method, String result) {
        return new ResultInfo(method, result, unreadable, null, List.of());
    }
}
