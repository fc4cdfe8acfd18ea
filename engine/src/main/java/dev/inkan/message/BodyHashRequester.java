package dev.inkan.message;

import java.util.Collection;

/**
 * Told the header block once it is complete, answers which body digests it needs. DKIM and ARC verifiers
 * request one key per signature found; signers request one per signature they will make.
 */
@FunctionalInterface
public interface BodyHashRequester {

    Collection<BodyHashKey> bodyHashKeys(HeaderBlock headers);
}
