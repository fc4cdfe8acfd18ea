package dev.inkan.diagnosis;

import dev.inkan.dns.DnsAnswer;
import dev.inkan.dns.DnsResolver;
import dev.inkan.dns.DnsStatus;
import dev.inkan.dns.OversizedTxtString;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The TXT query every check starts with, and what it can already tell: the record is missing (naming the name
 * looked up), DNS failed, or the zone file holds a string over the 255-octet limit inside it.
 */
final class TxtLookup {

    private final DnsResolver resolver;
    private final List<OversizedTxtString> zoneStrings;

    /**
     * @param zoneStrings the over-long strings of the zone file the resolver answers from ({@link
     *     dev.inkan.dns.ZoneFileResolver#oversizedTxtStrings()}); empty for real DNS, which cannot carry them
     */
    TxtLookup(DnsResolver resolver, List<OversizedTxtString> zoneStrings) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.zoneStrings = List.copyOf(zoneStrings);
    }

    DnsResolver resolver() {
        return resolver;
    }

    /**
     * The answer at {@code name} and its findings.
     *
     * @param findings record-missing or dns-failure when nothing was found; string-too-long for each zone
     *     file string over 255 octets inside a record found
     */
    record Result(DnsAnswer<String> answer, List<Finding> findings) {
        boolean found() {
            return answer.isFound();
        }
    }

    /**
     * @param what the kind of record, for messages ("DKIM key record")
     * @param missingFix what to do when there is none
     */
    Result txt(String name, String what, String missingFix) {
        DnsAnswer<String> answer = resolver.txt(name);
        List<Finding> findings = new ArrayList<>();
        switch (answer.status()) {
            case TEMPFAIL -> findings.add(Finding.error("dns-failure", "the TXT query for " + name + " failed ("
                    + answer.detail() + "); receivers get a temporary error too",
                    "make the domain's name servers answer, then check again"));
            case NXDOMAIN, NO_DATA -> findings.add(Finding.error("record-missing", "no " + what + ": there is no TXT "
                    + "record at " + name + " (" + missing(answer) + ")", missingFix));
            case FOUND -> {
                for (OversizedTxtString s : zoneStrings) {
                    if (answer.records().stream().anyMatch(r -> r.contains(s.text()))) {
                        findings.add(stringTooLong(name, s));
                    }
                }
            }
        }
        return new Result(answer, findings);
    }

    /** Why nothing was found: no such name, a name without TXT, or a name DNS cannot hold (RFC 1035 §2.3.4). */
    private static String missing(DnsAnswer<String> answer) {
        if (answer.detail().startsWith("invalid DNS name")) {
            return answer.detail();
        }
        return answer.status() == DnsStatus.NXDOMAIN ? "the name does not exist"
                : "the name exists but has no TXT record";
    }

    private static Finding stringTooLong(String name, OversizedTxtString s) {
        return Finding.error("string-too-long", "line " + s.line() + " of the zone file holds a quoted string of "
                + s.octets() + " bytes in the record at " + name + "; a DNS character-string holds at most "
                + OversizedTxtString.MAX_OCTETS + " bytes (RFC 1035 section 3.3), so BIND refuses to load the zone",
                "split the value into several quoted strings of at most 255 bytes inside one record, "
                        + "e.g. name IN TXT ( \"first part\" \"second part\" ); receivers join them without spaces");
    }
}
