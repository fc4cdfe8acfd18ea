package dev.inkan.senderid;

import java.util.Locale;

/** The two scopes of Sender ID (RFC 4406 §3.1): which identity a check is about and which records it reads. */
public enum SenderIdScope {
    /** The MAIL FROM identity (RFC 4406 §3.1: "mfrom" is defined in RFC 4408), checked as SPF checks it. */
    MFROM,
    /** The Purported Responsible Address of the header (RFC 4407). */
    PRA;

    /** The scope-id in a record's version section: "mfrom" or "pra". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
