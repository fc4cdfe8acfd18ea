package dev.inkan.senderid;

import dev.inkan.message.HeaderBlock;
import dev.inkan.message.HeaderField;
import dev.inkan.message.Octets;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.DefaultAddressParser;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.field.address.ParseException;

/**
 * Determines the Purported Responsible Address of a message (RFC 4407 §2) from its header fields, top to
 * bottom as they arrived.
 *
 * <ol>
 *   <li>The first non-empty Resent-Sender, unless a non-empty Resent-From comes before it with a Received or
 *       Return-Path field between the two (the Resent-Sender then belongs to an older resent block);</li>
 *   <li>else the first non-empty Resent-From;</li>
 *   <li>else the non-empty Sender fields: exactly one is the PRA, two or more leave none;</li>
 *   <li>else the non-empty From fields: exactly one is the PRA, none or several leave none.</li>
 * </ol>
 * A field is non-empty when it holds anything but white space (SP, HTAB, CR, LF); a field chosen by a step
 * that does not hold exactly one mailbox with a domain leaves no PRA (step 5 → 6): the search does not go on
 * to the next kind of field.
 *
 * <p>"Hopelessly malformed" is local policy (§2). Here a field's value (UTF-8 when its bytes are UTF-8, else
 * ISO-8859-1) is parsed with Mime4j's RFC 5322 address-list parser (comments, quoted local-parts, obsolete
 * routes; a group holding one mailbox counts as that mailbox); when that fails, only a value with non-ASCII
 * characters (RFC 6532) is read again leniently, anything else is malformed.
 */
public final class PraSelector {

    private static final String RECEIVED = "Received";
    private static final String RETURN_PATH = "Return-Path";

    private PraSelector() {
    }

    /** The PRA of {@code headers}, or why there is none. */
    public static PraSelection select(HeaderBlock headers) {
        List<HeaderField> fields = headers.fields();
        int resentSender = firstNonEmpty(fields, PraHeader.RESENT_SENDER);
        if (resentSender >= 0) {
            int resentFrom = firstNonEmpty(fields, PraHeader.RESENT_FROM);
            if (resentFrom < 0 || resentFrom > resentSender || !traceBetween(fields, resentFrom, resentSender)) {
                return mailbox(fields.get(resentSender), PraHeader.RESENT_SENDER);
            }
        }
        int resentFrom = firstNonEmpty(fields, PraHeader.RESENT_FROM);
        if (resentFrom >= 0) {
            return mailbox(fields.get(resentFrom), PraHeader.RESENT_FROM);
        }
        for (PraHeader header : List.of(PraHeader.SENDER, PraHeader.FROM)) {
            List<HeaderField> nonEmpty = new ArrayList<>();
            for (HeaderField field : fields) {
                if (is(field, header) && nonEmpty(field)) {
                    nonEmpty.add(field);
                }
            }
            if (nonEmpty.size() == 1) {
                return mailbox(nonEmpty.get(0), header);
            }
            if (nonEmpty.size() > 1 || header == PraHeader.FROM) {
                return PraSelection.none(nonEmpty.size() + " non-empty " + header.fieldName() + " fields"
                        + " [RFC 4407 2 step " + (header == PraHeader.SENDER ? 3 : 4) + "]");
            }
        }
        throw new AssertionError("unreachable: step 4 always decides");
    }

    /** Whether a Received or Return-Path field stands strictly between {@code from} and {@code to}. */
    private static boolean traceBetween(List<HeaderField> fields, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            HeaderField field = fields.get(i);
            if (field.hasColon() && (field.hasName(RECEIVED) || field.hasName(RETURN_PATH))) {
                return true;
            }
        }
        return false;
    }

    private static int firstNonEmpty(List<HeaderField> fields, PraHeader header) {
        for (int i = 0; i < fields.size(); i++) {
            if (is(fields.get(i), header) && nonEmpty(fields.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean is(HeaderField field, PraHeader header) {
        return field.hasColon() && field.hasName(header.fieldName());
    }

    /** RFC 4407 §2: "non-empty if and only if it contains any non-whitespace characters". */
    private static boolean nonEmpty(HeaderField field) {
        return field.value().chars().anyMatch(c -> c != ' ' && c != '\t' && c != '\r' && c != '\n');
    }

    /** Step 5: the field's single mailbox with a domain, or no PRA. */
    private static PraSelection mailbox(HeaderField field, PraHeader header) {
        String value = value(field);
        AddressList list;
        try {
            list = DefaultAddressParser.DEFAULT.parseAddressList(value);
        } catch (ParseException | RuntimeException e) {
            if (Octets.allBelow(value, 0x80)) {
                return PraSelection.none(header.fieldName() + " is not a valid address [RFC 4407 2 step 5]");
            }
            list = LenientAddressParser.DEFAULT.parseAddressList(value);
        }
        List<Mailbox> mailboxes = list.flatten();
        if (list.size() != 1 || mailboxes.size() != 1) {
            return PraSelection.none(header.fieldName() + " holds " + mailboxes.size() + " mailboxes"
                    + " [RFC 4407 2 step 5]");
        }
        Mailbox mailbox = mailboxes.get(0);
        String domain = mailbox.getDomain() == null ? "" : mailbox.getDomain().strip();
        if (domain.isEmpty() || mailbox.getLocalPart() == null) {
            return PraSelection.none(header.fieldName() + " has no domain [RFC 4407 2 step 5]");
        }
        return PraSelection.of(new Pra(header, mailbox.getLocalPart(), domain));
    }

    /** The unfolded value, decoded as UTF-8 when the field's bytes are UTF-8 (RFC 6532), else ISO-8859-1. */
    private static String value(HeaderField field) {
        String text = Octets.strictUtf8(field.raw());
        String value = text == null ? field.value() : text.substring(text.indexOf(':') + 1);
        return value.replace("\r\n", "").replace("\n", "").strip();
    }
}
