package dev.inkan.dmarc.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who sends as a domain and how they fare, from the aggregate reports others sent about it: per source IP, the
 * messages, how many passed DMARC, DKIM and SPF alignment, and what the receivers did; busiest sources first.
 *
 * @param domain the policy domain
 * @param reports how many reports were summed
 * @param reporters the reporting organizations
 * @param sources one line per source IP
 */
public record ReportSummary(String domain, int reports, List<String> reporters, List<Source> sources) {

    /** One sending IP address over all reports. */
    public record Source(String ip, long messages, long dmarcPass, long dkimAligned, long spfAligned,
            Map<String, Long> dispositions, List<String> headerFrom) {
    }

    public long messages() {
        return sources.stream().mapToLong(Source::messages).sum();
    }

    public long dmarcPass() {
        return sources.stream().mapToLong(Source::dmarcPass).sum();
    }

    public static ReportSummary of(String domain, List<ReceivedReport> received) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Map<String, Long>> dispositions = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> froms = new LinkedHashMap<>();
        java.util.Set<String> reporters = new java.util.TreeSet<>();
        for (ReceivedReport report : received) {
            reporters.add(report.orgName());
            for (ReceivedReport.Row row : report.rows()) {
                long[] c = counts.computeIfAbsent(row.sourceIp(), k -> new long[4]);
                c[0] += row.count();
                c[1] += row.dmarcPass() ? row.count() : 0;
                c[2] += row.dkimAligned() ? row.count() : 0;
                c[3] += row.spfAligned() ? row.count() : 0;
                dispositions.computeIfAbsent(row.sourceIp(), k -> new TreeMap<>()).merge(row.disposition(), row.count(),
                        Long::sum);
                if (row.headerFrom() != null) {
                    froms.computeIfAbsent(row.sourceIp(), k -> new java.util.TreeSet<>()).add(row.headerFrom());
                }
            }
        }
        List<Source> sources = new ArrayList<>();
        counts.forEach((ip, c) -> sources.add(new Source(ip, c[0], c[1], c[2], c[3], dispositions.get(ip),
                List.copyOf(froms.getOrDefault(ip, java.util.Set.of())))));
        sources.sort(Comparator.comparingLong(Source::messages).reversed().thenComparing(Source::ip));
        return new ReportSummary(domain, received.size(), List.copyOf(reporters), sources);
    }
}
