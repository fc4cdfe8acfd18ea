package dev.inkan.dkim;

import dev.inkan.crypto.SignatureAlgorithm;
import dev.inkan.crypto.SigningKey;
import dev.inkan.message.Canonicalization;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The signing options shared by every signature a configured signer makes, whatever key a message gets:
 * canonicalization, header list, oversigning, x=, l= and t=. {@link #specFor} turns them into a
 * {@link DkimSigningSpec} for one key.
 *
 * @param headers the fields to sign, or null for {@link DkimSigningSpec#DEFAULT_HEADERS}
 * @param expiration x= after t=, or null for none
 */
public record DkimSigningOptions(Canonicalization headerCanonicalization, Canonicalization bodyCanonicalization,
        List<String> headers, Set<String> oversign, Duration expiration, boolean bodyLengthTag, boolean timestamp) {

    public DkimSigningOptions {
        Objects.requireNonNull(headerCanonicalization, "headerCanonicalization");
        Objects.requireNonNull(bodyCanonicalization, "bodyCanonicalization");
        headers = headers == null ? null : List.copyOf(headers);
        oversign = Set.copyOf(oversign);
    }

    /** relaxed/relaxed, the default header list, From oversigned, t= on, no x=, no l=. */
    public static DkimSigningOptions defaults() {
        return new DkimSigningOptions(Canonicalization.RELAXED, Canonicalization.RELAXED, null, Set.of("from"), null,
                false, true);
    }

    /**
     * The spec for one key.
     *
     * @param algorithm the a= to use, or null for the key type's default
     * @param identity i=, or null
     * @throws IllegalArgumentException when the key, domain or identity cannot sign (the message says why)
     */
    public DkimSigningSpec specFor(SigningKey key, String domain, String selector, SignatureAlgorithm algorithm,
            String identity) {
        DkimSigningSpec.Builder b = DkimSigningSpec.builder(key, domain, selector)
                .canonicalization(headerCanonicalization, bodyCanonicalization)
                .oversign(oversign).expiration(expiration).identity(identity)
                .bodyLengthTag(bodyLengthTag).timestamp(timestamp);
        if (headers != null) {
            b.headers(headers);
        }
        if (algorithm != null) {
            b.algorithm(algorithm);
        }
        return b.build();
    }
}
