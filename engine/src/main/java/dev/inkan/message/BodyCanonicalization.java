package dev.inkan.message;

/**
 * A body canonicalization a {@link BodyHashKey} can ask for: DKIM's and ARC's ({@link Canonicalization}, RFC 6376
 * §3.4) or DomainKeys' ({@link DomainKeysCanonicalization}, RFC 4870 §3.4.2). Two types, so that a DKIM c= can
 * never name a DomainKeys algorithm nor the other way round.
 */
public sealed interface BodyCanonicalization permits Canonicalization, DomainKeysCanonicalization {

    /** The name in the c= tag. */
    String tagName();
}
