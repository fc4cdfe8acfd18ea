package dev.inkan.dmarc.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * The email that carries an aggregate report (RFC 9990 §3.5.2): an RFC 5322 / MIME message with a short text part
 * and the report as a gzip attachment ({@code application/gzip}, the §3.5.2 file name), the §3.5.2 Subject, and the
 * Report-ID as Message-ID. It should leave through the receiver's own mail system, so that it is DKIM-signed and
 * passes DMARC as §3.5.2 requires.
 */
public final class ReportMessage {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private ReportMessage() {
    }

    /**
     * The message, CRLF line ends.
     *
     * @param from the reporting address (the receiver's, e.g. dmarc-reports@mx.example.net)
     * @param to the report's destination address (a verified rua mailto address)
     * @param receiver the receiver's domain name (the file name and Subject's Submitter)
     * @param uniqueId the file name's unique-id (letters and digits), as in the Report-ID
     * @param date the Date field
     */
    public static byte[] build(AggregateReport report, String from, String to, String receiver, String uniqueId,
            Instant date) throws IOException {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        AggregateReport.Metadata m = report.metadata();
        String domain = report.policy().domain();
        String filename = ReportNames.filename(receiver, domain, m.begin(), m.end(), uniqueId, true);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        AggregateReportXml.writeGzip(report, gz);
        String boundary = "=_inkan_" + uniqueId + "_" + m.begin().getEpochSecond();
        StringBuilder out = new StringBuilder();
        header(out, "From", from);
        header(out, "To", to);
        header(out, "Subject", ReportNames.subject(domain, receiver, m.reportId()));
        header(out, "Date", DATE.format(date.atOffset(ZoneOffset.UTC)));
        header(out, "Message-ID", "<" + m.reportId() + ">");
        header(out, "MIME-Version", "1.0");
        header(out, "Content-Type", "multipart/mixed; boundary=\"" + boundary + "\"");
        out.append("\r\n");
        out.append("This is a multi-part message in MIME format.\r\n");
        out.append("--").append(boundary).append("\r\n");
        header(out, "Content-Type", "text/plain; charset=us-ascii");
        out.append("\r\n");
        out.append("DMARC aggregate report (RFC 9990) for ").append(domain).append(" from ").append(receiver)
                .append(",\r\nperiod ").append(m.begin()).append(" to ").append(m.end()).append(": ")
                .append(report.messages()).append(" messages in ").append(report.rows().size()).append(" rows.\r\n");
        out.append("--").append(boundary).append("\r\n");
        header(out, "Content-Type", "application/gzip; name=\"" + filename + "\"");
        header(out, "Content-Transfer-Encoding", "base64");
        header(out, "Content-Disposition", "attachment; filename=\"" + filename + "\"");
        out.append("\r\n");
        out.append(Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(gz.toByteArray())).append("\r\n");
        out.append("--").append(boundary).append("--\r\n");
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void header(StringBuilder out, String name, String value) {
        if (value.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException(name + " must be printable ASCII: " + value);
        }
        out.append(name).append(": ").append(value).append("\r\n");
    }
}
