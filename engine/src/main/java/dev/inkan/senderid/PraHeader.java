package dev.inkan.senderid;

import java.util.Locale;

/** The header fields a Purported Responsible Address can come from (RFC 4407 §2), in the order tried. */
public enum PraHeader {
    RESENT_SENDER("Resent-Sender"),
    RESENT_FROM("Resent-From"),
    SENDER("Sender"),
    FROM("From");

    private final String fieldName;

    PraHeader(String fieldName) {
        this.fieldName = fieldName;
    }

    /** The field name as RFC 5322 writes it, e.g. "Resent-From". */
    public String fieldName() {
        return fieldName;
    }

    /**
     * The Authentication-Results property of {@code sender-id} (RFC 7601 §2.7.2: ptype "header", property the
     * name of the field the PRA was extracted from), lower-cased as in RFC 7601's example {@code header.from}.
     */
    public String property() {
        return fieldName.toLowerCase(Locale.ROOT);
    }
}
