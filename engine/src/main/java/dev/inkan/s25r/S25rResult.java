package dev.inkan.s25r;

/** What S25R says about an SMTP client. */
public enum S25rResult {
    /** The client's forward-confirmed name looks like a server's: no rule matched. */
    PASS,
    /** The client is on the operator's allow list; no rule was applied. */
    ALLOWED,
    /** A rule matched: no usable reverse DNS (rule 0) or a name that looks like an end-user line (rules 1 to 6). */
    FLAGGED,
    /** The client is on the operator's deny list. */
    DENIED,
    /** The reverse DNS could not be checked now (timeout, SERVFAIL, the DNS budget used up); a retry may pass. */
    TEMPERROR;

    /** Whether S25R refuses the client (for now): flagged, denied, or not checkable. */
    public boolean refused() {
        return this == FLAGGED || this == DENIED || this == TEMPERROR;
    }
}
