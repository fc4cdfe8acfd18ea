package dev.inkan.reports.delivery;

import dev.inkan.crypto.HashAlgorithm;
import dev.inkan.dmarc.DmarcConfig;
import dev.inkan.dmarc.DmarcMode;
import dev.inkan.dmarc.report.AggregateReport;
import dev.inkan.dmarc.report.EvaluationRecord;
import dev.inkan.dmarc.report.ReportDestinations;
import dev.inkan.dmarc.report.ReportMessage;
import dev.inkan.dmarc.report.ReportNames;
import dev.inkan.dns.DnsResolver;
import dev.inkan.reports.store.JdbcReportStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns stored evaluations into the aggregate report emails that are due (RFC 9990): one report per Policy Domain
 * and UTC day, its Report-ID and file name derived from its own data (so a report made again keeps them, §3.5.2), and
 * one message per {@code rua} destination that passes §4's external-destination check and its size limit. Who
 * delivers the messages is the caller's (James's spool, the local MTA); {@link #due} claims each report in the store
 * first, so of several nodes sharing it exactly one makes it.
 */
public final class ReportMailer {

    /** A message ready to go, or why a destination gets none ({@code message} null). */
    public record Outgoing(String domain, String destination, byte[] message, String refusal) {
        public boolean refused() {
            return message == null;
        }
    }

    /** Hands one message to the mail system (James's spool, the local MTA). */
    @FunctionalInterface
    public interface Delivery {
        void deliver(Outgoing message) throws Exception;
    }

    /**
     * What became of one due report: the messages handed over, the destinations refused (with the reason), the
     * hand-offs that failed (destination and error), and whether the claim was given back for the next run.
     */
    public record Sent(AggregateReport report, List<Outgoing> handed, List<Outgoing> refused, List<String> failures,
            boolean released) {
    }

    private final String sender;
    private final String receiver;
    private final String orgName;
    private final DnsResolver dns;
    private final Clock clock;

    /**
     * @param sender the address reports come from; its domain is the receiver's name in Report-IDs, file names and
     *     the Subject's Submitter
     * @param orgName {@code org_name}
     */
    public ReportMailer(String sender, String orgName, DnsResolver dns, Clock clock) {
        this(sender, sender.substring(sender.lastIndexOf('@') + 1), orgName, dns, clock);
    }

    /** @param receiver the receiver's domain name, when it is not the sender's domain */
    public ReportMailer(String sender, String receiver, String orgName, DnsResolver dns, Clock clock) {
        this.sender = sender;
        this.receiver = receiver;
        this.orgName = orgName;
        this.dns = dns;
        this.clock = clock;
    }

    public String receiver() {
        return receiver;
    }

    /** The unique-id of a report: derived from receiver, domain and period, so the same report gets the same one. */
    public String uniqueId(String domain, Instant begin, Instant end) {
        return HexFormat.of().formatHex(HashAlgorithm.SHA256.newDigest()
                .digest((receiver() + "!" + domain + "!" + begin + "!" + end).getBytes(StandardCharsets.UTF_8)), 0, 4);
    }

    /** The report of {@code records} (one Policy Domain) for the period. */
    public AggregateReport report(String domain, Instant begin, Instant end, List<EvaluationRecord> records,
            String generator) {
        return AggregateReport.of(new AggregateReport.Metadata(orgName, sender, null,
                ReportNames.reportId(receiver(), domain, begin, uniqueId(domain, begin, end)), begin, end, List.of(),
                generator), records);
    }

    /** The messages of one report, and the destinations that get none with the reason. */
    public List<Outgoing> messages(AggregateReport report) {
        String domain = report.policy().domain();
        // the destinations' Organizational Domains found as the report's policy was (RFC 9990 §4)
        DmarcConfig orgs = DmarcConfig.builder(dns)
                .mode("psl".equals(report.policy().discoveryMethod()) ? DmarcMode.RFC7489 : DmarcMode.RFC9989).build();
        String id = uniqueId(domain, report.metadata().begin(), report.metadata().end());
        List<Outgoing> out = new ArrayList<>();
        for (String published : report.policy().rua()) {
            for (ReportDestinations.ReportUri uri : ReportDestinations.parse(published)) {
                ReportDestinations.Verification v = ReportDestinations.verify(domain, uri, orgs::organizationalDomain, dns);
                if (v.destinations().isEmpty()) {
                    out.add(new Outgoing(domain, uri.uri(), null, v.outcome().name().toLowerCase(java.util.Locale.ROOT)
                            + (v.detail().isEmpty() ? "" : ", " + v.detail())));
                    continue;
                }
                for (ReportDestinations.ReportUri to : v.destinations()) {
                    byte[] bytes;
                    try {
                        bytes = ReportMessage.build(report, sender, to.address(), receiver(), id, clock.instant());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    out.add(to.accepts(bytes.length) ? new Outgoing(domain, to.address(), bytes, null)
                            : new Outgoing(domain, to.uri(), null, "the " + bytes.length + "-byte report is over its limit of "
                                    + to.maxBytes() + " bytes"));
                }
            }
        }
        if (report.policy().rua().isEmpty()) {
            out.add(new Outgoing(domain, "", null, domain + " publishes no rua"));
        }
        return out;
    }

    /**
     * The reports due: for each of the {@code daysBack} UTC days before {@code today} and each Policy Domain with
     * evaluations, those this caller claims (once per report among all nodes sharing the store).
     */
    public List<AggregateReport> due(JdbcReportStore store, LocalDate today, int daysBack, String node, String generator) {
        List<AggregateReport> reports = new ArrayList<>();
        for (int back = daysBack; back >= 1; back--) {
            Instant begin = today.minusDays(back).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = begin.plus(Duration.ofDays(1));
            for (String domain : store.policyDomains(begin, end)) {
                if (store.claimReport(domain, begin, end, node)) {
                    reports.add(report(domain, begin, end, store.records(domain, begin, end), generator));
                }
            }
        }
        return reports;
    }

    /**
     * Makes and delivers every report {@link #due}: each message through {@code delivery}. A report none of whose
     * messages could be handed over (all hand-offs failed) has its claim released so that the next run tries again;
     * one that reached some destinations is not made again (that would send it twice to those).
     */
    public List<Sent> sendDue(JdbcReportStore store, LocalDate today, int daysBack, String node, String generator,
            Delivery delivery) {
        List<Sent> results = new ArrayList<>();
        for (AggregateReport report : due(store, today, daysBack, node, generator)) {
            List<Outgoing> handed = new ArrayList<>();
            List<Outgoing> refused = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (Outgoing m : messages(report)) {
                if (m.refused()) {
                    refused.add(m);
                    continue;
                }
                try {
                    delivery.deliver(m);
                    handed.add(m);
                } catch (Exception e) {
                    failures.add(m.destination() + ": " + e);
                }
            }
            boolean release = handed.isEmpty() && !failures.isEmpty();
            if (release) {
                store.releaseClaim(report.policy().domain(), report.metadata().begin(), node);
            }
            results.add(new Sent(report, handed, refused, failures, release));
        }
        return results;
    }
}
