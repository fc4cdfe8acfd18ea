package dev.inkan.domainkeys;

import dev.inkan.message.AuthorAddresses;
import dev.inkan.message.HeaderBlock;
import dev.inkan.message.HeaderField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sending address of RFC 4870 §3.1 and §3.7.3 rule 1: the address of the Sender field when the message has
 * one, else the first address of the From field. When the field that decides has no address, there is none
 * (the message "SHALL fail verification", and a signer "MUST NOT sign").
 *
 * @param address {@code local@domain}, domain lower-cased
 * @param header "sender" or "from": the field it came from (and the RFC 7601 ptype property it is reported as)
 */
public record SendingAddress(String address, String header) {

    public static Optional<SendingAddress> of(HeaderBlock headers) {
        List<HeaderField> sender = headers.named("Sender");
        if (!sender.isEmpty()) {
            return first(sender.get(0), "sender");
        }
        List<HeaderField> from = headers.named("From");
        return from.isEmpty() ? Optional.empty() : first(from.get(0), "from");
    }

    private static Optional<SendingAddress> first(HeaderField field, String header) {
        List<String> addresses = AuthorAddresses.mailboxes(field);
        return addresses.isEmpty() ? Optional.empty() : Optional.of(new SendingAddress(addresses.get(0), header));
    }

    public String domain() {
        return AuthorAddresses.domainOf(address);
    }

    public String localPart() {
        return address.substring(0, address.lastIndexOf('@'));
    }

    /** RFC 4870 §3.3 d=: the sending domain is {@code d} or one of its subdomains (case-insensitive). */
    public boolean isCoveredBy(String d) {
        String domain = domain();
        String signing = d.toLowerCase(Locale.ROOT);
        return domain.equals(signing) || domain.endsWith("." + signing);
    }
}
