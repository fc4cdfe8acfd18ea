package dev.inkan.james.mailets;

import dev.inkan.dmarc.report.ReceivedReport;
import dev.inkan.dmarc.report.ReceivedReportReader;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.reports.store.JdbcReportStore;
import dev.inkan.reports.store.ReportStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import javax.mail.BodyPart;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the DMARC aggregate reports that arrive at your {@code rua} address (put it behind a matcher such as
 * {@code RecipientIs=dmarc@example.com}): each attachment that is a report (XML, gzip or zip; RFC 9990 or RFC 7489)
 * is read safely and stored once in {@code dmarcStore}, for {@code inkan dmarc-report summary}. A hostile or
 * malformed attachment is refused with one log line and never processed. The mail itself goes on unchanged (to the
 * mailbox, say); the outcome is in the attribute {@code dev.inkan.dmarc-report-import}.
 */
public class DmarcReportIngest extends GenericMailet {

    private static final Logger LOG = LoggerFactory.getLogger(DmarcReportIngest.class);
    static final AttributeName OUTCOME = AttributeName.of("dev.inkan.dmarc-report-import");
    /** Attachments larger than this are not read. */
    static final int MAX_ATTACHMENT = 16 << 20;
    private static final Set<String> TYPES = Set.of("application/gzip", "application/x-gzip", "application/zip",
            "application/x-zip-compressed", "text/xml", "application/xml");

    private JdbcReportStore store;
    private Supplier<JdbcReportStore> opener;

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of("dmarcStore", "dmarcStoreUser", "dmarcStorePasswordFile"));
        MailetParameters p = new MailetParameters("DmarcReportIngest", this::getInitParameter);
        String url = p.required("dmarcStore");
        String password = null;
        if (p.file("dmarcStorePasswordFile").isPresent()) {
            try {
                password = Files.readString(p.file("dmarcStorePasswordFile").get()).strip();
            } catch (IOException e) {
                throw p.error("dmarcStorePasswordFile", "cannot be read: " + e.getMessage());
            }
        }
        try {
            JdbcReportStore.checkUrl(url);
        } catch (ReportStoreException e) {
            throw p.error("dmarcStore", e.getMessage());
        }
        String user = p.string("dmarcStoreUser").orElse(null);
        String pw = password;
        opener = () -> JdbcReportStore.open(url, user, pw);
    }

    private synchronized JdbcReportStore store() {
        if (store == null) {
            store = opener.get();
        }
        return store;
    }

    @Override
    public void service(Mail mail) {
        List<String> outcomes = new ArrayList<>();
        try {
            walk(mail.getMessage(), outcomes, 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            outcomes.add("unreadable message: " + e.getMessage());
        }
        if (outcomes.isEmpty()) {
            outcomes.add("no report attachment");
        }
        for (String outcome : outcomes) {
            LOG.info("DmarcReportIngest: mail {}: {}", mail.getName(), outcome);
        }
        mail.setAttribute(new Attribute(OUTCOME, AttributeValue.of(String.join("; ", outcomes))));
    }

    private void walk(Part part, List<String> outcomes, int depth) throws MessagingException, IOException {
        if (depth > 10) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, outcomes, depth + 1);
            }
            return;
        }
        String type = part.getContentType() == null ? "" : part.getContentType().toLowerCase(Locale.ROOT);
        String name = part.getFileName() == null ? "" : part.getFileName().toLowerCase(Locale.ROOT);
        boolean report = TYPES.stream().anyMatch(type::startsWith) || name.endsWith(".xml") || name.endsWith(".xml.gz")
                || name.endsWith(".zip");
        if (!report) {
            return;
        }
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readNBytes(MAX_ATTACHMENT + 1);
        }
        if (bytes.length > MAX_ATTACHMENT) {
            outcomes.add("refused " + name + ": attachment over " + (MAX_ATTACHMENT >> 20) + " MiB");
            return;
        }
        try {
            ReceivedReport received = ReceivedReportReader.read(bytes);
            boolean stored = store().addReceived(received);
            outcomes.add((stored ? "stored " : "already stored ") + received.orgName() + " " + received.reportId() + " ("
                    + received.policyDomain() + ", " + received.messages() + " messages)");
        } catch (ReceivedReportReader.ReportFormatException e) {
            outcomes.add("refused " + (name.isEmpty() ? type : name) + ": " + e.getMessage());
        } catch (ReportStoreException e) {
            LOG.warn("DmarcReportIngest: the report store is unavailable; the report stays in the mail: {}",
                    e.getMessage());
            outcomes.add("not stored (store unavailable)");
        }
    }

    @Override
    public String getMailetInfo() {
        return "Inkan DmarcReportIngest: stores the DMARC aggregate reports sent to your rua address";
    }
}
