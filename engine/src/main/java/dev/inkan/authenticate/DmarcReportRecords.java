package dev.inkan.authenticate;

import dev.inkan.authres.ResultInfo;
import dev.inkan.dkim.DkimResult;
import dev.inkan.dkim.DkimVerdict;
import dev.inkan.dmarc.AppliedPolicy;
import dev.inkan.dmarc.DmarcPolicy;
import dev.inkan.dmarc.DmarcVerdict;
import dev.inkan.dmarc.PolicyOverride;
import dev.inkan.dmarc.report.EvaluationRecord.DkimAuth;
import dev.inkan.dmarc.report.EvaluationRecord.OverrideReason;
import dev.inkan.dmarc.report.EvaluationRecord.SpfAuth;
import dev.inkan.dmarc.report.EvaluationRecord;
import dev.inkan.dmarc.report.PublishedPolicy;
import dev.inkan.spf.SpfResult;
import dev.inkan.spf.SpfVerdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns one pass's typed verdicts into the RFC 9990 record of its DMARC evaluation. */
final class DmarcReportRecords {

    private DmarcReportRecords() {
    }

    /**
     * @param dkim this pass's DKIM verdicts, or null when DKIM was recorded earlier (then {@code recorded}'s are used)
     * @param spf this pass's SPF verdict, or null (then a recorded SPF result is used, if any)
     */
    static EvaluationRecord of(DmarcVerdict dmarc, List<DkimVerdict> dkim, SpfVerdict spf, RecordedResults recorded,
            SmtpEnvelope envelope, Instant evaluatedAt) {
        AppliedPolicy applied = dmarc.policy();
        String headerFrom = dmarc.authorDomain();
        return new EvaluationRecord(evaluatedAt, envelope.clientIp().getHostAddress(), headerFrom,
                envelopeFrom(envelope.mailFrom()), envelopeTo(envelope.recipients()),
                PublishedPolicy.of(applied, dmarc.mode()), disposition(dmarc), !dmarc.alignedDkim().isEmpty(),
                dmarc.alignedSpf() != null, reasons(applied),
                dkim != null ? dkim(dkim, dmarc, headerFrom) : recordedDkim(recorded.get(Method.DKIM)),
                spf != null ? spf(spf) : recordedSpf(recorded.get(Method.SPF)));
    }

    /** DKIM results an earlier step recorded (header.d, header.s), in their order. */
    private static List<DkimAuth> recordedDkim(List<ResultInfo> infos) {
        List<DkimAuth> out = new ArrayList<>();
        for (ResultInfo info : infos) {
            info.property("header", "d").ifPresent(d -> out.add(new DkimAuth(d.toLowerCase(Locale.ROOT),
                    info.property("header", "s").orElse(""), info.result(),
                    "pass".equals(info.result()) ? null : info.comment())));
        }
        return out;
    }

    /** The MAIL FROM SPF result an earlier step recorded (smtp.mailfrom), or null. */
    private static SpfAuth recordedSpf(List<ResultInfo> infos) {
        for (ResultInfo info : infos) {
            var mailFrom = info.property("smtp", "mailfrom");
            if (mailFrom.isPresent()) {
                String domain = mailFrom.get().substring(mailFrom.get().lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
                return new SpfAuth(domain, info.result(), "pass".equals(info.result()) ? null : info.comment());
            }
        }
        return null;
    }

    /**
     * RFC 9990's ActionDispositionType: "pass" for a DMARC pass under an enforcing policy, "none" for a pass under
     * p=none, else the disposition applied after testing mode, pct and overrides.
     */
    private static String disposition(DmarcVerdict dmarc) {
        if (dmarc.passed()) {
            return dmarc.policy().requested() == DmarcPolicy.NONE ? "none" : "pass";
        }
        return dmarc.policy().disposition().keyword();
    }

    /**
     * The override, with RFC 7489's {@code sampled_out} (pct) written as RFC 9990's "other" with that comment: the
     * 2.0 schema's PolicyOverrideType has no sampled_out.
     */
    private static List<OverrideReason> reasons(AppliedPolicy applied) {
        if (applied.override() == null) {
            return List.of();
        }
        if (applied.override() == PolicyOverride.SAMPLED_OUT) {
            return List.of(new OverrideReason("other", "sampled_out: not selected by pct (RFC 7489 §6.6.4)"));
        }
        return List.of(new OverrideReason(applied.override().reportName(), applied.overrideComment()));
    }

    /**
     * Every checked signature with a readable d=, in RFC 9990 §3.1.3's order: passes strictly aligned with the
     * From domain, passes relaxed-aligned, other passes, then the rest; top to bottom within each.
     */
    private static List<DkimAuth> dkim(List<DkimVerdict> verdicts, DmarcVerdict dmarc, String headerFrom) {
        if (verdicts == null) {
            return List.of();
        }
        Set<String> aligned = dmarc.alignedDkim().stream().map(d -> d.domain().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<DkimVerdict> readable = new ArrayList<>();
        for (DkimVerdict v : verdicts) {
            if (v.domain() != null) {
                readable.add(v);
            }
        }
        readable.sort(Comparator.comparingInt(v -> rank(v, aligned, headerFrom)));
        return readable.stream().map(v -> new DkimAuth(v.domain().toLowerCase(Locale.ROOT), v.selector(),
                v.result().keyword(), v.result() == DkimResult.PASS ? null : v.comment())).toList();
    }

    private static int rank(DkimVerdict v, Set<String> aligned, String headerFrom) {
        if (v.result() != DkimResult.PASS) {
            return 3;
        }
        String d = v.domain().toLowerCase(Locale.ROOT);
        return d.equalsIgnoreCase(headerFrom) ? 0 : aligned.contains(d) ? 1 : 2;
    }

    private static SpfAuth spf(SpfVerdict spf) {
        if (spf == null) {
            return null;
        }
        return new SpfAuth(spf.domain(), spf.result().keyword(), spf.result() == SpfResult.PASS ? null : spf.comment());
    }

    private static String envelopeFrom(String mailFrom) {
        if (mailFrom == null || mailFrom.isEmpty()) {
            return "";
        }
        int at = mailFrom.lastIndexOf('@');
        return at < 0 ? mailFrom.toLowerCase(Locale.ROOT) : mailFrom.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static String envelopeTo(List<String> recipients) {
        if (recipients == null || recipients.isEmpty()) {
            return null;
        }
        String first = recipients.get(0);
        int at = first.lastIndexOf('@');
        return at < 0 ? null : first.substring(at + 1).replace(">", "").toLowerCase(Locale.ROOT);
    }
}
