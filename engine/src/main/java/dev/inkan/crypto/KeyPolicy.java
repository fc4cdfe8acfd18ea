package dev.inkan.crypto;

import java.util.Optional;

/**
 * Which signature algorithms and key sizes a verifier accepts (RFC 8301), shared by DKIM and ARC:
 * rsa-sha1 refused unless allowed (§3.1), RSA keys under the minimum refused (§3.2: 1024 bits), and a
 * maximum that bounds the cost of one verification.
 *
 * @param minRsaBits smallest RSA key accepted
 * @param maxRsaBits largest RSA key accepted
 * @param allowSha1 accept rsa-sha1
 */
public record KeyPolicy(int minRsaBits, int maxRsaBits, boolean allowSha1) {

    /** RFC 8301: rsa-sha1 refused, RSA from 1024 bits, at most 8192. */
    public static final KeyPolicy RFC8301 = new KeyPolicy(1024, 8192, false);

    /** For archives and old corpora: RSA from 512 bits and rsa-sha1, as RFC 6376 §3.3.3 allowed. */
    public static final KeyPolicy LEGACY = new KeyPolicy(512, 8192, true);

    /** Why a signature is refused by this policy. */
    public enum Violation {
        SHA1_REFUSED,
        KEY_TOO_SHORT,
        KEY_TOO_LONG
    }

    /** A refusal with its human detail, e.g. "RSA key of 512 bits is below the 1024-bit minimum (RFC 8301 §3.2)". */
    public record Refusal(Violation violation, String detail) {
    }

    public KeyPolicy {
        if (minRsaBits < 512) {
            throw new IllegalArgumentException("minimum RSA key size below 512 bits is not supported");
        }
        if (maxRsaBits < minRsaBits) {
            throw new IllegalArgumentException("minimum RSA key size " + minRsaBits + " is above the maximum " + maxRsaBits);
        }
    }

    public KeyPolicy withMinRsaBits(int bits) {
        return new KeyPolicy(bits, Math.max(bits, maxRsaBits), allowSha1);
    }

    public KeyPolicy withMaxRsaBits(int bits) {
        return new KeyPolicy(minRsaBits, bits, allowSha1);
    }

    public KeyPolicy withAllowSha1(boolean allow) {
        return new KeyPolicy(minRsaBits, maxRsaBits, allow);
    }

    /** RFC 8301 §3.1: empty when {@code algorithm} is accepted. */
    public Optional<Refusal> check(SignatureAlgorithm algorithm) {
        if (algorithm.hash() == HashAlgorithm.SHA1 && !allowSha1) {
            return Optional.of(new Refusal(Violation.SHA1_REFUSED, "rsa-sha1 is not accepted (RFC 8301 §3.1)"));
        }
        return Optional.empty();
    }

    /** RFC 8301 §3.2: empty when {@code key}'s size is accepted (Ed25519 always is). */
    public Optional<Refusal> check(VerifyingKey key) {
        if (key.type() == KeyType.RSA && key.bits() < minRsaBits) {
            return Optional.of(new Refusal(Violation.KEY_TOO_SHORT, "RSA key of " + key.bits() + " bits is below the "
                    + minRsaBits + "-bit minimum (RFC 8301 §3.2)"));
        }
        if (key.type() == KeyType.RSA && key.bits() > maxRsaBits) {
            return Optional.of(new Refusal(Violation.KEY_TOO_LONG, "RSA key of " + key.bits() + " bits is above the "
                    + maxRsaBits + "-bit maximum"));
        }
        return Optional.empty();
    }
}
