package dev.inkan.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.DefaultAddressParser;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.field.address.ParseException;

/**
 * The domains of the author mailboxes of a message, with what DMARC needs to know about how they were
 * found (RFC 5322 §3.6.2: exactly one From field; RFC 9989 §5.3.1: exactly one domain). Unlike {@link
 * AuthorAddresses}, which flattens everything for signing, this keeps the count of From fields, every
 * mailbox's domain (duplicates included), how many mailboxes had none, and whether RFC 5322 parsing
 * failed.
 *
 * <p>Each From field is decoded as UTF-8 when its bytes are valid UTF-8 (RFC 6532 internationalised
 * headers), else as ISO-8859-1, unfolded, and parsed with Mime4j's strict RFC 5322 address parser
 * (display names with encoded words, comments, quoted local-parts, groups). When that fails, Mime4j's
 * lenient parser recovers what it can and {@link #lenient()} is set (unless the only reason was UTF-8, which
 * RFC 6532 allows): a malformed From must not hide its domain from DMARC (RFC 9989 §11.5). Encoded words are
 * never decoded inside an address (RFC 2047 §5).
 *
 * @param fields the number of From fields
 * @param domains the domain of each mailbox, all From fields top to bottom, groups flattened, lower-cased,
 *     as written (no IDNA conversion, no validation)
 * @param withoutDomain mailboxes (or unparseable fragments) that had no domain
 * @param lenient true when at least one From field did not parse as RFC 5322 and was read leniently
 */
public record FromDomains(int fields, List<String> domains, int withoutDomain, boolean lenient) {

    public FromDomains {
        domains = List.copyOf(domains);
    }

    /** The author domains of {@code headers} (parsed once per block: {@link HeaderBlock#fromDomains()}). */
    public static FromDomains of(HeaderBlock headers) {
        return headers.fromDomains();
    }

    static FromDomains parse(HeaderBlock headers) {
        List<HeaderField> from = headers.named("From");
        List<String> domains = new ArrayList<>();
        int withoutDomain = 0;
        boolean lenient = false;
        for (HeaderField field : from) {
            String value = unfold(decode(field));
            String plain = plainMailboxDomain(value);
            if (plain != null) {
                domains.add(plain.toLowerCase(Locale.ROOT));
                continue;
            }
            AddressList list;
            try {
                list = DefaultAddressParser.DEFAULT.parseAddressList(value);
            } catch (ParseException | RuntimeException e) {
                list = LenientAddressParser.DEFAULT.parseAddressList(value);
                lenient |= !validUnderRfc6532(value);
            }
            for (Mailbox mailbox : list.flatten()) {
                String domain = mailbox.getDomain();
                if (domain == null || domain.isBlank()) {
                    withoutDomain++;
                } else {
                    domains.add(domain.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return new FromDomains(from.size(), domains, withoutDomain, lenient);
    }

    /**
     * The domain of a From value in the two forms nearly every message uses, or null for anything else (which goes
     * to Mime4j): {@code local@domain}, or a display name of atoms followed by {@code <local@domain>} (RFC 5322
     * §3.4: {@code name-addr}, {@code addr-spec}), both sides dot-atom-text, US-ASCII, no quotes, comments,
     * groups, lists or white space inside the brackets. Every value this accepts is valid RFC 5322 with exactly this
     * domain (FromDomainsTest checks it against Mime4j); the strict parser builds a Throwable per call, which cost as
     * much as the rest of DMARC.
     */
    static String plainMailboxDomain(String value) {
        int open = value.indexOf('<');
        int start = 0;
        int end = value.length();
        if (open >= 0) {
            if (!value.endsWith(">")) {
                return null;
            }
            for (int i = 0; i < open; i++) { // the display name: atoms and white space only
                char c = value.charAt(i);
                if (c != ' ' && c != '\t' && !Atoms.isAtext(c)) {
                    return null;
                }
            }
            start = open + 1;
            end = value.length() - 1;
        }
        int at = value.indexOf('@', start);
        if (at < 0 || at >= end || !Atoms.isDotAtomText(value, start, at) || !Atoms.isDotAtomText(value, at + 1, end)) {
            return null;
        }
        return value.substring(at + 1, end);
    }

    /** The distinct domains, in order of first appearance. */
    public List<String> distinctDomains() {
        if (domains.size() == 1) {
            return domains; // the usual From: one mailbox (a loop, not a stream: asked for every mail)
        }
        List<String> distinct = new ArrayList<>(domains.size());
        for (String domain : domains) {
            if (!distinct.contains(domain)) {
                distinct.add(domain);
            }
        }
        return List.copyOf(distinct);
    }

    private static String decode(HeaderField field) {
        String text = Octets.strictUtf8(field.raw());
        if (text == null) {
            return field.value();
        }
        int colon = text.indexOf(':');
        return colon < 0 ? "" : text.substring(colon + 1);
    }

    /**
     * Whether {@code value} is an RFC 5322 address list once RFC 6532 §3.2 is applied: UTF8-non-ascii is allowed
     * wherever atext, qtext, ctext and dtext are. Mime4j's strict parser is ASCII-only, so each non-ASCII
     * character is stood in for by an ASCII letter and the structure parsed again.
     */
    private static boolean validUnderRfc6532(String value) {
        if (Octets.allBelow(value, 0x80)) {
            return false;
        }
        StringBuilder ascii = new StringBuilder(value.length());
        value.codePoints().forEach(c -> ascii.append(c < 0x80 ? (char) c : 'u'));
        try {
            DefaultAddressParser.DEFAULT.parseAddressList(ascii.toString());
            return true;
        } catch (ParseException | RuntimeException e) {
            return false;
        }
    }

    private static String unfold(String value) {
        return value.replace("\r\n", "").replace("\n", "").strip();
    }
}
