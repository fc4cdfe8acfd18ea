package dev.inkan.dmarc.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An aggregate report another receiver sent about one of our domains (RFC 9990, or the older RFC 7489 format): who
 * sent it, for which period and policy domain, and its rows.
 *
 * @param orgName the reporting organization
 * @param reportId its Report-ID
 * @param begin start of the period
 * @param end end of the period
 * @param policyDomain the DMARC Policy Domain reported on
 * @param rows one per record element
 */
public record ReceivedReport(String orgName, String reportId, Instant begin, Instant end, String policyDomain,
        List<Row> rows) {

    /**
     * One record: the source, how many messages, what was done and the results.
     *
     * @param dkimAligned the DMARC DKIM result (pass/fail) as the reporter evaluated it
     * @param spfAligned the DMARC SPF result (pass/fail)
     * @param dkim the raw DKIM results "domain result" (at most what the report holds)
     * @param spf the raw SPF results "domain result"
     */
    public record Row(String sourceIp, long count, String disposition, boolean dkimAligned, boolean spfAligned,
            String headerFrom, List<String> dkim, List<String> spf) {
        public Row {
            Objects.requireNonNull(sourceIp, "sourceIp");
            dkim = List.copyOf(dkim);
            spf = List.copyOf(spf);
        }

        /** DMARC passed for these messages: DKIM or SPF aligned and passing. */
        public boolean dmarcPass() {
            return dkimAligned || spfAligned;
        }
    }

    public ReceivedReport {
        Objects.requireNonNull(orgName, "orgName");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(policyDomain, "policyDomain");
        rows = List.copyOf(rows);
    }

    public long messages() {
        return rows.stream().mapToLong(Row::count).sum();
    }
}
