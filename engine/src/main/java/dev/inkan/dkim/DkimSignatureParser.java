package dev.inkan.dkim;

import dev.inkan.crypto.SignatureAlgorithm;
import dev.inkan.message.Canonicalization;
import dev.inkan.message.HeaderField;
import dev.inkan.tagvalue.SignatureTags;
import dev.inkan.tagvalue.TagList;
import dev.inkan.tagvalue.TagListParse;
import dev.inkan.tagvalue.TagListParser;
import java.util.List;
import java.util.Locale;

/**
 * Validates a DKIM-Signature field per RFC 6376 §3.5 and §6.1.1: "any inconsistency or unexpected values
 * MUST cause the header field to be completely ignored". Unknown tags are allowed. Signatures of the
 * pre-RFC drafts (no v= tag, or v=0.5; q=dns) are refused as RFC 6376 §3.5 makes v=1 required, unless
 * the caller accepts drafts (§6.1.1's implementation note allows verifying older versions).
 */
public final class DkimSignatureParser {

    private static final List<String> REQUIRED = List.of("v", "a", "b", "bh", "d", "h", "s");

    private DkimSignatureParser() {
    }

    /** Parses an RFC 6376 signature; drafts are refused. */
    public static DkimSignatureParse parse(HeaderField field) {
        return parse(field, false);
    }

    /**
     * @param acceptDrafts also accept the draft-ietf-dkim-base signatures that RFC 4871 replaced: no v=
     *     or v=0.5, and q=dns for the DNS TXT query
     */
    public static DkimSignatureParse parse(HeaderField field, boolean acceptDrafts) {
        TagListParse parsed = TagListParser.parse(field.value());
        if (!parsed.isOk()) {
            return error(null, DkimReason.SIGNATURE_SYNTAX, parsed.error().orElse(""));
        }
        TagList t = parsed.list();
        for (String tag : REQUIRED) {
            if (!t.has(tag) && !(acceptDrafts && tag.equals("v"))) {
                return error(t, DkimReason.MISSING_TAG, "signature missing required tag " + tag + "=");
            }
        }
        boolean draft = acceptDrafts && (!t.has("v") || "0.5".equals(t.valueOrNull("v")));
        if (!draft && !"1".equals(t.valueOrNull("v"))) {
            return error(t, DkimReason.UNSUPPORTED_VERSION, "incompatible version v=" + t.valueOrNull("v"));
        }
        SignatureAlgorithm algorithm = SignatureAlgorithm.fromTagName(t.valueOrNull("a"));
        if (algorithm == null) {
            return error(t, DkimReason.UNSUPPORTED_ALGORITHM, "unsupported algorithm a=" + t.valueOrNull("a"));
        }
        byte[] signature = SignatureTags.base64(t.valueOrNull("b"));
        byte[] bodyHash = SignatureTags.base64(t.valueOrNull("bh"));
        if (signature == null || signature.length == 0) {
            return error(t, DkimReason.SIGNATURE_SYNTAX, "b= is not valid base64");
        }
        if (bodyHash == null || bodyHash.length == 0) {
            return error(t, DkimReason.SIGNATURE_SYNTAX, "bh= is not valid base64");
        }
        Canonicalization[] c = canonicalization(t.value("c").orElse("simple/simple"));
        if (c == null) {
            return error(t, DkimReason.UNSUPPORTED_CANONICALIZATION,
                    "unsupported canonicalization c=" + t.valueOrNull("c"));
        }
        // RFC 8616 §4: U-labels in d= and s= (internationalised headers); DNS and comparisons use A-labels
        String domain = SignatureTags.aLabels(t.valueOrNull("d"));
        String selector = SignatureTags.aLabels(t.valueOrNull("s"));
        if (!isDomain(domain)) {
            return error(t, DkimReason.SIGNATURE_SYNTAX, "d= is not a domain name");
        }
        if (!isSelector(selector)) {
            return error(t, DkimReason.SIGNATURE_SYNTAX, "s= is not a valid selector");
        }
        List<String> headers = SignatureTags.headerList(t.valueOrNull("h"));
        if (headers == null) {
            return error(t, DkimReason.SIGNATURE_SYNTAX, "h= is not a list of header field names");
        }
        if (headers.stream().noneMatch(h -> h.equalsIgnoreCase("from"))) {
            return error(t, DkimReason.FROM_NOT_SIGNED, "From field not signed");
        }
        if (t.has("q") && !supportsDnsTxt(t.valueOrNull("q"), draft)) {
            return error(t, DkimReason.UNSUPPORTED_QUERY_METHOD, "unsupported query method q=" + t.valueOrNull("q"));
        }
        String identity = "@" + domain;
        if (t.has("i")) {
            identity = DkimQuotedPrintable.decode(t.valueOrNull("i"));
            if (identity == null || identity.indexOf('@') < 0) {
                return error(t, DkimReason.SIGNATURE_SYNTAX, "i= is not an identity (local-part@domain)");
            }
            String written = identity.substring(identity.lastIndexOf('@') + 1);
            String identityDomain = SignatureTags.aLabels(written);
            if (identityDomain == null) {
                return error(t, DkimReason.SIGNATURE_SYNTAX, "i= domain " + written + " is not a domain name");
            }
            if (!isSameOrSubdomain(identityDomain, domain)) {
                return error(t, DkimReason.DOMAIN_MISMATCH, "i= domain " + written + " is not within d="
                        + SignatureTags.text(t.valueOrNull("d")));
            }
        }
        long bodyLength = number(t, "l");
        long timestamp = number(t, "t");
        long expiration = number(t, "x");
        if (bodyLength == -2 || timestamp == -2 || expiration == -2) {
            return error(t, DkimReason.SIGNATURE_SYNTAX, "l=, t= or x= is not a decimal number");
        }
        if (timestamp >= 0 && expiration >= 0 && expiration < timestamp) {
            return error(t, DkimReason.SIGNATURE_SYNTAX, "x= is before t=");
        }
        return DkimSignatureParse.ok(new DkimSignature(field, t, algorithm, signature, bodyHash, c[0], c[1], domain,
                List.copyOf(headers), identity, bodyLength, selector, timestamp, expiration));
    }

