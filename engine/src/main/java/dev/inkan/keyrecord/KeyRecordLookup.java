package dev.inkan.keyrecord;

import dev.inkan.dns.DnsAnswer;
import dev.inkan.dns.DnsResolver;
import java.util.List;

/**
 * Fetches and parses the key record of a signature: the TXT records at {@code selector._domainkey.domain}
 * (RFC 6376 §3.6.2.1; the same place for ARC, RFC 8617 §4.1.2, §4.1.3). Outcomes are values: the first
 * syntactically valid record (RFC 6376 §6.1.2 step 4), or a {@link KeyRecordProblem} with a detail.
 */
public final class KeyRecordLookup {

    private final DnsResolver resolver;
    private final KeyRecordCache cache;

    public KeyRecordLookup(DnsResolver resolver, KeyRecordCache cache) {
        this.resolver = resolver;
        this.cache = cache;
    }

    /** The DNS name of a key: {@code selector._domainkey.domain}. */
    public static String keyName(String selector, String domain) {
        return selector + "._domainkey." + domain;
    }

    /**
     * Looks the key up at {@code name}: {@link KeyRecordProblem#UNAVAILABLE} on a temporary DNS failure (detail
     * "key unavailable: name detail"), {@link KeyRecordProblem#NOT_FOUND} (no detail) for NXDOMAIN or no data,
     * else the first valid record, or the problem of the first record when none is valid.
     */
    public KeyRecordParse find(String name) {
        DnsAnswer<String> answer = resolver.txt(name);
        switch (answer.status()) {
            case TEMPFAIL:
                return KeyRecordParse.error(KeyRecordProblem.UNAVAILABLE, "key unavailable: " + name + " "
                        + answer.detail());
            case NXDOMAIN:
            case NO_DATA:
                return KeyRecordParse.error(KeyRecordProblem.NOT_FOUND, null);
            default:
                return firstUsable(answer.records());
        }
    }

    private KeyRecordParse firstUsable(List<String> texts) {
        KeyRecordParse first = null;
        for (String record : texts) {
            KeyRecordParse p = cache.parse(record);
            if (p.record() != null) {
                return p;
            }
            if (first == null) {
                first = p;
            }
        }
        return first != null ? first : KeyRecordParse.error(KeyRecordProblem.NOT_FOUND, null);
    }
}
