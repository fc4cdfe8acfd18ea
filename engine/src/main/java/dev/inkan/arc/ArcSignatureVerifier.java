package dev.inkan.arc;

import dev.inkan.crypto.KeyPolicy;
import dev.inkan.crypto.SignatureAlgorithm;
import dev.inkan.crypto.VerifyingKey;
import dev.inkan.crypto.VerifyingKeyCache;
import dev.inkan.keyrecord.KeyRecord;
import dev.inkan.keyrecord.KeyRecordLookup;
import dev.inkan.keyrecord.KeyRecordParse;
import dev.inkan.keyrecord.KeyRecordProblem;
import java.security.InvalidKeyException;
import java.util.Optional;

/**
 * Verifies one AMS or AS signature over prepared data: RFC 8301 policy, the key record at s._domainkey.d
 * (RFC 8617 §4.1.2, §4.1.3) and the cryptography. Every problem is a failure (RFC 8617 §5.2.1).
 */
final class ArcSignatureVerifier {

    private final ArcValidatorConfig config;
    private final KeyRecordLookup records;
    private final VerifyingKeyCache keys;

    ArcSignatureVerifier(ArcValidatorConfig config, KeyRecordLookup records, VerifyingKeyCache keys) {
        this.config = config;
        this.records = records;
        this.keys = keys;
    }

    /**
     * @param where the field named in details, e.g. "ARC-Seal i=2"
     * @param mismatch the reason when the signature does not verify
     * @return null when the signature verifies, else why not
     */
    ArcFailure verify(String where, SignatureAlgorithm algorithm, String domain, String selector, byte[] data,
            byte[] signature, ArcReason mismatch) {
        Optional<KeyPolicy.Refusal> refusedAlgorithm = config.keyPolicy().check(algorithm);
        if (refusedAlgorithm.isPresent()) {
            return new ArcFailure(ArcReason.SHA1_REFUSED, where + ": " + refusedAlgorithm.get().detail());
        }
        String name = KeyRecordLookup.keyName(selector, domain);
        KeyRecordParse found = records.find(name);
        if (found.record() == null) {
            return keyFailure(where, name, found.problem(), found.detail());
        }
        KeyRecord record = found.record();
        KeyRecordProblem problem = record.problemFor(algorithm);
        if (problem != null) {
            return keyFailure(where, name, problem, record.detailFor(problem, algorithm));
        }
        VerifyingKey key;
        try {
            key = keys.get(record.keyType(), record.keyData());
        } catch (InvalidKeyException e) {
            return keyFailure(where, name, KeyRecordProblem.INVALID_KEY, e.getMessage());
        }
        Optional<KeyPolicy.Refusal> refusedKey = config.keyPolicy().check(key);
        if (refusedKey.isPresent()) {
            ArcReason reason = refusedKey.get().violation() == KeyPolicy.Violation.KEY_TOO_SHORT ? ArcReason.KEY_TOO_SHORT
                    : ArcReason.KEY_TOO_LONG;
            return new ArcFailure(reason, where + ": " + refusedKey.get().detail());
        }
        if (!key.verify(algorithm.hash(), data, signature)) {
            return new ArcFailure(mismatch, where + ": signature did not verify");
        }
        return null;
    }

    private static ArcFailure keyFailure(String where, String name, KeyRecordProblem problem, String detail) {
        ArcReason reason = switch (problem) {
            case NOT_FOUND -> ArcReason.NO_KEY;
            case UNAVAILABLE -> ArcReason.KEY_UNAVAILABLE;
            case REVOKED -> ArcReason.KEY_REVOKED;
            default -> ArcReason.KEY_UNUSABLE;
        };
        String text = detail == null || detail.isEmpty() ? problem.text() + " at " + name : detail;
        return new ArcFailure(reason, where + ": " + text);
    }
}
