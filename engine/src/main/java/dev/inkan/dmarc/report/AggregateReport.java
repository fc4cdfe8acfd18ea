package dev.inkan.dmarc.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One aggregate report (RFC 9990 §3.1): one reporting period, one DMARC Policy Domain (§3.1.2: "there MUST be a
 * single DMARC Policy Domain"), the records of that period aggregated into rows with a count.
 *
 * @param metadata the report generator metadata
 * @param policy the policy published: the latest seen in the period (§3.3 allows one policy_published for a
 *     period in which the record changed)
 * @param rows the rows, in the order their first message was evaluated
 */
public record AggregateReport(Metadata metadata, PublishedPolicy policy, List<ReportRow> rows) {

    /**
     * {@code report_metadata} (§3.1.1.3).
     *
     * @param orgName the Reporting Organization
     * @param email its contact address
     * @param extraContactInfo more contact details, or null
     * @param reportId the unique Report-ID (§3.5.1)
     * @param begin start of the reporting period
     * @param end end of the reporting period
     * @param errors errors met processing the DMARC Policy Record (§3.1.5); the schema allows one element, so
     *     they are written joined
     * @param generator the generating software, or null
     */
    public record Metadata(String orgName, String email, String extraContactInfo, String reportId, Instant begin,
            Instant end, List<String> errors, String generator) {
        public Metadata {
            Objects.requireNonNull(orgName, "orgName");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(reportId, "reportId");
            Objects.requireNonNull(begin, "begin");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(begin)) {
                throw new IllegalArgumentException("the reporting period must end after it begins: " + begin + " .. " + end);
            }
            errors = List.copyOf(errors);
        }
    }

    /** A row: messages alike in IP, result and identifiers, and how many there were. */
    public record ReportRow(EvaluationRecord sample, long count) {
    }

    public AggregateReport {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(policy, "policy");
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("an aggregate report has at least one record (RFC 9990 §3.1.1.2)");
        }
    }

    /**
     * Aggregates {@code records} (evaluations of one DMARC Policy Domain, evaluated within the metadata's period)
     * into rows.
     *
     * @throws IllegalArgumentException when there are none, or they name more than one DMARC Policy Domain, or one
     *     was evaluated outside the period
     */
    public static AggregateReport of(Metadata metadata, List<EvaluationRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no evaluations to report");
        }
        String domain = records.get(0).policy().domain().toLowerCase(Locale.ROOT);
        Map<EvaluationRecord.Row, long[]> counts = new LinkedHashMap<>();
        Map<EvaluationRecord.Row, EvaluationRecord> samples = new LinkedHashMap<>();
        EvaluationRecord latest = records.get(0);
        for (EvaluationRecord r : records) {
            if (!r.policy().domain().toLowerCase(Locale.ROOT).equals(domain)) {
                throw new IllegalArgumentException("one report covers one DMARC Policy Domain (RFC 9990 §3.1.2): "
                        + domain + " and " + r.policy().domain());
            }
            if (r.evaluatedAt().isBefore(metadata.begin()) || !r.evaluatedAt().isBefore(metadata.end())) {
                throw new IllegalArgumentException("evaluated at " + r.evaluatedAt() + ", outside the period "
                        + metadata.begin() + " .. " + metadata.end());
            }
            EvaluationRecord.Row row = r.row();
            counts.computeIfAbsent(row, k -> new long[1])[0]++;
            samples.putIfAbsent(row, r);
            if (!r.evaluatedAt().isBefore(latest.evaluatedAt())) {
                latest = r;
            }
        }
        List<ReportRow> rows = new ArrayList<>(counts.size());
        counts.forEach((row, n) -> rows.add(new ReportRow(samples.get(row), n[0])));
        return new AggregateReport(metadata, latest.policy(), rows);
    }

    /** The number of messages the report covers. */
    public long messages() {
        return rows.stream().mapToLong(ReportRow::count).sum();
    }
}
