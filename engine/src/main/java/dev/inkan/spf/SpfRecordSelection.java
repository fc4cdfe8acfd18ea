package dev.inkan.spf;

import java.util.List;

/**
 * How check_host() picks the record to evaluate from the TXT records of a &lt;domain&gt; (RFC 7208 §4.5),
 * and what a nonexistent domain gives (§4.3). {@link #RFC7208} is SPF's own rule and the default of every
 * {@link SpfEvaluator} method; another one (Sender ID's scoped {@code spf2.0} records, RFC 4406 §4.4) is passed
 * to {@link SpfEvaluator#evaluate(SpfRequest, DnsResolver, SpfRecordSelection)} and then applies at every
 * level of the check: the identity's domain and every {@code include:} and {@code redirect=} target.
 * Implementations are immutable and thread-safe.
 */
public interface SpfRecordSelection {

    /**
     * RFC 7208 §4.5: the records that begin with "v=spf1" followed by a space or the end; none gives "none",
     * two or more permerror. A nonexistent domain gives "none" (§4.3).
     */
    SpfRecordSelection RFC7208 = (domain, records) -> {
        List<String> spf = records.stream().filter(SpfRecordParser::isSpfRecord).toList();
        return SpfRecordChoice.of(spf.stream().map(r -> new SpfRecordChoice.Candidate(r,
                SpfRecordParser.VERSION.length())).toList(), "SPF record");
    };

    /** Chooses among {@code records}, the TXT records of {@code domain} (character-strings joined). */
    SpfRecordChoice select(String domain, List<String> records);

    /**
     * Whether a &lt;domain&gt; that does not exist (NXDOMAIN) ends check_host() with "fail" rather than
     * "none" (RFC 7208 §4.3); Sender ID's PRA test says so (RFC 4406 §4.3).
     */
    default boolean nonexistentDomainFails() {
        return false;
    }
}
