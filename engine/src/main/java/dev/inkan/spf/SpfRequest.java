package dev.inkan.spf;

import dev.inkan.net.IpLiteral;
import java.net.InetAddress;
import java.util.Objects;

/**
 * What one SPF check is about: the identity to check, the SMTP client's address, the HELO/EHLO name and
 * the MAIL FROM reverse-path. The derived &lt;sender&gt;, local-part and &lt;domain&gt; of RFC 7208 §4.1
 * follow the rules of §2.3, §2.4 and §4.3.
 *
 * @param identity which identity is checked
 * @param clientIp the SMTP client's address; an IPv4-mapped IPv6 address is stored as IPv4 (RFC 7208 §5)
 * @param helo the HELO/EHLO argument as given, "" when there was none
 * @param mailFrom the MAIL FROM mailbox as given without angle brackets, "" for the null reverse-path, and
 *     null for a HELO check
 */
public record SpfRequest(SpfIdentity identity, InetAddress clientIp, String helo, String mailFrom) {

    private static final String POSTMASTER = "postmaster";

    public SpfRequest {
        Objects.requireNonNull(identity, "identity");
        clientIp = IpLiteral.normalize(Objects.requireNonNull(clientIp, "clientIp"));
        helo = helo == null ? "" : helo;
        if (identity == SpfIdentity.MAILFROM) {
            mailFrom = withoutAngleBrackets(mailFrom == null ? "" : mailFrom);
        } else {
            mailFrom = null;
        }
    }

    /**
     * A check of the MAIL FROM identity (RFC 7208 §2.4). An empty {@code mailFrom} (or "&lt;&gt;") is the
     * null reverse-path: the identity is then {@code postmaster@<helo>}.
     */
    public static SpfRequest mailFrom(InetAddress clientIp, String helo, String mailFrom) {
        return new SpfRequest(SpfIdentity.MAILFROM, clientIp, helo, mailFrom);
    }

    /** A check of the HELO identity (RFC 7208 §2.3): {@code postmaster@<helo>}. */
    public static SpfRequest helo(InetAddress clientIp, String helo) {
        return new SpfRequest(SpfIdentity.HELO, clientIp, helo, null);
    }

    /** Whether this is a MAIL FROM check of the null reverse-path (RFC 7208 §2.4). */
    public boolean nullSender() {
        return identity == SpfIdentity.MAILFROM && mailFrom.isEmpty();
    }

    /** The domain part as written: the HELO name, or what follows the last "@" of MAIL FROM (all of it without "@"). */
    private String writtenDomain() {
        if (identity == SpfIdentity.HELO || nullSender()) {
            return helo;
        }
        int at = mailFrom.lastIndexOf('@');
        return at < 0 ? mailFrom : mailFrom.substring(at + 1);
    }

    /** The local-part of &lt;sender&gt;: "postmaster" when there is none (RFC 7208 §4.3), e.g. for HELO. */
    public String localPart() {
        if (identity == SpfIdentity.HELO || nullSender()) {
            return POSTMASTER;
        }
        int at = mailFrom.lastIndexOf('@');
        return at <= 0 ? POSTMASTER : mailFrom.substring(0, at);
    }

    /** The initial &lt;domain&gt; (RFC 7208 §4.1), without a trailing dot; it may be malformed (§4.3). */
    public String domain() {
        String domain = writtenDomain();
        return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    }

    /** &lt;sender&gt;: the mailbox checked, {@code local-part@domain} (macro {@code s}). */
    public String sender() {
        return localPart() + "@" + domain();
    }

    private static String withoutAngleBrackets(String path) {
        String trimmed = path.strip();
        return trimmed.length() >= 2 && trimmed.startsWith("<") && trimmed.endsWith(">")
                ? trimmed.substring(1, trimmed.length() - 1)
                : trimmed;
    }
}
