package dev.inkan.dkim;

import dev.inkan.crypto.HashAlgorithm;
import dev.inkan.crypto.KeyType;
import dev.inkan.crypto.SignatureAlgorithm;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.message.BodyHashKey;
import dev.inkan.message.Canonicalization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One signature to make: key, d=, s= and the signing options. Built with {@link #builder}; defaults are
 * rsa-sha256 or ed25519-sha256 by key type, relaxed/relaxed, the {@link #DEFAULT_HEADERS} present in the
 * message with From oversigned, t= on, no x=, no i=, no l=.
 */
public final class DkimSigningSpec {

    /**
     * The RFC 6376 §5.4.1 list of fields to sign when present, plus Message-ID and Content-Type, which that
     * section discusses as core content.
     */
    public static final List<String> DEFAULT_HEADERS = List.of("from", "reply-to", "subject", "date", "to", "cc",
            "resent-date", "resent-from", "resent-to", "resent-cc", "in-reply-to", "references", "list-id",
            "list-help", "list-unsubscribe", "list-subscribe", "list-post", "list-owner", "list-archive",
            "message-id", "content-type");

    private final SigningKey key;
    private final String domain;
    private final String selector;
    private final SignatureAlgorithm algorithm;
    private final Canonicalization headerCanonicalization;
    private final Canonicalization bodyCanonicalization;
    private final List<String> headers;
    private final Set<String> oversign;
    private final Duration expiration;
    private final String identity;
    private final boolean bodyLengthTag;
    private final boolean timestamp;

    private DkimSigningSpec(Builder b) {
        this.key = b.key;
        this.domain = b.domain;
        this.selector = b.selector;
        this.algorithm = b.algorithm != null ? b.algorithm : SignatureAlgorithm.defaultFor(b.key.type());
        this.headerCanonicalization = b.headerCanonicalization;
        this.bodyCanonicalization = b.bodyCanonicalization;
        this.headers = b.headers;
        this.oversign = b.oversign;
        this.expiration = b.expiration;
        this.identity = b.identity;
        this.bodyLengthTag = b.bodyLengthTag;
        this.timestamp = b.timestamp;
    }

    public static Builder builder(SigningKey key, String domain, String selector) {
        return new Builder(key, domain, selector);
    }

    public SigningKey key() {
        return key;
    }

    public String domain() {
        return domain;
    }

    public String selector() {
        return selector;
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    public Canonicalization headerCanonicalization() {
        return headerCanonicalization;
    }

    public Canonicalization bodyCanonicalization() {
        return bodyCanonicalization;
    }

    /** The configured header names, or null for {@link #DEFAULT_HEADERS}. */
    public List<String> headers() {
        return headers;
    }

    public Set<String> oversign() {
        return oversign;
    }

    public Duration expiration() {
        return expiration;
    }

    public String identity() {
        return identity;
    }

    public boolean bodyLengthTag() {
        return bodyLengthTag;
    }

    public boolean timestamp() {
        return timestamp;
    }

    BodyHashKey bodyHashKey() {
        return BodyHashKey.of(bodyCanonicalization, algorithm.hash());
    }

    public static final class Builder {
        private final SigningKey key;
        private final String domain;
        private final String selector;
        private SignatureAlgorithm algorithm;
        private Canonicalization headerCanonicalization = Canonicalization.RELAXED;
        private Canonicalization bodyCanonicalization = Canonicalization.RELAXED;
        private List<String> headers;
        private Set<String> oversign = Set.of("from");
        private Duration expiration;
        private String identity;
        private boolean bodyLengthTag;
        private boolean timestamp = true;

        private Builder(SigningKey key, String domain, String selector) {
            this.key = Objects.requireNonNull(key, "key");
            if (key.type() == KeyType.RSA && (key.bits() < SigningKeyGenerator.MIN_RSA_BITS
                    || key.bits() > SigningKeyGenerator.MAX_RSA_BITS)) {
                throw new IllegalArgumentException("an RSA key of " + key.bits() + " bits cannot sign: RFC 8301 §3.2"
                        + " requires at least 1024, and verifiers need only handle up to 4096");
            }
            this.domain = requireToken(domain, "domain");
            this.selector = requireToken(selector, "selector");
        }

        /** rsa-sha256 or ed25519-sha256; must match the key; rsa-sha1 is refused (RFC 8301 §3.1). */
        public Builder algorithm(SignatureAlgorithm algorithm) {
            if (algorithm.hash() == HashAlgorithm.SHA1) {
                throw new IllegalArgumentException("rsa-sha1 signing is not supported: RFC 8301 §3.1 forbids it");
            }
            if (algorithm.keyType() != key.type()) {
                throw new IllegalArgumentException("algorithm " + algorithm.tagName() + " needs a "
                        + algorithm.keyType().tagName() + " key, but the key is " + key.type().tagName());
            }
            this.algorithm = algorithm;
            return this;
        }

        public Builder canonicalization(Canonicalization header, Canonicalization body) {
            this.headerCanonicalization = Objects.requireNonNull(header);
            this.bodyCanonicalization = Objects.requireNonNull(body);
            return this;
        }

        /** The fields to sign (every instance present is signed); From is always added. */
        public Builder headers(List<String> names) {
            List<String> lower = new ArrayList<>();
            for (String n : names) {
                String name = n.strip().toLowerCase(Locale.ROOT);
                if (name.isEmpty() || name.contains(":") || name.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
                    throw new IllegalArgumentException("invalid header field name '" + n + "'");
                }
                if (!lower.contains(name)) {
                    lower.add(name);
                }
            }
            if (!lower.contains("from")) {
                lower.add(0, "from");
            }
            this.headers = List.copyOf(lower);
            return this;
        }

        /** Fields listed once more than present, so that adding one breaks the signature (RFC 6376 §8.15). */
        public Builder oversign(Set<String> names) {
            Set<String> lower = new LinkedHashSet<>();
            names.forEach(n -> lower.add(n.strip().toLowerCase(Locale.ROOT)));
            this.oversign = Set.copyOf(lower);
            return this;
        }

        /** Adds x= this long after t=. */
        public Builder expiration(Duration expiration) {
            if (expiration != null && (expiration.isNegative() || expiration.isZero())) {
                throw new IllegalArgumentException("expiration must be positive");
            }
            this.expiration = expiration;
            return this;
        }

        /** Adds i=; its domain must be d= or a subdomain (RFC 6376 §3.5). */
        public Builder identity(String identity) {
            if (identity != null) {
                int at = identity.lastIndexOf('@');
                if (at < 0 || !DkimSignatureParser.isSameOrSubdomain(identity.substring(at + 1), domain)) {
                    throw new IllegalArgumentException("identity " + identity + " must be user@" + domain
                            + " or @" + domain + " (or a subdomain)");
                }
            }
            this.identity = identity;
            return this;
        }

        /** Adds l= with the body length (RFC 6376 §8.2 explains why this is off by default). */
        public Builder bodyLengthTag(boolean on) {
            this.bodyLengthTag = on;
            return this;
        }

        public Builder timestamp(boolean on) {
            this.timestamp = on;
            return this;
        }

        public DkimSigningSpec build() {
            if (expiration != null && !timestamp) {
                throw new IllegalArgumentException("x= needs t=: enable the timestamp to set an expiration");
            }
            return new DkimSigningSpec(this);
        }

        private static String requireToken(String value, String what) {
            if (value == null || value.isBlank() || value.chars().anyMatch(c -> c <= 0x20 || c == ';' || c >= 0x7f)) {
                throw new IllegalArgumentException("invalid " + what + ": '" + value + "'");
            }
            return value.strip();
        }
    }
}
