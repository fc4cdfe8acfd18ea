package dev.inkan.domainkeys;

import dev.inkan.message.DomainKeysCanonicalization;
import dev.inkan.message.HeaderField;
import dev.inkan.tagvalue.SignatureTags;
import dev.inkan.tagvalue.TagList;
import dev.inkan.tagvalue.TagListParse;
import dev.inkan.tagvalue.TagListParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A syntactically valid {@code DomainKey-Signature} field (RFC 4870 §3.3).
 *
 * @param position the field's index in the header block (the signed fields are those after it)
 * @param domain d=
 * @param selector s=
 * @param canonicalization c= ({@link DomainKeysCanonicalization#SIMPLE} or {@link DomainKeysCanonicalization#NOFWS})
 * @param headers h= as listed (lower-cased), or null when the tag is absent (every field after the signature)
 * @param signature b=, decoded
 * @param signatureText b= with white space removed
 */
public record DomainKeySignature(int position, TagList tags, String domain, String selector,
        DomainKeysCanonicalization canonicalization, List<String> headers, byte[] signature, String signatureText) {

    public static final String FIELD = "DomainKey-Signature";

    /** A parse: the signature, or why the field is not one (with what could be read of d= and s=). */
    public record Parse(DomainKeySignature signature, DomainKeysReason problem, String detail, String domain,
            String selector) {

        static Parse error(DomainKeysReason problem, String detail, TagList tags) {
            return new Parse(null, problem, detail, tags == null ? null : tags.valueOrNull("d"),
                    tags == null ? null : tags.valueOrNull("s"));
        }
    }

    /**
     * Parses and validates one field: every tag RFC 4870 §3.3 says MUST be present (b, c, d, q, s — c= and q= have
     * no default there, so a field without them is refused), a=rsa-sha1 (the default and the only algorithm),
     * q=dns, c=simple|nofws, a non-empty h= when present.
     */
    public static Parse parse(HeaderField field, int position) {
        TagListParse parsed = TagListParser.parse(field.unfoldedValue());
        if (!parsed.isOk()) {
            return Parse.error(DomainKeysReason.SIGNATURE_SYNTAX, "signature syntax error: "
                    + parsed.error().orElse(""), null);
        }
        TagList t = parsed.list();
        for (String required : List.of("b", "c", "d", "q", "s")) {
            if (!t.has(required)) {
                return Parse.error(DomainKeysReason.MISSING_TAG, "signature missing required tag " + required + "=", t);
            }
        }
        String algorithm = t.value("a").orElse("rsa-sha1");
        if (!algorithm.equalsIgnoreCase("rsa-sha1")) {
            return Parse.error(DomainKeysReason.UNSUPPORTED_ALGORITHM, "unsupported algorithm a=" + algorithm, t);
        }
        String query = t.valueOrNull("q");
        if (!query.equalsIgnoreCase("dns")) {
            return Parse.error(DomainKeysReason.UNSUPPORTED_QUERY_METHOD, "unsupported query method q=" + query, t);
        }
        DomainKeysCanonicalization c = DomainKeysCanonicalization.fromTagName(t.valueOrNull("c"));
        if (c == null) {
            return Parse.error(DomainKeysReason.UNSUPPORTED_CANONICALIZATION, "unsupported canonicalization c="
                    + t.valueOrNull("c"), t);
        }
        String d = t.valueOrNull("d");
        String s = t.valueOrNull("s");
        if (!SignatureTags.isDomainName(d) || s.isEmpty() || !SignatureTags.isDomainName(s)) {
            return Parse.error(DomainKeysReason.SIGNATURE_SYNTAX, "signature syntax error: d= or s= is not a domain "
                    + "name", t);
        }
        List<String> headers = null;
        if (t.has("h")) {
            headers = new ArrayList<>();
            for (String name : SignatureTags.withoutFws(t.valueOrNull("h")).split(":", -1)) {
                if (!SignatureTags.isFieldName(name)) {
                    return Parse.error(DomainKeysReason.SIGNATURE_SYNTAX, "signature syntax error: h= is not a list "
                            + "of header field names", t);
                }
                headers.add(name.toLowerCase(Locale.ROOT));
            }
        }
        byte[] b = SignatureTags.base64(t.valueOrNull("b"));
        if (b == null || b.length == 0) {
            return Parse.error(DomainKeysReason.SIGNATURE_SYNTAX, "signature syntax error: b= is not base64", t);
        }
        return new Parse(new DomainKeySignature(position, t, d, s, c, headers == null ? null : List.copyOf(headers), b,
                SignatureTags.withoutFws(t.valueOrNull("b"))), null, null, d, s);
    }

    /** The DNS name of the key: {@code s._domainkey.d} (RFC 4870 §3.7.4). */
    public String keyName() {
        return selector + "._domainkey." + domain;
    }
}
