package dev.inkan.james.reports;

import dev.inkan.authenticate.Authentication;
import dev.inkan.authenticate.Method;
import dev.inkan.authres.AuthResultsFormatter;
import dev.inkan.authres.ResultInfo;
import dev.inkan.dkim.DkimResult;
import dev.inkan.dkim.DkimVerdict;
import dev.inkan.dmarc.AppliedPolicy;
import dev.inkan.dmarc.DmarcConfig;
import dev.inkan.dmarc.DmarcPolicy;
import dev.inkan.dmarc.DmarcRecord;
import dev.inkan.dmarc.DmarcVerdict;
import dev.inkan.dmarc.PsdFlag;
import dev.inkan.dmarc.report.FailureReport;
import dev.inkan.dmarc.report.FailureReportLimiter;
import dev.inkan.dmarc.report.PublishedPolicy;
import dev.inkan.dmarc.report.ReportDestinations;
import dev.inkan.dns.DnsAnswer;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.spf.SpfResult;
import dev.inkan.spf.SpfVerdict;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DMARC failure reports (RFC 9991) from DmarcEvaluate, off by default: {@code dmarcFailureReports} = {@code headers}
 * (the header block only) or {@code full}, from {@code dmarcFailureReportSender}. A report goes to each {@code ruf}
 * destination of the policy that passes RFC 9990 §4's external-destination check, when its {@code fo=} asks for it,
 * never for a {@code psd=y} record (RFC 9991 §2), within the rate limits ({@code dmarcFailureReportsPerDestination}
 * per hour, default 10; {@code dmarcFailureReportsPerMinute} in all, default 60). The work (DNS, building, handing
 * to James's spool) runs on a background thread of its own: the mail is never delayed.
 */
public final class FailureReporting implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FailureReporting.class);
    public static final Set<String> NAMES = Set.of("dmarcFailureReports", "dmarcFailureReportSender",
            "dmarcFailureReportsPerDestination", "dmarcFailureReportsPerMinute");
    static final int MAX_MESSAGE = 1 << 20;

    private final FailureReport.Redaction redaction;
    private final String sender;
    private final MailetContext context;
    private final DmarcConfig dmarc;
    private final String authservId;
    private final FailureReportLimiter limiter;
    private final Clock clock;
    private final ThreadPoolExecutor worker;
    private final AtomicLong dropped = new AtomicLong();

    private FailureReporting(FailureReport.Redaction redaction, String sender, MailetContext context, DmarcConfig dmarc,
            String authservId, FailureReportLimiter limiter, Clock clock) {
        this.redaction = redaction;
        this.sender = sender;
        this.context = context;
        this.dmarc = dmarc;
        this.authservId = authservId;
        this.limiter = limiter;
        this.clock = clock;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000), r -> {
            Thread t = new Thread(r, "inkan-dmarc-failure-reports");
            t.setDaemon(true);
            return t;
        }, (task, pool) -> dropped.incrementAndGet());
    }

    /** Off (null) unless {@code dmarcFailureReports} is headers or full. */
    public static FailureReporting read(MailetParameters p, MailetContext context, DmarcConfig dmarc, String authservId,
            Clock clock) throws MessagingException {
        String mode = p.string("dmarcFailureReports").orElse("off").strip().toLowerCase(Locale.ROOT);
        if (mode.equals("off")) {
            for (String name : NAMES) {
                if (!name.equals("dmarcFailureReports") && p.string(name).isPresent()) {
                    throw p.error(name, "applies only with dmarcFailureReports=headers or full");
                }
            }
            return null;
        }
        FailureReport.Redaction redaction = switch (mode) {
            case "headers" -> FailureReport.Redaction.HEADERS;
            case "full" -> FailureReport.Redaction.FULL;
            default -> throw p.error("dmarcFailureReports", "must be off, headers or full, got '" + mode + "'");
        };
        String sender = p.string("dmarcFailureReportSender").map(String::strip)
                .orElseThrow(() -> p.error("dmarcFailureReportSender", "is needed with dmarcFailureReports"));
        try {
            new MailAddress(sender);
        } catch (Exception e) {
            throw p.error("dmarcFailureReportSender", "is not an address: " + sender);
        }
        FailureReportLimiter limiter = new FailureReportLimiter(p.integer("dmarcFailureReportsPerDestination", 10, 1, 100_000),
                p.integer("dmarcFailureReportsPerMinute", 60, 1, 1_000_000), clock);
        return new FailureReporting(redaction, sender, context, dmarc, authservId, limiter, clock);
    }

    /** Queues the mail's failure report when one is due; cheap on the caller's thread. */
    public void report(Mail mail, Authentication result) {
        DmarcVerdict v = result.dmarc();
        if (v == null || v.policy() == null || !result.envelope().hasClient()) {
            return;
        }
        DmarcRecord record = v.policy().record();
        if (record.ruf().isEmpty() || record.psd() == PsdFlag.YES
                || !FailureReport.wanted(record.fo(), !v.alignedDkim().isEmpty(), v.alignedSpf() != null)) {
            return;
        }
        byte[] header;
        byte[] body;
        try {
            MimeMessage message = mail.getMessage();
            header = (String.join("\r\n", Collections.list(message.getAllHeaderLines())) + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            body = new byte[0];
            if (redaction == FailureReport.Redaction.FULL) {
                try (InputStream raw = message.getRawInputStream()) {
                    body = raw.readNBytes(MAX_MESSAGE);
                }
            }
        } catch (Exception e) {
            LOG.warn("DMARC failure report for mail {} not made: {}", mail.getName(), e.toString());
            return;
        }
        String mailFrom = result.envelope().mailFrom() == null ? "" : result.envelope().mailFrom();
        Instant arrival = clock.instant();
        byte[] h = header;
        byte[] b = body;
        worker.execute(() -> send(v, result, h, b, mailFrom, arrival));
    }

    private void send(DmarcVerdict v, Authentication result, byte[] header, byte[] body, String mailFrom, Instant arrival) {
        try {
            AppliedPolicy applied = v.policy();
            String author = v.authorDomain();
            List<String> failed = new ArrayList<>();
            if (v.alignedDkim().isEmpty()) {
                failed.add("dkim");
            }
            if (v.alignedSpf() == null) {
                failed.add("spf");
            }
            List<String> dkimFailures = new ArrayList<>();
            for (DkimVerdict d : result.dkim() == null ? List.<DkimVerdict>of() : result.dkim()) {
                if (d.result() != DkimResult.PASS && d.domain() != null && related(d.domain(), author)) {
                    dkimFailures.add(d.domain().toLowerCase(Locale.ROOT) + " " + (d.selector() == null ? "" : d.selector()));
                }
            }
            SpfVerdict spf = result.spf();
            String spfDns = spf != null && spf.result() != SpfResult.PASS && spf.domain() != null
                    && related(spf.domain(), author) ? spfRecord(spf.domain()) : null;
            List<ResultInfo> dmarcInfo = result.resultInfos(Method.DMARC);
            String ar = authservId + "; " + (dmarcInfo.isEmpty() ? "dmarc=fail" : AuthResultsFormatter.resultInfo(dmarcInfo.get(0)));
            String delivery = applied.disposition() == DmarcPolicy.REJECT ? "reject"
                    : applied.disposition() == DmarcPolicy.QUARANTINE ? "spam" : "delivered";
            FailureReport.Failure failure = new FailureReport.Failure(author, result.envelope().remoteIp(), mailFrom,
                    arrival, ar, failed, dkimFailures, spfDns, delivery);
            for (String published : PublishedPolicy.of(applied, v.mode()).ruf()) {
                for (ReportDestinations.ReportUri uri : ReportDestinations.parse(published)) {
                    ReportDestinations.Verification check = ReportDestinations.verify(applied.domain(), uri,
                            dmarc::organizationalDomain, dmarc.resolver());
                    for (ReportDestinations.ReportUri to : check.destinations()) {
                        if (!limiter.allow(to.address())) {
                            continue;
                        }
                        byte[] bytes = FailureReport.build(failure, sender, to.address(), "Inkan", redaction, header, body,
                                UUID.randomUUID() + "@" + sender.substring(sender.lastIndexOf('@') + 1), clock.instant());
                        if (!to.accepts(bytes.length)) {
                            continue;
                        }
                        context.sendMail(new MailAddress(sender), List.of(new MailAddress(to.address())),
                                new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes)));
                    }
                    if (check.destinations().isEmpty()) {
                        LOG.info("DMARC failure report for {} not sent to {}: {} {}", author, uri.uri(), check.outcome(),
                                check.detail());
                    }
                }
            }
        } catch (Exception e) {
            LOG.warn("DMARC failure report not sent: {}", e.toString());
        }
    }

    /** d and the author domain are the same, or one is below the other (a relaxed-alignment approximation). */
    private static boolean related(String d, String author) {
        String a = d.toLowerCase(Locale.ROOT);
        String b = author.toLowerCase(Locale.ROOT);
        return a.equals(b) || a.endsWith("." + b) || b.endsWith("." + a);
    }

    private String spfRecord(String domain) {
        DnsAnswer<String> answer = dmarc.resolver().txt(domain);
        Optional<String> record = answer.isFound() ? answer.records().stream()
                .filter(r -> r.toLowerCase(Locale.ROOT).startsWith("v=spf1")).findFirst() : Optional.empty();
        return record.map(r -> "txt : " + domain + " : \"" + r + "\"").orElse(null);
    }

    /** Reports not queued because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Waits for queued reports (tests, shutdown). */
    void drain(long millis) throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
