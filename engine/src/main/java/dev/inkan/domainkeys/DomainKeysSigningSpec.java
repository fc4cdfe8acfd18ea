package dev.inkan.domainkeys;

import dev.inkan.crypto.RsaSigningKey;
import dev.inkan.message.DomainKeysCanonicalization;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One DomainKeys signature to make (RFC 4870 §3.5).
 *
 * @param domain d=: the sending domain or a parent of it
 * @param selector s=
 * @param key the RSA private key (DomainKeys is rsa-sha1 only)
 * @param canonicalization {@link DomainKeysCanonicalization#NOFWS} (DKIMproxy's and dk-milter's usual choice) or
 *     {@link DomainKeysCanonicalization#SIMPLE}
 * @param headers the field names to sign, listed in h= in the order they occur; null signs every field and
 *     writes no h= (§3.3: "all headers subsequent to the signature header")
 */
public record DomainKeysSigningSpec(String domain, String selector, RsaSigningKey key,
        DomainKeysCanonicalization canonicalization, List<String> headers) {

    public DomainKeysSigningSpec {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(canonicalization, "canonicalization");
        domain = domain.toLowerCase(Locale.ROOT);
        headers = headers == null ? null : headers.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }
}
