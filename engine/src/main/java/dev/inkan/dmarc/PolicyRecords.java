package dev.inkan.dmarc;

import dev.inkan.dns.DnsAnswer;
import dev.inkan.dns.DnsResolver;
import dev.inkan.dns.DnsStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The DMARC records of one evaluation: each {@code _dmarc.<domain>} is queried at most once and its answer
 * kept, so the tree walks of the Author Domain and of each Authenticated Identifier (RFC 9989 §4.10.2: "it
 * may be necessary to perform multiple DNS Tree Walks") share their queries. Also answers whether a domain
 * exists (RFC 9989 §3.2.13, Appendix A.4) for {@code np}. Not thread-safe: one per evaluation.
 */
final class PolicyRecords {

    private final DnsResolver resolver;
    private final Map<String, PolicyRecordAnswer> answers = new HashMap<>();
    private final Map<String, DnsStatus> existence = new HashMap<>();

    PolicyRecords(DnsResolver resolver) {
        this.resolver = resolver;
    }

    /** The DMARC record(s) at {@code _dmarc.<domain>} (RFC 9989 §4.10 steps 1–2, 5–6). */
    PolicyRecordAnswer at(String domain) {
        return answers.computeIfAbsent(domain, this::query);
    }

    private PolicyRecordAnswer query(String domain) {
        DnsAnswer<String> answer = resolver.txt("_dmarc." + domain);
        if (answer.status() == DnsStatus.TEMPFAIL) {
            return new PolicyRecordAnswer(domain, PolicyRecordAnswer.Kind.TEMPFAIL, null, answer.status(),
                    "_dmarc." + domain + ": " + answer.detail());
        }
        List<DmarcRecord> records = new ArrayList<>();
        for (String text : answer.records()) {
            DmarcRecordParse parse = DmarcRecordParser.parse(text);
            if (parse.isDmarc()) {
                records.add(parse.record());
            }
        }
        PolicyRecordAnswer.Kind kind = records.isEmpty() ? PolicyRecordAnswer.Kind.NONE
                : records.size() == 1 ? PolicyRecordAnswer.Kind.ONE : PolicyRecordAnswer.Kind.MULTIPLE;
        return new PolicyRecordAnswer(domain, kind, records.size() == 1 ? records.get(0) : null, answer.status(), "");
    }

    /**
     * Whether {@code domain} exists, for {@code np} (RFC 9989 §4.7, §3.2.13): "if any RR exists for a
     * domain, then the domain exists"; NXDOMAIN means it does not (Appendix A.4, RFC 8020). An answer at
     * {@code _dmarc.<domain>} other than NXDOMAIN already proves the name exists; otherwise an A query
     * decides (NO_DATA: exists). Returns FOUND (exists), NXDOMAIN, or TEMPFAIL.
     */
    DnsStatus existence(String domain) {
        PolicyRecordAnswer record = answers.get(domain);
        if (record != null && (record.dnsStatus() == DnsStatus.FOUND || record.dnsStatus() == DnsStatus.NO_DATA)) {
            return DnsStatus.FOUND;
        }
        return existence.computeIfAbsent(domain, name -> switch (resolver.a(name).status()) {
            case FOUND, NO_DATA -> DnsStatus.FOUND;
            case NXDOMAIN -> DnsStatus.NXDOMAIN;
            case TEMPFAIL -> DnsStatus.TEMPFAIL;
        });
    }
}
