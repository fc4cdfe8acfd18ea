package dev.inkan.arc;

import dev.inkan.crypto.KeyType;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.keytable.FixedKeySelector;
import dev.inkan.keytable.KeySelection;
import dev.inkan.keytable.SigningKeySelector;
import dev.inkan.message.AuthorAddresses;
import dev.inkan.message.Canonicalization;
import dev.inkan.message.HeaderBlock;
import dev.inkan.tagvalue.SignatureTags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an {@link ArcSealer} needs, immutable: our authserv-id, the key (one, or chosen per message), the fields
 * the AMS signs, its canonicalization, the clock for t= and the field layout.
 */
public final class ArcSealerConfig {

    /**
     * The fields an AMS signs when present: RFC 6376 §5.4.1's list with Message-ID and the MIME fields, and
     * DKIM-Signature, which RFC 8617 §4.1.2 says SHOULD be included.
     */
    public static final List<String> DEFAULT_HEADERS = List.of("from", "to", "cc", "subject", "date", "message-id",
            "reply-to", "in-reply-to", "references", "mime-version", "content-type", "content-transfer-encoding",
            "resent-date", "resent-from", "resent-to", "resent-cc", "list-id", "list-help", "list-unsubscribe",
            "list-subscribe", "list-post", "list-owner", "list-archive", "dkim-signature");

    /** Fields an AMS must not sign (RFC 8617 §4.1.2). */
    private static final List<String> FORBIDDEN = List.of("authentication-results", "arc-authentication-results",
            "arc-message-signature", "arc-seal");

    private final String authservId;
    private final Function<HeaderBlock, Optional<KeySelection>> keys;
    private final List<String> headers;
    private final Canonicalization headerCanonicalization;
    private final Canonicalization bodyCanonicalization;
    private final Clock clock;
    private final ArcFieldLayout layout;
    private final boolean timestamp;

    private ArcSealerConfig(Builder b) {
        this.authservId = b.authservId;
        this.keys = Objects.requireNonNull(b.keys, "a key or key selector is required");
        this.headers = b.headers;
        this.headerCanonicalization = b.headerCanonicalization;
        this.bodyCanonicalization = b.bodyCanonicalization;
        this.clock = b.clock;
        this.layout = b.layout;
        this.timestamp = b.timestamp;
    }

    /** @param authservId our authserv-id (RFC 8601 §2.5): the AAR's, and whose Authentication-Results it takes */
    public static Builder builder(String authservId) {
        return new Builder(authservId);
    }

    public String authservId() {
        return authservId;
    }

    /** The key for this message, if any. */
    public Optional<KeySelection> keyFor(HeaderBlock headers) {
        return keys.apply(headers);
    }

    public List<String> headers() {
        return headers;
    }

    public Canonicalization headerCanonicalization() {
        return headerCanonicalization;
    }

    public Canonicalization bodyCanonicalization() {
        return bodyCanonicalization;
    }

    public Clock clock() {
        return clock;
    }

    public ArcFieldLayout layout() {
        return layout;
    }

    public boolean timestamp() {
        return timestamp;
    }

    public static final class Builder {
        private final String authservId;
        private Function<HeaderBlock, Optional<KeySelection>> keys;
        private List<String> headers = DEFAULT_HEADERS;
        private Canonicalization headerCanonicalization = Canonicalization.RELAXED;
        private Canonicalization bodyCanonicalization = Canonicalization.RELAXED;
        private Clock clock = Clock.systemUTC();
        private ArcFieldLayout layout = ArcFieldLayout.RFC8617;
        private boolean timestamp = true;

        private Builder(String authservId) {
            if (authservId == null || authservId.isBlank()) {
                throw new IllegalArgumentException("an authserv-id is required");
            }
            this.authservId = authservId.strip();
        }

        /** One key seals every message (d= and s= from {@code key}; its i= is not used by ARC). */
        public Builder key(KeySelection key) {
            check(key);
            this.keys = headers -> Optional.of(key);
            return this;
        }

