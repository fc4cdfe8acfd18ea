package dev.inkan.dkim;

import java.util.Optional;

/**
 * The outcome of validating one DKIM-Signature field (RFC 6376 §6.1.1): the signature, or why it was
 * ignored. {@code domain}, {@code selector} and {@code algorithm} are kept when readable so the
 * Authentication-Results entry of a broken signature still says whose it was.
 */
public record DkimSignatureParse(DkimSignature signature, DkimReason reason, String detail,
        String domain, String selector, String algorithm, String identity, String signatureValue) {

    static DkimSignatureParse ok(DkimSignature signature) {
        return new DkimSignatureParse(signature, null, null, signature.domain(), signature.selector(),
                signature.algorithm().tagName(), signature.identity(), signature.tags().valueOrNull("b"));
    }

    public Optional<DkimSignature> valid() {
        return Optional.ofNullable(signature);
    }
}
