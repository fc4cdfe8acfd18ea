package dev.inkan.dmarc;

import dev.inkan.dns.DnsStatus;
import java.util.Objects;

/**
 * What the TXT query at {@code _dmarc.<domain>} gave, after RFC 9989 §4.10 steps 1–2 (RFC 7489 §6.6.3
 * steps 1–2): records that do not start with {@code v=DMARC1} are discarded; what remains is one record,
 * none, or several.
 *
 * @param domain the domain whose record was asked for (without {@code _dmarc.})
 * @param kind what remained
 * @param record the record when {@code kind == ONE}, else null
 * @param dnsStatus how the DNS query ended (NXDOMAIN tells that {@code _dmarc.<domain>} does not exist)
 * @param detail the DNS detail of a temporary failure, else empty
 */
record PolicyRecordAnswer(String domain, Kind kind, DmarcRecord record, DnsStatus dnsStatus, String detail) {

    enum Kind {
        /** Exactly one DMARC record. */
        ONE,
        /** No DMARC record (no name, no TXT, or only other TXT records). */
        NONE,
        /** Several DMARC records: RFC 9989 discards them all; RFC 7489 ends discovery. */
        MULTIPLE,
        /** The query failed temporarily. */
        TEMPFAIL
    }

    PolicyRecordAnswer {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.ONE) != (record != null)) {
            throw new IllegalArgumentException("a record goes with kind ONE only");
        }
    }

    boolean found() {
        return kind == Kind.ONE;
    }

    boolean tempFailed() {
        return kind == Kind.TEMPFAIL;
    }
}