        /**
         * Several keys, one per sealing domain: the key whose d= is the domain of the message's first author
         * address, or a parent of it, seals; other messages (a forwarder seals mail from anywhere) get the first.
         */
        public Builder keys(List<KeySelection> keys) {
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("at least one key is needed");
            }
            keys.forEach(Builder::check);
            List<KeySelection> copy = List.copyOf(keys);
            FixedKeySelector byAuthor = new FixedKeySelector(copy, false);
            this.keys = headers -> {
                List<String> authors = AuthorAddresses.of(headers);
                Optional<KeySelection> own = authors.isEmpty() ? Optional.empty()
                        : byAuthor.choose(authors.get(0)).stream().findFirst();
                return Optional.of(own.orElse(copy.get(0)));
            };
            return this;
        }

        /**
         * Keys chosen per message from its first author address, e.g. an OpenDKIM-style key and signing table:
         * the first selection seals (RFC 8617 defines one set per instance and algorithm); messages it gives no
         * key for are not sealed.
         */
        public Builder keys(SigningKeySelector selector) {
            Objects.requireNonNull(selector, "selector");
            this.keys = headers -> {
                List<String> authors = AuthorAddresses.of(headers);
                if (authors.isEmpty()) {
                    return Optional.empty();
                }
                List<KeySelection> chosen = selector.choose(authors.get(0));
                chosen.forEach(Builder::check);
                return chosen.stream().findFirst();
            };
            return this;
        }

        /** Any other choice of key per message; an empty answer leaves the message unsealed. */
        public Builder keyChooser(Function<HeaderBlock, Optional<KeySelection>> chooser) {
            this.keys = Objects.requireNonNull(chooser, "chooser");
            return this;
        }

        /** The fields the AMS signs, every instance present; From is always added. ARC and A-R fields are refused. */
        public Builder headers(List<String> names) {
            List<String> lower = new ArrayList<>();
            for (String n : names) {
                String name = n.strip().toLowerCase(Locale.ROOT);
                if (name.isEmpty() || name.contains(":") || name.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
                    throw new IllegalArgumentException("invalid header field name '" + n + "'");
                }
                if (FORBIDDEN.contains(name)) {
                    throw new IllegalArgumentException(n + " must not be signed by an ARC-Message-Signature"
                            + " (RFC 8617 §4.1.2)");
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

        /** The AMS c= (the seal is always relaxed, RFC 8617 §4.1.3); relaxed/relaxed by default. */
        public Builder canonicalization(Canonicalization header, Canonicalization body) {
            this.headerCanonicalization = Objects.requireNonNull(header);
            this.bodyCanonicalization = Objects.requireNonNull(body);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder layout(ArcFieldLayout layout) {
            this.layout = Objects.requireNonNull(layout);
            return this;
        }

        /** Writes t= in the AMS and AS (on by default). */
        public Builder timestamp(boolean on) {
            this.timestamp = on;
            return this;
        }

        public ArcSealerConfig build() {
            return new ArcSealerConfig(this);
        }

        private static void check(KeySelection key) {
            Objects.requireNonNull(key, "key");
            if (!SignatureTags.isDomainName(key.domain()) || !SignatureTags.isDomainName(key.selector())) {
                throw new IllegalArgumentException("invalid sealing domain or selector: d=" + key.domain() + " s="
                        + key.selector());
            }
            if (key.key().type() == KeyType.RSA && (key.key().bits() < SigningKeyGenerator.MIN_RSA_BITS
                    || key.key().bits() > SigningKeyGenerator.MAX_RSA_BITS)) {
                throw new IllegalArgumentException("an RSA key of " + key.key().bits() + " bits cannot seal: RFC 8301"
                        + " §3.2 requires at least 1024, and validators need only handle up to 4096");
            }
        }
    }
}
