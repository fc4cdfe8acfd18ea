package dev.inkan.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;

/**
 * The author mailboxes of a message: every mailbox of every From field (RFC 5322 §3.6.2), groups
 * flattened, parsed with Mime4j's address parser (comments, quoted local-parts, display names with
 * encoded words, obsolete routes).
 */
public final class AuthorAddresses {

    private AuthorAddresses() {
    }

    /** The addresses {@code local@domain} of all From fields, top to bottom; domains lower-cased. */
    public static List<String> of(HeaderBlock headers) {
        List<String> addresses = new ArrayList<>();
        for (HeaderField from : headers.named("From")) {
            addresses.addAll(mailboxes(from));
        }
        return addresses;
    }

    /** The addresses {@code local@domain} of one address field (From, Sender, ...), in order; domains lower-cased. */
    public static List<String> mailboxes(HeaderField field) {
        List<String> addresses = new ArrayList<>();
        AddressList list = LenientAddressParser.DEFAULT.parseAddressList(field.unfoldedValue());
        for (Mailbox mailbox : list.flatten()) {
            String domain = mailbox.getDomain();
            if (domain != null && !domain.isBlank()) {
                addresses.add(mailbox.getLocalPart() + "@" + domain.strip().toLowerCase(Locale.ROOT));
            }
        }
        return addresses;
    }

    /** The domain of an address {@code local@domain}. */
    public static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
