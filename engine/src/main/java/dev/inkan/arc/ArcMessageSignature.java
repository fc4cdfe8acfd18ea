package dev.inkan.arc;

import dev.inkan.crypto.SignatureAlgorithm;
import dev.inkan.keyrecord.KeyRecordLookup;
import dev.inkan.message.BodyHashKey;
import dev.inkan.message.Canonicalization;
import dev.inkan.message.HeaderField;
import dev.inkan.tagvalue.TagList;
import java.util.List;

/**
 * An ARC-Message-Signature (RFC 8617 §4.1.2) whose tags are valid: a DKIM-Signature with the instance tag in
 * place of the AUID and no version tag.
 *
 * @param field the field as it appears in the message
 * @param tags the parsed tag list of the field's value (the instance tag included)
 * @param instance i=
 * @param algorithm a=
 * @param signature b=, decoded
 * @param bodyHash bh=, decoded
 * @param headerCanonicalization c= header part (simple when c= is absent, RFC 6376 §3.5)
 * @param bodyCanonicalization c= body part
 * @param domain d=
 * @param selector s=
 * @param signedHeaders h=, as written
 * @param bodyLength l=, or -1 when absent
 * @param timestamp t= in epoch seconds, or -1 when absent
 */
public record ArcMessageSignature(HeaderField field, TagList tags, int instance, SignatureAlgorithm algorithm,
        byte[] signature, byte[] bodyHash, Canonicalization headerCanonicalization,
        Canonicalization bodyCanonicalization, String domain, String selector, List<String> signedHeaders,
        long bodyLength, long timestamp) {

    /** The body digest this signature needs. */
    public BodyHashKey bodyHashKey() {
        return new BodyHashKey(bodyCanonicalization, algorithm.hash(), bodyLength);
    }

    /** The DNS name of the key record: {@code s._domainkey.d}. */
    public String keyName() {
        return KeyRecordLookup.keyName(selector, domain);
    }

    /** True when h= names ARC-Seal, which RFC 8617 §4.1.2 forbids. */
    public boolean signsSeal() {
        return signedHeaders.stream().anyMatch(h -> h.equalsIgnoreCase(ArcFieldParser.SEAL));
    }

    /** The field text (without CRLF) with the b= value removed, as RFC 6376 §3.7 hashes it. */
    public String fieldWithoutSignature() {
        return ArcFieldParser.withoutSignature(field, tags);
    }
}
