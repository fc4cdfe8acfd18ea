package dev.inkan.dmarc.report;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/** The names RFC 9990 §3.5 gives an aggregate report: its Report-ID, attachment file name and Subject. */
public final class ReportNames {

    private static final Pattern UNIQUE_ID = Pattern.compile("[A-Za-z0-9]+");

    private ReportNames() {
    }

    /**
     * A Report-ID (§3.5.1, "ridfmt": dot-atom-text "@" dot-atom-text), unique per policy domain and period:
     * {@code <begin>.<uniqueId>.<policy-domain>@<receiver>}, e.g. {@code 1764979200.a1b2.example.com@mx.example.net}.
     */
    public static String reportId(String receiver, String policyDomain, Instant begin, String uniqueId) {
        checkUniqueId(uniqueId);
        return begin.getEpochSecond() + "." + uniqueId + "." + lower(policyDomain) + "@" + lower(receiver);
    }

    /**
     * The attachment's file name (§3.5.2): {@code receiver!policy-domain!begin!end[!unique-id].xml[.gz]}; a re-sent
     * report MUST keep it, so it is derived from the report's own data only.
     */
    public static String filename(String receiver, String policyDomain, Instant begin, Instant end, String uniqueId,
            boolean gzip) {
        StringBuilder name = new StringBuilder();
        name.append(lower(receiver)).append('!').append(lower(policyDomain)).append('!').append(begin.getEpochSecond())
                .append('!').append(end.getEpochSecond());
        if (uniqueId != null) {
            checkUniqueId(uniqueId);
            name.append('!').append(uniqueId);
        }
        return name.append(gzip ? ".xml.gz" : ".xml").toString();
    }

    /** The Subject (§3.5.2): {@code Report Domain: <policy-domain> Submitter: <receiver> Report-ID: <<id>>}. */
    public static String subject(String policyDomain, String submitter, String reportId) {
        return "Report Domain: " + lower(policyDomain) + " Submitter: " + lower(submitter) + " Report-ID: <" + reportId + ">";
    }

    private static void checkUniqueId(String uniqueId) {
        if (!UNIQUE_ID.matcher(uniqueId).matches()) {
            throw new IllegalArgumentException("unique-id must be letters and digits (RFC 9990 §3.5.2): " + uniqueId);
        }
    }

    private static String lower(String domain) {
        return domain.toLowerCase(Locale.ROOT);
    }
}
