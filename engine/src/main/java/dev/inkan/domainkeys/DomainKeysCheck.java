package dev.inkan.domainkeys;

import dev.inkan.crypto.HashAlgorithm;
import dev.inkan.crypto.KeyType;
import dev.inkan.crypto.RsaVerifyingKey;
import dev.inkan.crypto.VerifyingKey;
import dev.inkan.crypto.VerifyingKeyCache;
import dev.inkan.dns.DnsResolver;
import dev.inkan.keyrecord.KeyRecord;
import dev.inkan.keyrecord.KeyRecordCache;
import dev.inkan.keyrecord.KeyRecordLookup;
import dev.inkan.keyrecord.KeyRecordParse;
import dev.inkan.message.BodyHash;
import dev.inkan.message.BodyHashKey;
import dev.inkan.message.BodyHashRequester;
import dev.inkan.message.HeaderBlock;
import dev.inkan.message.HeaderField;
import dev.inkan.message.ScannedMessage;
import dev.inkan.tagvalue.TagListParse;
import dev.inkan.tagvalue.TagListParser;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DomainKeys verification of one message. As a {@link BodyHashRequester} it chooses the signature when the header
 * block is complete (RFC 4870 §3.7.3), builds that signature's canonical header lines and asks for the one
 * digest of those lines followed by the canonical body; after the scan {@link #verdict} fetches the key and
 * checks the signature.
 */
public final class DomainKeysCheck implements BodyHashRequester {

    private static final Logger LOG = LoggerFactory.getLogger(DomainKeysCheck.class);

    private final KeyRecordLookup keyRecords;
    private final VerifyingKeyCache keys;
    private SendingAddress sender;
    private int signatures;
    /** The chosen signature, or null. */
    private DomainKeySignature chosen;
    private BodyHashKey bodyKey;
    /** Why no signature could be chosen: the problem of the first field. */
    private DomainKeySignature.Parse firstProblem;
    private DomainKeysReason firstMismatch;
    private String firstMismatchDetail;
    private DomainKeySignature firstMismatchSignature;

    DomainKeysCheck(DnsResolver resolver, KeyRecordCache records, VerifyingKeyCache keys) {
        this.keyRecords = new KeyRecordLookup(resolver, records);
        this.keys = keys;
    }

    /** The DNS name of the chosen signature's key, known once {@link #bodyHashKeys} has run (for prefetching). */
    public Optional<String> keyName() {
        return chosen == null ? Optional.empty() : Optional.of(chosen.keyName());
    }

    @Override
    public Set<BodyHashKey> bodyHashKeys(HeaderBlock headers) {
        List<HeaderField> fields = headers.fields();
        sender = SendingAddress.of(headers).orElse(null);
        for (int i = 0; i < fields.size(); i++) {
            if (!fields.get(i).hasName(DomainKeySignature.FIELD)) {
                continue;
            }
            signatures++;
            DomainKeySignature.Parse parse = DomainKeySignature.parse(fields.get(i), i);
            if (parse.signature() == null) {
                if (firstProblem == null && firstMismatch == null) {
                    firstProblem = parse;
                }
                continue;
            }
            if (sender == null) {
                continue;
            }
            DomainKeySignature sig = parse.signature();
            DomainKeysReason mismatch = !sender.isCoveredBy(sig.domain()) ? DomainKeysReason.DOMAIN_MISMATCH
                    : sig.headers() != null && !sig.headers().contains(sender.header()) ? DomainKeysReason.SENDER_NOT_SIGNED
                    : null;
            if (mismatch != null) {
                if (firstProblem == null && firstMismatch == null) {
                    firstMismatch = mismatch;
                    firstMismatchSignature = sig;
                    firstMismatchDetail = mismatch == DomainKeysReason.DOMAIN_MISMATCH
                            ? "d=" + sig.domain() + " does not match the sending domain " + sender.domain() + " (" + sender.header() + ")"
                            : "h= does not list " + sender.header() + ", the header of the sending address";
                }
                continue;
            }
            chosen = sig; // rule 5: the earliest of the acceptable ones
            break;
        }
        if (chosen == null) {
            return Set.of();
        }
        List<HeaderField> after = fields.subList(chosen.position() + 1, fields.size());
        byte[] prefix = DomainKeysHeaders.canonical(DomainKeysHeaders.covered(after, chosen.headers()),
                chosen.canonicalization());
        bodyKey = BodyHashKey.withPrefix(chosen.canonicalization(), HashAlgorithm.SHA1, prefix);
        return Set.of(bodyKey);
    }

    /** The outcome; call after the scan. */
    public DomainKeysVerdict verdict(ScannedMessage message) {
        if (signatures == 0) {
            return DomainKeysVerdict.none(sender);
        }
        if (chosen == null) {
            if (sender == null) {
                return fail(DomainKeysReason.NO_SENDING_ADDRESS, null, firstProblem == null ? null
                        : firstProblem.domain(), firstProblem == null ? null : firstProblem.selector());
            }
            if (firstProblem != null) {
                return fail(firstProblem.problem(), firstProblem.detail(), firstProblem.domain(), firstProblem.selector());
            }
            return fail(firstMismatch, firstMismatchDetail, firstMismatchSignature.domain(),
                    firstMismatchSignature.selector());
        }
        try {
            return verify(message.bodyHash(bodyKey));
        } catch (RuntimeException e) {
            LOG.warn("DomainKeys verification of d={} s={} failed internally; reporting temperror", chosen.domain(),
                    chosen.selector(), e);
            return fail(DomainKeysReason.INTERNAL_ERROR, "internal error: " + e, chosen.domain(), chosen.selector());
        }
    }

    private DomainKeysVerdict verify(BodyHash digest) {
        KeyRecordParse keyParse = keyRecords.find(chosen.keyName());
        if (keyParse.record() == null) {
            return fail(DomainKeysReason.forKeyProblem(keyParse.problem()), keyParse.detail(), chosen.domain(),
                    chosen.selector());
        }
        KeyRecord record = keyParse.record();
        if (record.keyType() != KeyType.RSA) {
            return fail(DomainKeysReason.INAPPROPRIATE_KEY_ALGORITHM, "key k=" + record.keyTypeName()
                    + " is not rsa", chosen.domain(), chosen.selector());
        }
        if (record.revoked()) {
            return fail(DomainKeysReason.KEY_REVOKED, null, chosen.domain(), chosen.selector());
        }
        String granularity = granularity(record);
        if (!granularity.isEmpty() && !granularity.equals(sender.localPart())) {
            // RFC 4870 §3.2.3: g= "MUST exactly match the local part"; no wildcard (that came with RFC 4871's DKIM)
            return fail(DomainKeysReason.GRANULARITY_MISMATCH, "key g=" + granularity + " does not match the local "
                    + "part of " + sender.address(), chosen.domain(), chosen.selector());
        }
        VerifyingKey key;
        try {
            key = keys.get(KeyType.RSA, record.keyData());
        } catch (InvalidKeyException e) {
            return fail(DomainKeysReason.KEY_INVALID, e.getMessage(), chosen.domain(), chosen.selector());
        }
        boolean ok = ((RsaVerifyingKey) key).verifyDigest(HashAlgorithm.SHA1, digest.digest(), chosen.signature());
        String about = "rsa-sha1, " + key.bits() + "-bit key, s=" + chosen.selector()
                + (record.testing() ? ", key in testing mode (t=y)" : "");
        if (!ok) {
            return new DomainKeysVerdict(DomainKeysResult.FAIL, DomainKeysReason.SIGNATURE_MISMATCH,
                    DomainKeysReason.SIGNATURE_MISMATCH.text() + "; " + about, chosen.domain(), chosen.selector(),
                    sender, key.bits(), record.testing(), signatures, false);
        }
        return new DomainKeysVerdict(DomainKeysResult.PASS, null, about, chosen.domain(), chosen.selector(), sender,
                key.bits(), record.testing(), signatures, !granularity.isEmpty());
    }

    /** The key's g= (RFC 4870 §3.2.3), empty when absent or empty. DKIM's key parser ignores it, so it is read here. */
    static String granularity(KeyRecord record) {
        TagListParse tags = TagListParser.parse(record.text());
        return tags.isOk() ? tags.list().value("g").orElse("") : "";
    }

    private DomainKeysVerdict fail(DomainKeysReason reason, String detail, String domain, String selector) {
        String comment = detail == null || detail.isEmpty() ? reason.text() : detail;
        return new DomainKeysVerdict(reason.result(), reason, comment, domain, selector, sender, 0, false, signatures,
                false);
    }
}
