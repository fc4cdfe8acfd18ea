package dev.inkan.dkim;

import dev.inkan.crypto.SignatureAlgorithm;
import dev.inkan.message.BodyHashKey;
import dev.inkan.message.Canonicalization;
import dev.inkan.message.HeaderField;
import dev.inkan.tagvalue.TagList;
import java.util.List;

/**
 * A DKIM-Signature field whose tags passed RFC 6376 §6.1.1 validation.
 *
 * @param field the field as it appears in the message
 * @param tags the parsed tag list of the field's value
 * @param algorithm a=
 * @param signature b=, decoded
 * @param bodyHash bh=, decoded
 * @param headerCanonicalization c= header part
 * @param bodyCanonicalization c= body part
 * @param domain d=
 * @param signedHeaders h=, as written
 * @param identity i= decoded (default "@" + d)
 * @param bodyLength l=, or -1 when absent
 * @param selector s=
 * @param timestamp t= in epoch seconds, or -1 when absent
 * @param expiration x= in epoch seconds, or -1 when absent
 */
public record DkimSignature(
        HeaderField field,
        TagList tags,
        SignatureAlgorithm algorithm,
        byte[] signature,
        byte[] bodyHash,
        Canonicalization headerCanonicalization,
        Canonicalization bodyCanonicalization,
        String domain,
        List<String> signedHeaders,
        String identity,
        long bodyLength,
        String selector,
        long timestamp,
        long expiration) {

    /** The body digest this signature needs. */
    public BodyHashKey bodyHashKey() {
        return new BodyHashKey(bodyCanonicalization, algorithm.hash(), bodyLength);
    }

    /** The domain part of i=. */
    public String identityDomain() {
        return identity.substring(identity.lastIndexOf('@') + 1);
    }

    /** The DNS name of the key record: {@code s._domainkey.d} (RFC 6376 §3.6.2.1). */
    public String keyName() {
        return selector + "._domainkey." + domain;
    }

    /** The field text (without CRLF) with the b= value removed, as RFC 6376 §3.7 hashes it. */
    public String fieldWithoutSignature() {
        String fieldText = field.text();
        int valueOffset = fieldText.length() - tags.text().length();
        return fieldText.substring(0, valueOffset) + tags.withValueRemoved("b");
    }
}
