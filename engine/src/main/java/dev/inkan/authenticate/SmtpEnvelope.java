package dev.inkan.authenticate;

import dev.inkan.net.IpLiteral;
import java.net.InetAddress;
import java.util.List;

/**
 * The SMTP transaction a message arrived in (RFC 5321 §3.3): the client's address, the HELO/EHLO name, the
 * MAIL FROM reverse-path, the RCPT TO addresses and whether the client authenticated (SMTP AUTH). SPF needs the
 * client address; without one (a message read from a file with no transaction given) SPF is not checked.
 *
 * @param clientIp the SMTP client's address, or null when there was no SMTP transaction
 * @param helo the HELO/EHLO name as given, "" when unknown
 * @param mailFrom the MAIL FROM address without angle brackets; "" is the null reverse-path ({@code MAIL FROM:<>},
 *     which SPF checks as {@code postmaster@<helo>}, RFC 7208 §2.4). An absent MAIL FROM is the null one: every
 *     SMTP transaction has a reverse-path.
 * @param recipients the RCPT TO addresses, in order
 * @param authenticated the client authenticated with SMTP AUTH (a local submission)
 */
public record SmtpEnvelope(InetAddress clientIp, String helo, String mailFrom, List<String> recipients,
        boolean authenticated) {

    public SmtpEnvelope {
        helo = helo == null ? "" : helo.strip();
        mailFrom = mailFrom == null ? "" : mailFrom.strip();
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** No SMTP transaction: DKIM, ARC and DMARC (without SPF) only. */
    public static SmtpEnvelope none() {
        return new SmtpEnvelope(null, "", "", List.of(), false);
    }

    /** A transaction from {@code clientIp} that said HELO {@code helo} and MAIL FROM {@code mailFrom}. */
    public static SmtpEnvelope of(InetAddress clientIp, String helo, String mailFrom) {
        return new SmtpEnvelope(clientIp, helo, mailFrom, List.of(), false);
    }

    public boolean hasClient() {
        return clientIp != null;
    }

    /** The client address as Authentication-Results writes it ({@code smtp.remote-ip}), or null. */
    public String remoteIp() {
        return clientIp == null ? null : IpLiteral.format(IpLiteral.normalize(clientIp));
    }
}
