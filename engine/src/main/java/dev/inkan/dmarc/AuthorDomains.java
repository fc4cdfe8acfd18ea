package dev.inkan.dmarc;

import dev.inkan.message.FromDomains;
import dev.inkan.message.HeaderBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Author Domain(s) of a message (RFC 9989 §3.2.2, §5.3.1), normalised to lower-case A-labels, or why
 * there is none.
 *
 * <p>From a header block: every From field counts and every mailbox in it, groups included (RFC 5322
 * §3.6.2, §3.4). Domains that are not domain names (address literals, encoded words, broken syntax) are
 * left out and listed in {@link #invalid()}. Whether several domains are evaluated is the evaluator's
 * decision ({@link DmarcConfig#multipleAuthorDomains()}).
 *
 * @param domains the distinct valid author domains, in order of appearance
 * @param fromFields the number of From fields (RFC 5322 §3.6 allows exactly one)
 * @param invalid author domains as written that are not valid domain names
 * @param lenient true when a From field broke RFC 5322 syntax and was read leniently
 */
public record AuthorDomains(List<String> domains, int fromFields, List<String> invalid, boolean lenient) {

    public AuthorDomains {
        domains = List.copyOf(domains);
        invalid = List.copyOf(invalid);
    }

    /** The author domains of the From field(s) of {@code headers}. */
    public static AuthorDomains from(HeaderBlock headers) {
        FromDomains from = FromDomains.of(headers);
        return normalised(from.distinctDomains(), from.fields(), from.lenient());
    }

    /**
     * Author domains given directly (e.g. by a caller that parsed From itself), as if from one From field;
     * U-labels are converted, invalid names listed in {@link #invalid()}.
     */
    public static AuthorDomains of(String... domains) {
        return normalised(Arrays.asList(domains), 1, false);
    }

    private static AuthorDomains normalised(List<String> written, int fields, boolean lenient) {
        List<String> valid = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String domain : written) {
            String normalised = DomainNames.normalise(domain).orElse(null);
            if (normalised == null) {
                invalid.add(domain);
            } else if (!valid.contains(normalised)) {
                valid.add(normalised);
            }
        }
        return new AuthorDomains(valid, fields, invalid, lenient);
    }

    /**
     * Why DMARC cannot start (RFC 9989 §5.3.1, §4.2), or null when there is at least one author domain:
     * {@link DmarcReason#NO_FROM}, {@link DmarcReason#INVALID_AUTHOR_DOMAIN} (only invalid names) or {@link
     * DmarcReason#NO_AUTHOR_DOMAIN} (no mailbox with a domain).
     */
    public DmarcReason problem() {
        if (fromFields == 0) {
            return DmarcReason.NO_FROM;
        }
        if (!domains.isEmpty()) {
            return null;
        }
        return invalid.isEmpty() ? DmarcReason.NO_AUTHOR_DOMAIN : DmarcReason.INVALID_AUTHOR_DOMAIN;
    }
}
