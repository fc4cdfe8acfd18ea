package dev.inkan.arc;

/** How a sealer writes the tags of its ARC-Message-Signature and ARC-Seal. Either validates the same. */
public enum ArcFieldLayout {
    /**
     * The instance tag first, as the ABNF of RFC 8617 §4.1.2 and §4.1.3 writes it ({@code instance ";" tag-list}),
     * then the tags in the order of the examples of RFC 8617 Appendix B, b= last; folded at 78 columns.
     */
    RFC8617,
    /**
     * The "standardized" form of the ValiMail ARC test suite (and dkimpy's {@code standardize=True}): tags in
     * alphabetical order, one space after each ';' and no other white space (no folding),
     * no trailing ';'. Lets a sealer reproduce the suite's
     * signatures byte for byte.
     */
    STANDARDIZED
}
