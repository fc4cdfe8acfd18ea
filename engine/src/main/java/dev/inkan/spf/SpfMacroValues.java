package dev.inkan.spf;

import dev.inkan.net.IpLiteral;
import java.net.InetAddress;
import java.util.Objects;

/**
 * Fixed values for every macro letter (RFC 7208 §7.2), as a {@link SpfMacroContext}.
 *
 * @param sender {@code s}: the &lt;sender&gt; mailbox
 * @param localPart {@code l}: its local-part ("postmaster" when it had none, §4.3)
 * @param senderDomain {@code o}: its domain
 * @param domain {@code d}: the current &lt;domain&gt;
 * @param clientIp {@code i}, {@code c} and {@code v} are derived from it
 * @param validatedDomain {@code p}: the validated domain name of the client, or "unknown"
 * @param helo {@code h}: the HELO/EHLO name
 * @param receiver {@code r}: the receiving host's name, or "unknown"
 * @param timestamp {@code t}: seconds since the Epoch
 */
public record SpfMacroValues(String sender, String localPart, String senderDomain, String domain,
        InetAddress clientIp, String validatedDomain, String helo, String receiver, long timestamp)
        implements SpfMacroContext {

    public SpfMacroValues {
        Objects.requireNonNull(clientIp, "clientIp");
    }

    @Override
    public String value(char letter) {
        String value = switch (letter) {
            case 's' -> sender;
            case 'l' -> localPart;
            case 'o' -> senderDomain;
            case 'd' -> domain;
            case 'i' -> IpLiteral.dotFormat(clientIp);
            case 'p' -> validatedDomain;
            case 'h' -> helo;
            case 'c' -> IpLiteral.format(clientIp);
            case 'r' -> receiver;
            case 't' -> Long.toString(timestamp);
            case 'v' -> IpLiteral.reverseZoneLabel(clientIp);
            default -> throw new IllegalArgumentException("not a macro letter: " + letter);
        };
        return value == null ? "" : value;
    }
}
