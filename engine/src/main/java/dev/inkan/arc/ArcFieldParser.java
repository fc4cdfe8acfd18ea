package dev.inkan.arc;

import dev.inkan.authres.AuthResultsParse;
import dev.inkan.authres.AuthResultsParser;
import dev.inkan.crypto.SignatureAlgorithm;
import dev.inkan.message.Canonicalization;
import dev.inkan.message.HeaderField;
import dev.inkan.message.Octets;
import dev.inkan.tagvalue.SignatureTags;
import dev.inkan.tagvalue.TagList;
import dev.inkan.tagvalue.TagListParse;
import dev.inkan.tagvalue.TagListParser;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the three ARC header fields (RFC 8617 §4.1). The AMS and AS values are RFC 6376 §3.2 tag lists whose
 * instance tag is read like any other tag, wherever it stands: the draft-era sealers the public suite models
 * write it among the others, and tag order carries no meaning in a tag list. Unknown tags are ignored and
 * tag names and values are case-sensitive, as in DKIM; a v= tag in an AMS is ignored (§4.1.2).
 */
public final class ArcFieldParser {

    /** The field names, as RFC 8617 §10.3 registers them. */
    public static final String SEAL = "ARC-Seal";
    public static final String MESSAGE_SIGNATURE = "ARC-Message-Signature";
    public static final String AUTHENTICATION_RESULTS = "ARC-Authentication-Results";

    private static final List<String> SEAL_REQUIRED = List.of("a", "b", "cv", "d", "s");
    private static final List<String> AMS_REQUIRED = List.of("a", "b", "bh", "d", "h", "s");
    /** RFC 8617 §4.1.1 arc-info: {@code instance [CFWS] ";" authres-payload}, instance = [CFWS] "i" [CFWS] "=" [CFWS] position. */
    private static final Pattern AAR_PREFIX = Pattern.compile("^[ \\t\\r\\n]*i[ \\t\\r\\n]*=[ \\t\\r\\n]*([^;]*?)[ \\t\\r\\n]*;(.*)$",
            Pattern.DOTALL);
    private static final int MAX_INSTANCE_DIGITS = 9;

    private ArcFieldParser() {
    }

    /** Parses an ARC-Seal (RFC 8617 §4.1.3). */
    public static ArcFieldParse<ArcSeal> parseSeal(HeaderField field) {
        TagListParse parsed = TagListParser.parse(field.value());
        if (!parsed.isOk()) {
            return ArcFieldParse.error(field, -1, null, ArcReason.SEAL_SYNTAX,
                    "ARC-Seal tag list syntax error: " + parsed.error().orElse(""));
        }
        TagList t = parsed.list();
        int instance = instance(t.valueOrNull("i"));
        if (instance <= 0) {
            return ArcFieldParse.error(field, -1, t, ArcReason.INVALID_INSTANCE, "ARC-Seal " + instanceProblem(t));
        }
        String where = "ARC-Seal i=" + instance + ": ";
        for (String tag : SEAL_REQUIRED) {
            if (!t.has(tag)) {
                return ArcFieldParse.error(field, instance, t, ArcReason.SEAL_SYNTAX, where + "missing required tag " + tag + "=");
            }
        }
        if (t.has("h")) {
            return ArcFieldParse.error(field, instance, t, ArcReason.SEAL_SYNTAX,
                    where + "h= is not allowed in an ARC-Seal (RFC 8617 §4.1.3)");
        }
        ArcResult cv = ArcResult.fromKeyword(t.valueOrNull("cv"));
        if (cv == null) {
            return ArcFieldParse.error(field, instance, t, ArcReason.INVALID_CV,
                    where + "cv=" + t.valueOrNull("cv") + " is not none, pass or fail");
        }
        SignatureAlgorithm algorithm = SignatureAlgorithm.fromTagName(t.valueOrNull("a"));
        if (algorithm == null) {
            return ArcFieldParse.error(field, instance, t, ArcReason.UNSUPPORTED_ALGORITHM,
                    where + "unsupported algorithm a=" + t.valueOrNull("a"));
        }
        byte[] signature = SignatureTags.base64(t.valueOrNull("b"));
        String problem = signature == null || signature.length == 0 ? "b= is not valid base64"
                : commonProblem(t);
        if (problem != null) {
            return ArcFieldParse.error(field, instance, t, ArcReason.SEAL_SYNTAX, where + problem);
        }
        return ArcFieldParse.ok(field, new ArcSeal(field, t, instance, algorithm, signature, cv,
                SignatureTags.aLabels(t.valueOrNull("d")), SignatureTags.aLabels(t.valueOrNull("s")),
                SignatureTags.decimal(t.valueOrNull("t"))), instance, t);
    }

