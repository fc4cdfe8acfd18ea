package dev.inkan.james.reports;

import dev.inkan.dmarc.report.AggregateReport;
import dev.inkan.dns.DnsResolver;
import dev.inkan.reports.delivery.ReportMailer;
import dev.inkan.reports.store.JdbcReportStore;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * verified destination (RFC 9990 §4, size limits) to James's spool. A claimed report is not made again, except one
 * of which James took no message at all (its claim is released, the next run tries again; a report that reached some
 * destinations is not resent to them); evaluations older than the retention are deleted.
 */
public final class DailyReports implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DailyReports.class);
    static final int DAYS_BACK = 3;
    static final int STARTUP_DELAY_SECONDS = 5;

    private final Supplier<JdbcReportStore> opener;
    private final MailetContext context;
    private final String sender;
    private final String orgName;
    private final DnsResolver dns;
    private final Duration retention;
    private final Clock clock;
    private final String node;
    private ScheduledExecutorService schedule;
    private JdbcReportStore store;

    DailyReports(Supplier<JdbcReportStore> opener, MailetContext context, String sender, String orgName,
            DnsResolver dns, Duration retention, Clock clock,
            String node) {
        this.opener = opener;
        this.context = context;
        this.sender = sender;
        this.orgName = orgName;
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
        ReportMailer mailer = new ReportMailer(sender, orgName, dns, clock);
        int sent = 0;
        for (ReportMailer.Sent done : mailer.sendDue(store, today, DAYS_BACK, node, "Inkan",
                m -> context.sendMail(new MailAddress(sender), List.of(new MailAddress(m.destination())),
                        new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(m.message()))))) {
            AggregateReport report = done.report();
            for (ReportMailer.Outgoing m : done.refused()) {
                LOG.info("DMARC aggregate report for {} not sent to {}: {}", m.domain(), m.destination(), m.refusal());
            }
            for (String failure : done.failures()) {
                LOG.warn("DMARC aggregate report for {} could not be handed to James: {}{}", report.policy().domain(),
                        failure, done.released() ? " (the next run tries again)" : "");
            }
            LOG.info("DMARC aggregate report for {} ({} .. {}): {} messages in {} rows, {} sent",
                    report.policy().domain(), report.metadata().begin(), report.metadata().end(), report.messages(),
                    report.rows().size(), done.handed().size());
            sent += done.handed().size();
        }
        int deleted = store.deleteBefore(today.atStartOfDay(ZoneOffset.UTC).toInstant().minus(retention));
        if (deleted > 0) {
            LOG.info("DMARC report store: {} evaluations older than {} days deleted", deleted, retention.toDays());
        }
        return sent;
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
