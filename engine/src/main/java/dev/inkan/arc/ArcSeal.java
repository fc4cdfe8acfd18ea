package dev.inkan.arc;

import dev.inkan.crypto.SignatureAlgorithm;
import dev.inkan.keyrecord.KeyRecordLookup;
import dev.inkan.message.HeaderField;
import dev.inkan.tagvalue.TagList;

/**
 * An ARC-Seal (RFC 8617 §4.1.3) whose tags are valid: like a DKIM-Signature without h=, bh=, c= and i= (AUID),
 * with the instance tag and the chain validation status cv=.
 *
 * @param field the field as it appears in the message
 * @param tags the parsed tag list of the field's value (the instance tag included)
 * @param instance i=
 * @param algorithm a=
 * @param signature b=, decoded
 * @param chainStatus cv=
 * @param domain d=
 * @param selector s=
 * @param timestamp t= in epoch seconds, or -1 when absent
 */
public record ArcSeal(HeaderField field, TagList tags, int instance, SignatureAlgorithm algorithm, byte[] signature,
        ArcResult chainStatus, String domain, String selector, long timestamp) {

    /** The DNS name of the key record: {@code s._domainkey.d}. */
    public String keyName() {
        return KeyRecordLookup.keyName(selector, domain);
    }

    /** The field text (without CRLF) with the b= value removed, as the seal hashes it (RFC 6376 §3.7). */
    public String fieldWithoutSignature() {
        return ArcFieldParser.withoutSignature(field, tags);
    }
}
