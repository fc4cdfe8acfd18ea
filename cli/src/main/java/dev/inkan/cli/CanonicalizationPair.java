package dev.inkan.cli;

import dev.inkan.message.Canonicalization;

/** The header and body canonicalizations of a c= tag (RFC 6376 §3.4). */
record CanonicalizationPair(Canonicalization header, Canonicalization body) {

    @Override
    public String toString() {
        return header.tagName() + "/" + body.tagName();
    }
}
