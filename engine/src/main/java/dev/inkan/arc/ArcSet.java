package dev.inkan.arc;

/**
 * The three fields of one instance (RFC 8617 §4.2), each present exactly once; their contents may still be
 * unusable (checked when that signature is verified).
 */
record ArcSet(int instance, ArcFieldParse<ArcAuthenticationResults> results,
        ArcFieldParse<ArcMessageSignature> signature, ArcFieldParse<ArcSeal> seal) {
}
