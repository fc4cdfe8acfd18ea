package dev.inkan.dmarc.report;

import dev.inkan.dmarc.OrganizationalDomain;
import dev.inkan.dns.DnsAnswer;
import dev.inkan.dns.DnsResolver;
import dev.inkan.dns.DnsStatus;
import dev.inkan.tagvalue.TagList;
import dev.inkan.tagvalue.TagListParse;
import dev.inkan.tagvalue.TagListParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an aggregate report may go: the {@code rua} URIs of a DMARC Policy Record with their size limits
 * (RFC 9989 §4.7 {@code dmarc-uri}: {@code mailto:reports@example.net!10m}), and RFC 9990 §4's verification of
 * destinations outside the Policy Domain's Organizational Domain. Only {@code mailto:} is delivered.
 */
public final class ReportDestinations {

    private static final Pattern SIZE = Pattern.compile("!([0-9]+)([kmgt]?)$", Pattern.CASE_INSENSITIVE);

    private ReportDestinations() {
    }

    /**
     * One report URI.
     *
     * @param uri the URI without its size limit
     * @param address the mailto address, or null for another scheme
     * @param host the destination host (the address's domain), lower case, or null
     * @param maxBytes the size limit in bytes, or -1 for none
     */
    public record ReportUri(String uri, String address, String host, long maxBytes) {

        /** Whether a report of {@code bytes} may go to this URI. */
        public boolean accepts(long bytes) {
            return maxBytes < 0 || bytes <= maxBytes;
        }
    }

    /** The outcome of RFC 9990 §4 for one URI: the URIs to send to (the overriding ones, if any), or why none. */
    public record Verification(ReportUri requested, List<ReportUri> destinations, Outcome outcome, String detail) {
        public Verification {
            destinations = List.copyOf(destinations);
        }
    }

    public enum Outcome {
        /** Same Organizational Domain: no check needed. */
        SAME_ORGANIZATION,
        /** Authorized by a v=DMARC1 record at {@code <policy-domain>._report._dmarc.<host>}. */
        AUTHORIZED,
        /** Not authorized (no such record, a bad one, an override to another host, a name too long): ignored. */
        REFUSED,
        /** DNS failed for now: try again later (§4 step 5). */
        TEMPFAIL,
        /** Not a mailto: URI; other methods are not delivered. */
        UNSUPPORTED
    }

    /** The URIs of an {@code rua} (or {@code ruf}) tag value as published, size suffixes read, malformed ones left out. */
    public static List<ReportUri> parse(String tagValue) {
        List<ReportUri> uris = new ArrayList<>();
        if (tagValue == null) {
            return uris;
        }
        for (String item : tagValue.split(",")) {
            String text = item.strip();
            long max = -1;
            Matcher m = SIZE.matcher(text);
            if (m.find()) {
                long n = Long.parseLong(m.group(1).length() > 15 ? "999999999999999" : m.group(1));
                int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                    case "k" -> 10;
                    case "m" -> 20;
                    case "g" -> 30;
                    case "t" -> 40;
                    default -> 0;
                };
                max = shift == 0 ? n : (n > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : n << shift);
                text = text.substring(0, m.start());
            }
            if (text.isEmpty()) {
                continue;
            }
            String address = null;
            String host = null;
            if (text.regionMatches(true, 0, "mailto:", 0, 7)) {
                address = text.substring(7);
                int at = address.lastIndexOf('@');
                if (at <= 0 || at == address.length() - 1) {
                    continue;
                }
                host = address.substring(at + 1).toLowerCase(Locale.ROOT);
            }
            uris.add(new ReportUri(text, address, host, max));
        }
        return uris;
    }

    /**
     * RFC 9990 §4 for {@code uri} of the record found at {@code policyDomain}: when the Organizational Domains of
     * the policy domain and of the URI's host differ, the TXT record at {@code <policy-domain>._report._dmarc.<host>}
     * must start with v=DMARC1; its own {@code rua}, if any, replaces the URI but must name the same host.
     *
     * @param organizationalDomain the Organizational Domain function of the evaluation's mode (tree walk or PSL)
     */
    public static Verification verify(String policyDomain, ReportUri uri,
            Function<String, OrganizationalDomain> organizationalDomain, DnsResolver dns) {
        Objects.requireNonNull(uri, "uri");
        if (uri.address() == null) {
            return new Verification(uri, List.of(), Outcome.UNSUPPORTED, "only mailto: report URIs are delivered");
        }
        OrganizationalDomain policyOrg = organizationalDomain.apply(policyDomain);
        OrganizationalDomain hostOrg = organizationalDomain.apply(uri.host());
        if (!policyOrg.isKnown() || !hostOrg.isKnown()) {
            return new Verification(uri, List.of(), Outcome.TEMPFAIL, "Organizational Domain unknown for now: "
                    + (policyOrg.isKnown() ? hostOrg.detail() : policyOrg.detail()));
        }
        if (policyOrg.organizationalDomain().equals(hostOrg.organizationalDomain())) {
            return new Verification(uri, List.of(uri), Outcome.SAME_ORGANIZATION, "");
        }
        String name = policyDomain.toLowerCase(Locale.ROOT) + "._report._dmarc." + uri.host();
        if (name.length() > 253) {
            return new Verification(uri, List.of(), Outcome.REFUSED, name + " is longer than DNS allows");
        }
        DnsAnswer<String> answer = dns.txt(name);
        if (answer.status() == DnsStatus.TEMPFAIL) {
            return new Verification(uri, List.of(), Outcome.TEMPFAIL, name + ": " + answer.detail());
        }
        for (String record : answer.isFound() ? answer.records() : List.<String>of()) {
            Optional<TagList> tags = authorizing(record);
            if (tags.isEmpty()) {
                continue;
            }
            if (!tags.get().has("rua")) {
                return new Verification(uri, List.of(uri), Outcome.AUTHORIZED, name);
            }
            List<ReportUri> overrides = parse(tags.get().valueOrNull("rua"));
            for (ReportUri o : overrides) {
                if (o.host() == null || !o.host().equals(uri.host())) {
                    return new Verification(uri, List.of(), Outcome.REFUSED, name + " overrides the destination with "
                            + o.uri() + ", another host: no report to either (RFC 9990 §4)");
                }
            }
            return new Verification(uri, overrides, Outcome.AUTHORIZED, name + " (its rua replaces the destination)");
        }
        return new Verification(uri, List.of(), Outcome.REFUSED, "no v=DMARC1 record at " + name
                + ": the destination did not authorize reports for " + policyDomain);
    }

    /** A record whose tag list parses and starts with v=DMARC1 (§4 step 6). */
    private static Optional<TagList> authorizing(String record) {
        TagListParse parsed = TagListParser.parse(record);
        if (!parsed.isOk() || parsed.list().tags().isEmpty()) {
            return Optional.empty();
        }
        var first = parsed.list().tags().get(0);
        return first.name().equals("v") && first.value().equals("DMARC1") ? Optional.of(parsed.list()) : Optional.empty();
    }
}
