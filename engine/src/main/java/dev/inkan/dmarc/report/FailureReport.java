package dev.inkan.dmarc.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A DMARC failure report (RFC 9991): an ARF message (RFC 5965) of Feedback-Type auth-failure (RFC 6591) with
 * Auth-Failure: dmarc and Identity-Alignment, the DKIM-Domain/Selector of failed aligned signatures and SPF-DNS of
 * a failed aligned SPF check (RFC 9991 §4), and the original header block as text/rfc822-headers (the default,
 * "headers only": no body leaves) or the whole message as message/rfc822.
 */
public final class FailureReport {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT);

    /** What of the original message goes into the report. */
    public enum Redaction {
        /** The header block only (text/rfc822-headers), RFC 6591 §3.1's minimum. */
        HEADERS,
        /** The whole message (message/rfc822). */
        FULL
    }

    /**
     * The facts of one failure.
     *
     * @param authorDomain the RFC5322.From domain (Reported-Domain)
     * @param sourceIp the connecting client
     * @param mailFrom the MAIL FROM address, "" for the null sender
     * @param arrival when the message arrived
     * @param authenticationResults one resinfo: the dmarc= result ("mx.example.net; dmarc=fail header.from=...")
     * @param failedAligned the mechanisms that failed to authenticate an aligned identity: "dkim", "spf"
     * @param dkimFailures aligned DKIM signatures that failed: "domain selector" each
     * @param spfDns for a failed aligned SPF check, the record used: "txt : domain : \"v=spf1 ...\"", else null
     * @param delivery the Delivery-Result ("delivered", "spam", "policy", "reject", "other")
     */
    public record Failure(String authorDomain, String sourceIp, String mailFrom, Instant arrival,
            String authenticationResults, List<String> failedAligned, List<String> dkimFailures, String spfDns,
            String delivery) {
        public Failure {
            Objects.requireNonNull(authorDomain, "authorDomain");
            failedAligned = List.copyOf(failedAligned);
            dkimFailures = List.copyOf(dkimFailures);
        }
    }

    private FailureReport() {
    }

    /**
     * RFC 9989 §4.7 fo=: "0" (the default) reports when no mechanism produced an aligned pass, "1" when any failed
     * to. (d and s ask for DKIM- and SPF-specific reports, RFC 6651/6652, which are not generated here.)
     */
    public static boolean wanted(List<String> fo, boolean dkimAlignedPass, boolean spfAlignedPass) {
        if (fo.contains("1")) {
            return !dkimAlignedPass || !spfAlignedPass;
        }
        return !dkimAlignedPass && !spfAlignedPass;
    }

    /**
     * The report message, CRLF line ends.
     *
     * @param originalHeader the original message's header block (CRLF, no blank line)
     * @param originalBody its body, only used with {@link Redaction#FULL}
     */
    public static byte[] build(Failure f, String from, String to, String userAgent, Redaction redaction,
            byte[] originalHeader, byte[] originalBody, String messageId, Instant date) {
        String boundary = "=_inkan_arf_" + Long.toHexString(date.toEpochMilli()) + "_" + Integer.toHexString(
                Objects.hash(f.sourceIp(), f.authorDomain(), messageId));
        StringBuilder out = new StringBuilder();
        header(out, "From", from);
        header(out, "To", to);
        header(out, "Subject", "DMARC failure report for " + f.authorDomain() + " from " + f.sourceIp());
        header(out, "Date", DATE.format(date.atOffset(ZoneOffset.UTC)));
        header(out, "Message-ID", "<" + messageId + ">");
        header(out, "MIME-Version", "1.0");
        header(out, "Content-Type", "multipart/report; report-type=feedback-report; boundary=\"" + boundary + "\"");
        out.append("\r\n--").append(boundary).append("\r\n");
        header(out, "Content-Type", "text/plain; charset=us-ascii");
        out.append("\r\nThis is an authentication failure report (RFC 9991) for a message that claimed to be from ")
                .append(f.authorDomain()).append(",\r\nreceived from ").append(f.sourceIp()).append(" at ")
                .append(DATE.format(f.arrival().atOffset(ZoneOffset.UTC))).append(". Mechanisms without an aligned pass: ")
                .append(f.failedAligned().isEmpty() ? "none" : String.join(", ", f.failedAligned())).append(".\r\n");
        out.append("\r\n--").append(boundary).append("\r\n");
        header(out, "Content-Type", "message/feedback-report");
        out.append("\r\n");
        header(out, "Feedback-Type", "auth-failure");
        header(out, "User-Agent", userAgent);
        header(out, "Version", "1");
        header(out, "Original-Mail-From", "<" + f.mailFrom() + ">");
        header(out, "Arrival-Date", DATE.format(f.arrival().atOffset(ZoneOffset.UTC)));
        header(out, "Source-IP", f.sourceIp());
        header(out, "Reported-Domain", f.authorDomain());
        header(out, "Authentication-Results", f.authenticationResults());
        header(out, "Auth-Failure", "dmarc");
        header(out, "Identity-Alignment", f.failedAligned().isEmpty() ? "none" : String.join(", ", f.failedAligned()));
        for (String dkim : f.dkimFailures()) {
            String[] ds = dkim.split(" ", 2);
            header(out, "DKIM-Domain", ds[0]);
            header(out, "DKIM-Selector", ds.length > 1 ? ds[1] : "");
        }
        if (f.spfDns() != null) {
            header(out, "SPF-DNS", f.spfDns());
        }
        if (f.delivery() != null) {
            header(out, "Delivery-Result", f.delivery());
        }
        out.append("\r\n--").append(boundary).append("\r\n");
        if (redaction == Redaction.FULL) {
            header(out, "Content-Type", "message/rfc822");
            header(out, "Content-Transfer-Encoding", "base64");
            out.append("\r\n");
            byte[] whole = new byte[originalHeader.length + 2 + originalBody.length];
            System.arraycopy(originalHeader, 0, whole, 0, originalHeader.length);
            whole[originalHeader.length] = '\r';
            whole[originalHeader.length + 1] = '\n';
            System.arraycopy(originalBody, 0, whole, originalHeader.length + 2, originalBody.length);
            out.append(Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(whole)).append("\r\n");
        } else {
            header(out, "Content-Type", "text/rfc822-headers");
            header(out, "Content-Transfer-Encoding", "base64");
            out.append("\r\n").append(Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(originalHeader))
                    .append("\r\n");
        }
        out.append("--").append(boundary).append("--\r\n");
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void header(StringBuilder out, String name, String value) {
        String clean = value.replaceAll("[\\r\\n]+[ \\t]*", " ");
        if (clean.chars().anyMatch(c -> c < 0x20 && c != '\t' || c > 0x7e)) {
            clean = clean.replaceAll("[^\\x20-\\x7e\\t]", "?");
        }
        out.append(name).append(": ").append(clean).append("\r\n");
    }
}
