package dev.inkan.dmarc.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one DMARC evaluation leaves for the aggregate report (RFC 9990 §3.1.1.7 to §3.1.1.14): the connecting IP,
 * the identifiers, the policy as published, what was done and why, and the DKIM and SPF results uninterpreted.
 *
 * @param evaluatedAt when the message was evaluated (which reporting period it belongs to)
 * @param sourceIp the connecting IP address
 * @param headerFrom the RFC5322.From domain
 * @param envelopeFrom the RFC5321.MailFrom domain, "" for the null reverse-path, null when unknown
 * @param envelopeTo the RFC5321.RcptTo domain (the first recipient's), null when unknown
 * @param policy the policy published, as found
 * @param disposition the ActionDispositionType: "none", "pass" (DMARC passed under an enforcing policy),
 *     "quarantine" or "reject"
 * @param dkimAligned the DKIM Identifier Alignment result (pass or fail)
 * @param spfAligned the SPF Identifier Alignment result (pass or fail)
 * @param reasons why the disposition differs from the policy published (RFC 9990 §3.1.6)
 * @param dkim the DKIM results in RFC 9990 §3.1.3's order, at most 100
 * @param spf the SPF result for MAIL FROM, or null when SPF was not checked
 */
public record EvaluationRecord(Instant evaluatedAt, String sourceIp, String headerFrom, String envelopeFrom,
        String envelopeTo, PublishedPolicy policy, String disposition, boolean dkimAligned, boolean spfAligned,
        List<OverrideReason> reasons, List<DkimAuth> dkim, SpfAuth spf) {

    /** At most this many DKIM results per row (RFC 9990 §3.1.3: "no more than 100 signatures"). */
    public static final int MAX_DKIM = 100;

    /** A policy override reason: {@code type} one of RFC 9990 §3.1.6's, {@code comment} free text or null. */
    public record OverrideReason(String type, String comment) {
        public OverrideReason {
            Objects.requireNonNull(type, "type");
        }
    }

    /** A DKIM result: d=, s=, the RFC 8601 result, and human detail or null. */
    public record DkimAuth(String domain, String selector, String result, String human) {
        public DkimAuth {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(result, "result");
            selector = selector == null ? "" : selector;
        }
    }

    /** The SPF result for the MAIL FROM domain (scope "mfrom"), with human detail or null. */
    public record SpfAuth(String domain, String result, String human) {
        public SpfAuth {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(result, "result");
        }
    }

    public EvaluationRecord {
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        Objects.requireNonNull(sourceIp, "sourceIp");
        Objects.requireNonNull(headerFrom, "headerFrom");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(disposition, "disposition");
        reasons = List.copyOf(reasons);
        dkim = List.copyOf(dkim.size() > MAX_DKIM ? dkim.subList(0, MAX_DKIM) : dkim);
    }

    /** What makes two evaluations the same row of a report: everything but the time and the policy. */
    Row row() {
        return new Row(sourceIp, disposition, dkimAligned, spfAligned, reasons, headerFrom, envelopeFrom, envelopeTo,
                dkim, spf);
    }

    /** The identity of a report row (RFC 9990 §3.1.1.7: "one record (IP, result, authentication identifiers) per tuple"). */
    record Row(String sourceIp, String disposition, boolean dkimAligned, boolean spfAligned,
            List<OverrideReason> reasons, String headerFrom, String envelopeFrom, String envelopeTo,
            List<DkimAuth> dkim, SpfAuth spf) {
    }
}
