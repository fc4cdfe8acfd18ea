package dev.inkan.dkim;

import dev.inkan.crypto.HashAlgorithm;
import dev.inkan.crypto.KeyType;
import dev.inkan.crypto.VerifyingKey;
import dev.inkan.crypto.VerifyingKeyCache;
import dev.inkan.dns.DnsAnswer;
import dev.inkan.message.BodyHash;
import dev.inkan.message.BodyHashKey;
import dev.inkan.message.BodyHashRequester;
import dev.inkan.message.HeaderBlock;
import dev.inkan.message.HeaderField;
import dev.inkan.message.ScannedMessage;
import dev.inkan.message.SignedHeaderData;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DKIM verification of one message: as a {@link BodyHashRequester} it parses the DKIM-Signature fields
 * when the header block is complete and asks for their body digests; after the scan,
 * {@link #verdicts(ScannedMessage)} checks each signature (RFC 6376 §6.1). Signatures beyond the
 * configured cap are reported as policy, not checked.
 */
public final class DkimCheck implements BodyHashRequester {

    private static final Logger LOG = LoggerFactory.getLogger(DkimCheck.class);

    private final DkimVerifierConfig config;
    private final VerifyingKeyCache keys;
    private final KeyRecordCache records;
    private final List<HeaderField> fields = new ArrayList<>();
    private final List<DkimSignatureParse> parses = new ArrayList<>();

    DkimCheck(DkimVerifierConfig config, VerifyingKeyCache keys, KeyRecordCache records) {
        this.config = config;
        this.keys = keys;
        this.records = records;
    }

    @Override
    public Set<BodyHashKey> bodyHashKeys(HeaderBlock headers) {
        fields.addAll(headers.named("DKIM-Signature"));
        Set<BodyHashKey> wanted = new LinkedHashSet<>();
        for (int i = 0; i < fields.size() && i < config.maxSignatures(); i++) {
            DkimSignatureParse parse = DkimSignatureParser.parse(fields.get(i), config.acceptDraftSignatures());
            parses.add(parse);
            parse.valid().ifPresent(s -> wanted.add(s.bodyHashKey()));
        }
        return wanted;
    }

    /** One verdict per DKIM-Signature field, top to bottom; empty when the message is unsigned. */
    public List<DkimVerdict> verdicts(ScannedMessage message) {
        List<DkimVerdict> verdicts = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            if (i >= parses.size()) {
                DkimSignatureParse unread = DkimSignatureParser.parse(fields.get(i), config.acceptDraftSignatures());
                verdicts.add(verdict(unread, DkimReason.NOT_CHECKED,
                        "not checked: only the first " + config.maxSignatures() + " signatures are verified"));
                continue;
            }
            DkimSignatureParse parse = parses.get(i);
            if (parse.signature() == null) {
                verdicts.add(verdict(parse, parse.reason(), parse.detail()));
                continue;
            }
            try {
                verdicts.add(verify(parse.signature(), message));
            } catch (RuntimeException e) {
                LOG.warn("DKIM verification of d={} s={} failed internally; reporting temperror",
                        parse.domain(), parse.selector(), e);
                verdicts.add(verdict(parse, DkimReason.INTERNAL_ERROR, "internal error: " + e));
            }
        }
        return verdicts;
    }

    private DkimVerdict verify(DkimSignature sig, ScannedMessage message) {
        DkimSignatureParse parse = DkimSignatureParse.ok(sig);
        long now = config.clock().instant().getEpochSecond();
        if (sig.expiration() >= 0 && sig.expiration() < now) {
            return verdict(parse, DkimReason.EXPIRED, "signature expired at x=" + sig.expiration());
        }
        if (sig.timestamp() > now + config.clockSkew().getSeconds()) {
            return verdict(parse, DkimReason.TIMESTAMP_IN_FUTURE, "signature timestamp t=" + sig.timestamp()
                    + " is in the future");
        }
        if (sig.algorithm().hash() == HashAlgorithm.SHA1 && !config.allowSha1()) {
            return verdict(parse, DkimReason.SHA1_REFUSED, null);
        }
        DnsAnswer<String> answer = config.resolver().txt(sig.keyName());
        switch (answer.status()) {
            case TEMPFAIL:
                return verdict(parse, DkimReason.KEY_UNAVAILABLE, "key unavailable: " + sig.keyName() + " "
                        + answer.detail());
            case NXDOMAIN:
            case NO_DATA:
                return verdict(parse, DkimReason.NO_KEY, null);
            default:
                break;
        }
        DkimKeyRecordParse keyParse = firstUsable(answer.records());
        if (keyParse.record() == null) {
            return verdict(parse, keyParse.reason(), keyParse.detail());
        }
        return verifyWithKey(sig, parse, keyParse.record(), message);
    }

    /** RFC 6376 §6.1.2 step 4: of several records, the first that is a syntactically valid key record. */
    private DkimKeyRecordParse firstUsable(List<String> texts) {
        DkimKeyRecordParse first = null;
        for (String record : texts) {
            DkimKeyRecordParse p = records.parse(record);
            if (p.record() != null) {
                return p;
            }
            if (first == null) {
                first = p;
            }
        }
        return first;
    }

    private DkimVerdict verifyWithKey(DkimSignature sig, DkimSignatureParse parse, DkimKeyRecord record,
            ScannedMessage message) {
        DkimReason keyProblem = keyProblem(sig, record);
        if (keyProblem != null) {
            return verdict(parse, keyProblem, keyProblemDetail(keyProblem, sig, record));
        }
        VerifyingKey key;
        try {
            key = keys.get(record.keyType(), record.keyData());
        } catch (InvalidKeyException e) {
            return verdict(parse, DkimReason.KEY_INVALID, e.getMessage());
        }
        boolean rsa = key.type() == KeyType.RSA;
        if (rsa && key.bits() < config.minRsaBits()) {
            return withKey(verdict(parse, DkimReason.KEY_TOO_SHORT, "RSA key of " + key.bits()
                    + " bits is below the " + config.minRsaBits() + "-bit minimum"), key.bits(), record);
        }
        if (rsa && key.bits() > config.maxRsaBits()) {
            return withKey(verdict(parse, DkimReason.KEY_TOO_LONG, "RSA key of " + key.bits()
                    + " bits is above the " + config.maxRsaBits() + "-bit maximum"), key.bits(), record);
        }
        BodyHash body = message.bodyHash(sig.bodyHashKey());
        if (sig.bodyLength() >= 0 && sig.bodyLength() > body.canonicalLength()) {
            return withKey(verdict(parse, DkimReason.BODY_LENGTH_EXCEEDS_BODY, "l=" + sig.bodyLength()
                    + " is longer than the " + body.canonicalLength() + "-byte canonical body"), key.bits(), record);
        }
        if (!MessageDigest.isEqual(body.digest(), sig.bodyHash())) {
            return withKey(verdict(parse, DkimReason.BODY_HASH_MISMATCH, null), key.bits(), record);
        }
        byte[] data = SignedHeaderData.build(message.headers(), sig.signedHeaders(), sig.headerCanonicalization(),
                sig.fieldWithoutSignature());
        if (!key.verify(sig.algorithm().hash(), data, sig.signature())) {
            return withKey(verdict(parse, DkimReason.SIGNATURE_MISMATCH, null), key.bits(), record);
        }
        return pass(parse, key.bits(), record, body);
    }

    /** RFC 6376 §6.1.2 steps 6–8 and the t=s flag of §3.6.1. */
    private static DkimReason keyProblem(DkimSignature sig, DkimKeyRecord record) {
        if (record.keyType() == null || record.keyType() != sig.algorithm().keyType()) {
            return DkimReason.INAPPROPRIATE_KEY_ALGORITHM;
        }
        if (!record.allows(sig.algorithm().hash())) {
            return DkimReason.INAPPROPRIATE_HASH_ALGORITHM;
        }
        if (!record.isForEmail()) {
            return DkimReason.KEY_SERVICE_MISMATCH;
        }
        if (record.strictIdentity() && !sig.identityDomain().equalsIgnoreCase(sig.domain())) {
            return DkimReason.KEY_STRICT_IDENTITY;
        }
        if (record.revoked()) {
            return DkimReason.KEY_REVOKED;
        }
        return null;
    }

    private static String keyProblemDetail(DkimReason reason, DkimSignature sig, DkimKeyRecord record) {
        switch (reason) {
            case INAPPROPRIATE_KEY_ALGORITHM:
                return "inappropriate key algorithm: key k=" + record.keyTypeName() + ", signature a="
                        + sig.algorithm().tagName();
            case INAPPROPRIATE_HASH_ALGORITHM:
                return "inappropriate hash algorithm: key h=" + String.join(":", record.hashes());
            case KEY_SERVICE_MISMATCH:
                return "key is not for email: s=" + String.join(":", record.services());
            default:
                return null;
        }
    }

    private static DkimVerdict pass(DkimSignatureParse parse, int bits, DkimKeyRecord record, BodyHash body) {
        List<String> notes = new ArrayList<>();
        long unsigned = body.canonicalLength() - body.hashedLength();
        if (parse.signature().bodyLength() >= 0) {
            notes.add(unsigned > 0 ? "l=" + body.hashedLength() + ": " + unsigned + " unsigned body bytes follow"
                    : "l=" + body.hashedLength() + ": whole body signed");
        }
        if (record.testing()) {
            notes.add("key in testing mode (t=y)");
        }
        String comment = notes.isEmpty() ? null : String.join("; ", notes);
        return new DkimVerdict(DkimResult.PASS, null, comment, parse.domain(), identityOf(parse), parse.selector(),
                parse.algorithm(), clean(parse.signatureValue()), bits, record.testing(),
                parse.signature().bodyLength(), unsigned);
    }

    private static DkimVerdict withKey(DkimVerdict v, int bits, DkimKeyRecord record) {
        return new DkimVerdict(v.result(), v.reason(), v.comment(), v.domain(), v.identity(), v.selector(),
                v.algorithm(), v.signatureValue(), bits, record.testing(), v.bodyLength(), v.unsignedBodyBytes());
    }

    private static DkimVerdict verdict(DkimSignatureParse parse, DkimReason reason, String detail) {
        String comment = detail == null || detail.isEmpty() ? reason.text() : detail;
        long bodyLength = parse.signature() == null ? -1 : parse.signature().bodyLength();
        return new DkimVerdict(reason.result(), reason, comment, parse.domain(), identityOf(parse), parse.selector(),
                parse.algorithm(), clean(parse.signatureValue()), 0, false, bodyLength, 0);
    }

    /** header.i is reported only when the signature carries an i= tag. */
    private static String identityOf(DkimSignatureParse parse) {
        if (parse.signature() != null) {
            return parse.signature().tags().has("i") ? parse.signature().identity() : null;
        }
        return parse.identity();
    }

    private static String clean(String base64) {
        return base64 == null ? null : DkimSignatureParser.withoutFws(base64);
    }
}
