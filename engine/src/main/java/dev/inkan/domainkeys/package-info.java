/**
 * DomainKeys (RFC 4870, historic): verification of {@code DomainKey-Signature} fields and signing, on the same
 * single pass over the message as DKIM ({@link dev.inkan.message.MessageSink}). DomainKeys is rsa-sha1 over
 * the canonical header lines and body in one digest, with keys that are often 512 or 768 bits: that is what
 * the protocol is, so such signatures are verified and the algorithm and key size are reported in the
 * result's comment instead of being refused (RFC 8301 speaks of DKIM, not of DomainKeys). Results use the
 * RFC 7601 §2.7.1 set ({@code domainkeys=pass|fail|neutral|policy|permerror|temperror|none}) with
 * {@code header.d} and {@code header.from} or {@code header.sender}, as registered.
 */
package dev.inkan.domainkeys;
