package dev.inkan.james.reports;

import dev.inkan.crypto.HashAlgorithm;
import dev.inkan.dmarc.DmarcEvaluator;
import dev.inkan.dmarc.DmarcMode;
import dev.inkan.dmarc.report.AggregateReport;
import dev.inkan.dmarc.report.EvaluationRecord;
import dev.inkan.dmarc.report.ReportDestinations;
import dev.inkan.dmarc.report.ReportMessage;
import dev.inkan.dmarc.report.ReportNames;
import dev.inkan.dns.DnsResolver;
import dev.inkan.reports.store.JdbcReportStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import org.apache.james.core.MailAddress;
import org.apache.mailet.MailetContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the DMARC aggregate reports (RFC 9990) once a day through James itself (so that they leave DKIM-signed by
 * the relay path, as §3.5.2 requires them to pass DMARC): for each of the last {@value #DAYS_BACK} UTC days and each
 * Policy Domain with evaluations, the node that claims the report in the store builds it and hands one message per
 * verified destination (RFC 9990 §4, size limits) to James's spool. A claimed report is not made again (a message
 * James could not take is logged); evaluations older than the retention are deleted.
 */
public final class DailyReports implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DailyReports.class);
    static final int DAYS_BACK = 3;
    static final int STARTUP_DELAY_SECONDS = 5;

    private final Supplier<JdbcReportStore> opener;
    private final MailetContext context;
    private final String sender;
    private final String orgName;
    private final Function<DmarcMode, DmarcEvaluator> organizations;
    private final DnsResolver dns;
    private final Duration retention;
    private final Clock clock;
    private final String node;
    private ScheduledExecutorService schedule;
    private JdbcReportStore store;

    DailyReports(Supplier<JdbcReportStore> opener, MailetContext context, String sender, String orgName,
            Function<DmarcMode, DmarcEvaluator> organizations, DnsResolver dns, Duration retention, Clock clock,
            String node) {
        this.opener = opener;
        this.context = context;
        this.sender = sender;
        this.orgName = orgName;
        this.organizations = organizations;
        this.dns = dns;
        this.retention = retention;
        this.clock = clock;
        this.node = node;
    }

    /**
     * Runs {@link #runOnce} {@value #STARTUP_DELAY_SECONDS} seconds after start-up (reports a James that was down at
     * the daily time still owes) and then every day at {@code time} UTC, on a daemon thread of its own.
     */
    void start(LocalTime time) {
        schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "inkan-dmarc-reports");
            t.setDaemon(true);
            return t;
        });
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
        ZonedDateTime next = now.with(time);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        schedule.schedule(this::runSafely, STARTUP_DELAY_SECONDS, TimeUnit.SECONDS);
        schedule.scheduleAtFixedRate(this::runSafely, Duration.between(now, next).toMillis(),
                TimeUnit.DAYS.toMillis(1), TimeUnit.MILLISECONDS);
        LOG.info("DMARC aggregate reports: sent daily at {} UTC from {}", time, sender);
    }

    private synchronized void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("DMARC aggregate reports: this run failed, the next one retries: {}", e.getMessage());
        }
    }

    /** Sends what is due: the reports of the last days not sent yet. Returns how many messages went to the spool. */
    int runOnce() {
        if (store == null) {
            store = opener.get();
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int sent = 0;
        for (int back = DAYS_BACK; back >= 1; back--) {
            Instant begin = today.minusDays(back).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = begin.plus(Duration.ofDays(1));
            for (String domain : store.policyDomains(begin, end)) {
                if (store.claimReport(domain, begin, end, node)) {
                    sent += send(domain, begin, end);
                }
            }
        }
        int deleted = store.deleteBefore(today.atStartOfDay(ZoneOffset.UTC).toInstant().minus(retention));
        if (deleted > 0) {
            LOG.info("DMARC report store: {} evaluations older than {} days deleted", deleted, retention.toDays());
        }
        return sent;
    }

    private int send(String domain, Instant begin, Instant end) {
        List<EvaluationRecord> records = store.records(domain, begin, end);
        String receiver = sender.substring(sender.lastIndexOf('@') + 1);
        String uniqueId = HexFormat.of().formatHex(HashAlgorithm.SHA256.newDigest()
                .digest((receiver + "!" + domain + "!" + begin + "!" + end).getBytes(StandardCharsets.UTF_8)), 0, 4);
        AggregateReport report = AggregateReport.of(new AggregateReport.Metadata(orgName, sender, null,
                ReportNames.reportId(receiver, domain, begin, uniqueId), begin, end, List.of(), "Inkan"), records);
        DmarcEvaluator orgs = organizations.apply("psl".equals(report.policy().discoveryMethod()) ? DmarcMode.RFC7489
                : DmarcMode.RFC9989);
        int sent = 0;
        for (String published : report.policy().rua()) {
            for (ReportDestinations.ReportUri uri : ReportDestinations.parse(published)) {
                ReportDestinations.Verification v = ReportDestinations.verify(domain, uri, orgs::organizationalDomain, dns);
                if (v.destinations().isEmpty()) {
                    LOG.info("DMARC aggregate report for {} not sent to {}: {} {}", domain, uri.uri(), v.outcome(),
                            v.detail());
                    continue;
                }
                for (ReportDestinations.ReportUri to : v.destinations()) {
                    try {
                        byte[] bytes = ReportMessage.build(report, sender, to.address(), receiver, uniqueId, clock.instant());
                        if (!to.accepts(bytes.length)) {
                            LOG.info("DMARC aggregate report for {} not sent to {}: {} bytes, over its limit of {}",
                                    domain, to.uri(), bytes.length, to.maxBytes());
                            continue;
                        }
                        context.sendMail(new MailAddress(sender), List.of(new MailAddress(to.address())),
                                new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes)));
                        sent++;
                    } catch (Exception e) {
                        LOG.warn("DMARC aggregate report for {} to {} could not be handed to James: {}", domain,
                                to.address(), e.toString());
                    }
                }
            }
        }
        LOG.info("DMARC aggregate report for {} ({} .. {}): {} messages in {} rows, {} sent", domain, begin, end,
                report.messages(), report.rows().size(), sent);
        return sent;
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
