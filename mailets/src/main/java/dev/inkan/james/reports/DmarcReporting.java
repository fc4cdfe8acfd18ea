package dev.inkan.james.reports;

import dev.inkan.authenticate.Authentication;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.reports.store.ReportRecorder;
import dev.inkan.reports.store.ReportStoreException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import javax.mail.MessagingException;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

/**
 * Records the DMARC evaluations of DmarcEvaluate and SmtpChecks for aggregate reports (RFC 9990) into the store
 * {@code dmarcStore} names ({@code jdbc:h2:file:/path} or {@code jdbc:postgresql://host/db}, with
 * {@code dmarcStoreUser} and {@code dmarcStorePasswordFile}). Recording never delays mail: the record is queued
 * and written in the background ({@link ReportRecorder}); a mail is recorded once even when both check it (an
 * attribute marks it).
 */
public final class DmarcReporting {

    public static final Set<String> NAMES = Set.of("dmarcStore", "dmarcStoreUser", "dmarcStorePasswordFile");
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
        String password = null;
        Optional<Path> file = p.file("dmarcStorePasswordFile");
        if (file.isPresent()) {
            try {
                password = Files.readString(file.get()).strip();
            } catch (IOException e) {
                throw p.error("dmarcStorePasswordFile", "cannot be read: " + e.getMessage());
            }
        }
        try {
            return new DmarcReporting(ReportRecorder.forStore(url.get(), p.string("dmarcStoreUser").orElse(null),
                    password, node()), clock);
        } catch (ReportStoreException e) {
            throw p.error("dmarcStore", e.getMessage());
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