    private static DkimSignatureParse error(TagList t, DkimReason reason, String detail) {
        if (t == null) {
            return new DkimSignatureParse(null, reason, detail, null, null, null, null, null);
        }
        return new DkimSignatureParse(null, reason, detail, SignatureTags.text(t.valueOrNull("d")),
                SignatureTags.text(t.valueOrNull("s")), SignatureTags.text(t.valueOrNull("a")),
                SignatureTags.text(t.valueOrNull("i")), t.valueOrNull("b"));
    }

    /** "header/body" or "header" (body simple); null when unknown. */
    private static Canonicalization[] canonicalization(String value) {
        String[] parts = value.split("/", -1);
        if (parts.length > 2) {
            return null;
        }
        Canonicalization header = Canonicalization.fromTagName(parts[0].strip());
        Canonicalization body = parts.length == 2 ? Canonicalization.fromTagName(parts[1].strip())
                : Canonicalization.SIMPLE;
        return header == null || body == null ? null : new Canonicalization[] {header, body};
    }

    private static boolean supportsDnsTxt(String q, boolean draft) {
        for (String method : q.split(":")) {
            String m = method.strip().toLowerCase(Locale.ROOT);
            if (m.equals("dns/txt") || draft && m.equals("dns")) {
                return true;
            }
        }
        return false;
    }

    /** -1 when absent, -2 when not a decimal number that fits. */
    private static long number(TagList t, String tag) {
        return SignatureTags.decimal(t.valueOrNull(tag));
    }

    static boolean isSameOrSubdomain(String candidate, String parent) {
        return SignatureTags.isSameOrSubdomain(candidate, parent);
    }

    private static boolean isDomain(String d) {
        return SignatureTags.isDomainName(d);
    }

    private static boolean isSelector(String s) {
        return isDomain(s);
    }
}