    /** Parses an ARC-Message-Signature (RFC 8617 §4.1.2). */
    public static ArcFieldParse<ArcMessageSignature> parseMessageSignature(HeaderField field) {
        TagListParse parsed = TagListParser.parse(field.value());
        if (!parsed.isOk()) {
            return ArcFieldParse.error(field, -1, null, ArcReason.AMS_SYNTAX,
                    "ARC-Message-Signature tag list syntax error: " + parsed.error().orElse(""));
        }
        TagList t = parsed.list();
        int instance = instance(t.valueOrNull("i"));
        if (instance <= 0) {
            return ArcFieldParse.error(field, -1, t, ArcReason.INVALID_INSTANCE,
                    "ARC-Message-Signature " + instanceProblem(t));
        }
        String where = "ARC-Message-Signature i=" + instance + ": ";
        for (String tag : AMS_REQUIRED) {
            if (!t.has(tag)) {
                return ArcFieldParse.error(field, instance, t, ArcReason.AMS_SYNTAX, where + "missing required tag " + tag + "=");
            }
        }
        SignatureAlgorithm algorithm = SignatureAlgorithm.fromTagName(t.valueOrNull("a"));
        if (algorithm == null) {
            return ArcFieldParse.error(field, instance, t, ArcReason.UNSUPPORTED_ALGORITHM,
                    where + "unsupported algorithm a=" + t.valueOrNull("a"));
        }
        byte[] signature = SignatureTags.base64(t.valueOrNull("b"));
        byte[] bodyHash = SignatureTags.base64(t.valueOrNull("bh"));
        Canonicalization[] c = canonicalization(t.value("c").orElse("simple/simple"));
        List<String> headers = SignatureTags.headerList(t.valueOrNull("h"));
        long bodyLength = SignatureTags.decimal(t.valueOrNull("l"));
        String problem = signature == null || signature.length == 0 ? "b= is not valid base64"
                : bodyHash == null || bodyHash.length == 0 ? "bh= is not valid base64"
                : c == null ? "unsupported canonicalization c=" + t.valueOrNull("c")
                : headers == null ? "h= is not a list of header field names"
                : bodyLength == -2 ? "l= is not a decimal number"
                : t.has("q") && !supportsDnsTxt(t.valueOrNull("q")) ? "unsupported query method q=" + t.valueOrNull("q")
                : commonProblem(t);
        if (problem != null) {
            return ArcFieldParse.error(field, instance, t, ArcReason.AMS_SYNTAX, where + problem);
        }
        return ArcFieldParse.ok(field, new ArcMessageSignature(field, t, instance, algorithm, signature, bodyHash,
                c[0], c[1], SignatureTags.aLabels(t.valueOrNull("d")), SignatureTags.aLabels(t.valueOrNull("s")),
                List.copyOf(headers), bodyLength,
                SignatureTags.decimal(t.valueOrNull("t"))), instance, t);
    }

    /** Parses an ARC-Authentication-Results (RFC 8617 §4.1.1): the {@code i=N;} prefix is required. */
    public static ArcFieldParse<ArcAuthenticationResults> parseAuthenticationResults(HeaderField field) {
        Matcher m = AAR_PREFIX.matcher(field.value());
        if (!m.matches()) {
            return ArcFieldParse.error(field, -1, null, ArcReason.AAR_SYNTAX,
                    "ARC-Authentication-Results does not start with i=<instance>;");
        }
        int instance = instance(m.group(1));
        if (instance <= 0) {
            return ArcFieldParse.error(field, -1, null, ArcReason.INVALID_INSTANCE,
                    "ARC-Authentication-Results i=" + m.group(1) + " is not an instance number");
        }
        String payload = m.group(2);
        AuthResultsParse<dev.inkan.authres.AuthenticationResults> results = AuthResultsParser.parse(payload);
        return ArcFieldParse.ok(field, new ArcAuthenticationResults(field, instance, payload,
                results.value().orElse(null), results.error().orElse(null)), instance, null);
    }

    /** The field text (without CRLF) with the b= value removed (RFC 6376 §3.7, RFC 8617 §5.1.1). */
    static String withoutSignature(HeaderField field, TagList tags) {
        String text = field.text();
        return text.substring(0, text.length() - tags.text().length()) + tags.withValueRemoved("b");
    }

    /** RFC 8617 §3.9 position: digits, at least 1; -1 otherwise. Values above 50 are kept for the limit check. */
    static int instance(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_INSTANCE_DIGITS
                || !Octets.allDigits(value)) {
            return -1;
        }
        int n = Integer.parseInt(value);
        return n >= 1 ? n : -1;
    }

    private static String instanceProblem(TagList t) {
        return t.has("i") ? "i=" + t.valueOrNull("i") + " is not an instance number" : "has no i= tag";
    }

    /**
     * The d=, s= and t= checks shared by AMS and AS; null when they pass. U-labels in d= and s= (RFC 8616 §4, which
     * ARC imports with the DKIM-Signature syntax, RFC 8617 §4.1.2) stand for their A-labels.
     */
    private static String commonProblem(TagList t) {
        if (!SignatureTags.isDomainName(SignatureTags.aLabels(t.valueOrNull("d")))) {
            return "d= is not a domain name";
        }
        if (!SignatureTags.isDomainName(SignatureTags.aLabels(t.valueOrNull("s")))) {
            return "s= is not a valid selector";
        }
        if (SignatureTags.decimal(t.valueOrNull("t")) == -2) {
            return "t= is not a decimal number";
        }
        if (SignatureTags.decimal(t.valueOrNull("x")) == -2) {
            return "x= is not a decimal number";
        }
        return null;
    }

    /** "header/body" or "header" (body simple); null when unknown (RFC 6376 §3.5 c=). */
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

    private static boolean supportsDnsTxt(String q) {
        for (String method : q.split(":")) {
            if (method.strip().toLowerCase(Locale.ROOT).equals("dns/txt")) {
                return true;
            }
        }
        return false;
    }
}
