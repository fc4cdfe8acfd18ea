package dev.inkan.message;

import java.util.List;

/**
 * The header data a DKIM or ARC signature covers (RFC 6376 §3.7, RFC 8617 §4.1.2): the fields its header
 * list selects, canonicalized, then the signature field itself with its b= value removed, canonicalized
 * without its final CRLF.
 */
public final class SignedHeaderData {

    private SignedHeaderData() {
    }

    /**
     * @param headers the message's header block
     * @param names the h= list
     * @param canonicalization header canonicalization
     * @param signatureWithoutB the signature field text (no CRLF) with the b= value already removed
     */
    public static byte[] build(HeaderBlock headers, List<String> names, Canonicalization canonicalization,
            String signatureWithoutB) {
        GrowableBytes out = new GrowableBytes(1024);
        for (HeaderField field : headers.select(names)) {
            HeaderCanonicalizer.append(field, canonicalization, out);
        }
        HeaderCanonicalizer.appendWithoutCrlf(new HeaderField(latin1(signatureWithoutB)), canonicalization, out);
        return out.toByteArray();
    }

    /**
     * The data of a signature over fields given in order rather than selected by name, as an ARC-Seal covers
     * the ARC sets (RFC 8617 §5.1.1): each field canonicalized, then the signature field without its b= value
     * and without its final CRLF.
     *
     * @param fields the covered fields, in hashing order
     * @param canonicalization header canonicalization
     * @param signatureWithoutB the signature field text (no CRLF) with the b= value already removed
     */
    public static byte[] build(List<HeaderField> fields, Canonicalization canonicalization, String signatureWithoutB) {
        GrowableBytes out = new GrowableBytes(1024);
        for (HeaderField field : fields) {
            HeaderCanonicalizer.append(field, canonicalization, out);
        }
        HeaderCanonicalizer.appendWithoutCrlf(new HeaderField(latin1(signatureWithoutB)), canonicalization, out);
        return out.toByteArray();
    }

    private static byte[] latin1(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
