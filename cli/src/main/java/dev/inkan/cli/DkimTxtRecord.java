package dev.inkan.cli;

import dev.inkan.crypto.KeyType;
import dev.inkan.crypto.VerifyingKey;
import dev.inkan.dkim.DkimKeyRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The DNS TXT record that publishes a DKIM public key (RFC 6376 §3.6.1, RFC 8463 §4): its owner name,
 * its value {@code v=DKIM1; k=...; p=...} (or the revoking {@code p=}), and a master-file line with the value split into
 * character-strings of at most {@value #CHUNK} characters (RFC 1035 §3.3 allows 255 octets each; the
 * verifier joins them, RFC 6376 §3.6.2.2).
 */
final class DkimTxtRecord {

    static final int CHUNK = 250;

    private final String domain;
    private final String selector;
    private final String value;

    DkimTxtRecord(String domain, String selector, VerifyingKey key) {
        this(domain, selector, DkimKeyRecord.textFor(key));
    }

    private DkimTxtRecord(String domain, String selector, String value) {
        this.domain = domain;
        this.selector = selector;
        this.value = value;
    }

    /** The record that retires a selector: its key type with an empty {@code p=}, "revoked" (RFC 6376 §3.6.1). */
    static DkimTxtRecord revoked(String domain, String selector, KeyType type) {
        return new DkimTxtRecord(domain, selector, DkimKeyRecord.revokedTextFor(type));
    }

    String domain() {
        return domain;
    }

    String selector() {
        return selector;
    }

    /** {@code selector._domainkey.domain}, without the final dot. */
    String ownerName() {
        return selector + "._domainkey." + domain;
    }

    /** The record's value as one string, as a DNS provider's web form wants it. */
    String value() {
        return value;
    }

    /** The value cut into character-strings of at most {@value #CHUNK} characters. */
    List<String> strings() {
        List<String> strings = new ArrayList<>();
        for (int start = 0; start < value.length(); start += CHUNK) {
            strings.add(value.substring(start, Math.min(value.length(), start + CHUNK)));
        }
        return strings;
    }

    /**
     * The record as BIND master-file text, lines ending in {@code \n}: a comment, then
     * {@code owner. IN TXT ( "..." } with one character-string per line and the closing parenthesis.
     */
    String zoneText(String comment) {
        StringBuilder out = new StringBuilder();
        out.append("; ").append(comment).append('\n');
        out.append(ownerName()).append(". IN TXT (");
        List<String> strings = strings();
        for (int i = 0; i < strings.size(); i++) {
            out.append(i == 0 ? " " : "\t").append(quoted(strings.get(i)));
            out.append(i == strings.size() - 1 ? " )\n" : "\n");
        }
        return out.toString();
    }

    /** A master-file character-string (RFC 1035 §5.1): quotes and backslashes escaped. */
    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
