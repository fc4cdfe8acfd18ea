package dev.inkan.james.reports;

import dev.inkan.authenticate.Authentication;
import dev.inkan.dns.DnsResolver;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.reports.store.JdbcReportStore;
import dev.inkan.reports.store.ReportRecorder;
import dev.inkan.reports.store.ReportStoreException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import javax.mail.MessagingException;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;

/**
 * Records the DMARC evaluations of DmarcEvaluate and SmtpChecks for aggregate reports (RFC 9990) into the store
 * {@code dmarcStore} names ({@code jdbc:h2:file:/path} or {@code jdbc:postgresql://host/db}, with
 * {@code dmarcStoreUser} and {@code dmarcStorePasswordFile}). Recording never delays mail: the record is queued
 * and written in the background ({@link ReportRecorder}); a mail is recorded once even when both check it (an
 * attribute marks it).
 */
public final class DmarcReporting {

    public static final Set<String> NAMES = Set.of("dmarcStore", "dmarcStoreUser", "dmarcStorePasswordFile");
    /** DmarcEvaluate's parameters for sending the daily reports. */
    public static final Set<String> SENDING_NAMES = Set.of("dmarcReportSender", "dmarcReportOrgName", "dmarcReportTime",
            "dmarcStoreRetentionDays");
    static final AttributeName RECORDED = AttributeName.of("dev.inkan.dmarc-report-recorded");

    private final ReportRecorder recorder;
    private final Clock clock;

    private DmarcReporting(ReportRecorder recorder, Clock clock) {
        this.recorder = recorder;
        this.clock = clock;
    }

    /** Off unless {@code dmarcStore} is set; a URL of no supported database or an unreadable password file stops James. */
    public static DmarcReporting read(MailetParameters p, Clock clock) throws MessagingException {
        Optional<String> url = p.string("dmarcStore").map(String::strip);
        if (url.isEmpty()) {
            for (String name : new String[] {"dmarcStoreUser", "dmarcStorePasswordFile"}) {
                if (p.string(name).isPresent()) {
                    throw p.error(name, "applies only with dmarcStore");
                }
            }
            return new DmarcReporting(null, clock);
        }
        String password = password(p);
        try {
            return new DmarcReporting(ReportRecorder.forStore(url.get(), p.string("dmarcStoreUser").orElse(null),
                    password, node()), clock);
        } catch (ReportStoreException e) {
            throw p.error("dmarcStore", e.getMessage());
        }
    }

    /**
     * Starts the daily reports when {@code dmarcReportSender} is set (with {@code dmarcStore}): {@code
     * dmarcReportTime} (HH:mm UTC, default 01:00), {@code dmarcReportOrgName} (default: the sender's domain),
     * {@code dmarcStoreRetentionDays} (default 31). Returns the sender to close at the mailet's destroy, or null.
     */
    public static DailyReports startSending(MailetParameters p, MailetContext context, DnsResolver dns, Clock clock)
            throws MessagingException {
        Optional<String> sender = p.string("dmarcReportSender").map(String::strip);
        if (sender.isEmpty()) {
            for (String name : SENDING_NAMES) {
                if (p.string(name).isPresent()) {
                    throw p.error(name, "applies only with dmarcReportSender");
                }
            }
            return null;
        }
        String url = p.string("dmarcStore").map(String::strip)
                .orElseThrow(() -> p.error("dmarcReportSender", "needs dmarcStore, where the evaluations are"));
        if (!sender.get().matches("[^@\\s]+@[A-Za-z0-9.-]+\\.[A-Za-z0-9-]+")) {
            throw p.error("dmarcReportSender", "must be an address such as dmarc-reports@mx.example.net, got '"
                    + sender.get() + "'");
        }
        LocalTime time;
        try {
            time = LocalTime.parse(p.string("dmarcReportTime").orElse("01:00").strip());
        } catch (DateTimeParseException e) {
            throw p.error("dmarcReportTime", "must be HH:mm (UTC), got '" + p.string("dmarcReportTime").orElse("") + "'");
        }
        int retentionDays = p.integer("dmarcStoreRetentionDays", 31, DailyReports.DAYS_BACK + 1, 3650);
        String password = password(p);
        String user = p.string("dmarcStoreUser").orElse(null);
        String domain = sender.get().substring(sender.get().lastIndexOf('@') + 1);
        DailyReports reports = new DailyReports(() -> JdbcReportStore.open(url, user, password), context, sender.get(),
                p.string("dmarcReportOrgName").orElse(domain), dns, Duration.ofDays(retentionDays), clock, node());
        reports.start(time);
        return reports;
    }

    private static String password(MailetParameters p) throws MessagingException {
        Optional<Path> file = p.file("dmarcStorePasswordFile");
        if (file.isEmpty()) {
            return null;
        }
        try {
            return Files.readString(file.get()).strip();
        } catch (IOException e) {
            throw p.error("dmarcStorePasswordFile", "cannot be read: " + e.getMessage());
        }
    }

    /** Queues the mail's DMARC evaluation, if any and not recorded yet. */
    public void record(Mail mail, Authentication result) {
        if (recorder == null || mail.getAttribute(RECORDED).isPresent()) {
            return;
        }
        result.dmarcReportRecord(clock.instant()).ifPresent(record -> {
            recorder.record(record);
            mail.setAttribute(new Attribute(RECORDED, AttributeValue.of(true)));
        });
    }

    private static String node() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return null;
        }
    }
}
