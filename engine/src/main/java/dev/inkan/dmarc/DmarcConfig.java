package dev.inkan.dmarc;

import dev.inkan.dns.DnsResolver;
import dev.inkan.publicsuffix.PublicSuffixList;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Everything a {@link DmarcEvaluator} depends on, immutable. Presets: {@link #rfc9989(DnsResolver)} (the
 * default: DNS tree walk) and {@link #rfc7489(DnsResolver)} (Public Suffix List, {@code pct}); adjust with
 * {@link #toBuilder()} or start from {@link #builder(DnsResolver)}.
 */
public final class DmarcConfig {

    /** Default limit on author domains evaluated for one message (RFC 9989 §11.5). */
    public static final int DEFAULT_MAX_AUTHOR_DOMAINS = 5;

    /** What to do with a message whose From holds more than one domain (RFC 9989 §5.3.1, §11.5). */
    public enum MultipleAuthorDomains {
        /**
         * Evaluate each domain and let the strictest failing policy decide (RFC 9989 §11.5, RFC 7489 §6.6.1),
         * so that adding a second From domain cannot slip a spoofed one past its policy. The default.
         */
        EVALUATE_EACH,
        /** "DMARC validation is not possible" (RFC 9989 §5.3.1): permerror, no policy applied. */
        PERMERROR
    }

    private final DnsResolver resolver;
    private final DmarcMode mode;
    private final PublicSuffixList publicSuffixList;
    private final RandomGenerator random;
    private final MultipleAuthorDomains multipleAuthorDomains;
    private final int maxAuthorDomains;
    private final Set<String> trustedArcSealers;

    private DmarcConfig(Builder b) {
        this.resolver = Objects.requireNonNull(b.resolver, "resolver");
        this.mode = Objects.requireNonNull(b.mode, "mode");
        this.publicSuffixList = b.publicSuffixList != null ? b.publicSuffixList
                : mode == DmarcMode.RFC7489 ? PublicSuffixList.bundled() : null;
        this.random = Objects.requireNonNull(b.random, "random");
        this.multipleAuthorDomains = Objects.requireNonNull(b.multipleAuthorDomains, "multipleAuthorDomains");
        this.maxAuthorDomains = b.maxAuthorDomains;
        this.trustedArcSealers = Set.copyOf(b.trustedArcSealers);
    }

    /** RFC 9989: DNS tree walk; {@code np}, {@code psd}, {@code t}; {@code pct} ignored. */
    public static DmarcConfig rfc9989(DnsResolver resolver) {
        return builder(resolver).build();
    }

    /** RFC 7489: the bundled Public Suffix List; {@code pct}; {@code np}, {@code psd}, {@code t} ignored. */
    public static DmarcConfig rfc7489(DnsResolver resolver) {
        return builder(resolver).mode(DmarcMode.RFC7489).build();
    }

    /** RFC 9989 mode, a secure random source, several author domains each evaluated (at most 5), no ARC trust. */
    public static Builder builder(DnsResolver resolver) {
        return new Builder(resolver);
    }

    public Builder toBuilder() {
        Builder b = new Builder(resolver);
        b.mode = mode;
        b.publicSuffixList = publicSuffixList;
        b.random = random;
        b.multipleAuthorDomains = multipleAuthorDomains;
        b.maxAuthorDomains = maxAuthorDomains;
        b.trustedArcSealers.addAll(trustedArcSealers);
        return b;
    }

    public DnsResolver resolver() {
        return resolver;
    }

    public DmarcMode mode() {
        return mode;
    }

    /** The list of RFC 7489 mode (the bundled one unless configured); null in RFC 9989 mode unless set. */
    public PublicSuffixList publicSuffixList() {
        return publicSuffixList;
    }

    /**
     * The Organizational Domain of {@code domain} under this configuration's mode (RFC 9989 §4.10.2 tree walk over
     * the resolver, or RFC 7489 §3.2 Public Suffix List): what evaluation uses for alignment, and what reporting
     * uses to verify external destinations (RFC 9990 §4), without an evaluator.
     *
     * @throws IllegalArgumentException {@code domain} is not a domain name
     */
    public OrganizationalDomain organizationalDomain(String domain) {
        String name = DomainNames.normalise(domain)
                .orElseThrow(() -> new IllegalArgumentException("not a domain name: \"" + domain + "\""));
        OrganizationalDomains function = mode == DmarcMode.RFC9989
                ? OrganizationalDomains.treeWalk(new PolicyRecords(resolver))
                : OrganizationalDomains.publicSuffixList(publicSuffixList());
        return function.of(name);
    }

    /** The random source of RFC 7489 {@code pct} sampling (§6.6.4). */
    public RandomGenerator random() {
        return random;
    }

    public MultipleAuthorDomains multipleAuthorDomains() {
        return multipleAuthorDomains;
    }

    public int maxAuthorDomains() {
        return maxAuthorDomains;
    }

    /** ARC sealer domains whose passing chains override a DMARC failure (RFC 8617 §7.2); lower case. */
    public Set<String> trustedArcSealers() {
        return trustedArcSealers;
    }

    /** Configures a {@link DmarcConfig}; not thread-safe. */
    public static final class Builder {
        private final DnsResolver resolver;
        private DmarcMode mode = DmarcMode.RFC9989;
        private PublicSuffixList publicSuffixList;
        private RandomGenerator random = new SecureRandom();
        private MultipleAuthorDomains multipleAuthorDomains = MultipleAuthorDomains.EVALUATE_EACH;
        private int maxAuthorDomains = DEFAULT_MAX_AUTHOR_DOMAINS;
        private final Set<String> trustedArcSealers = new LinkedHashSet<>();

        private Builder(DnsResolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
        }

        public Builder mode(DmarcMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The Public Suffix List of RFC 7489 mode; the bundled snapshot when not set. */
        public Builder publicSuffixList(PublicSuffixList list) {
            this.publicSuffixList = Objects.requireNonNull(list, "list");
            return this;
        }

        /**
         * Loads the Public Suffix List of RFC 7489 mode from a file in the publicsuffix.org format.
         *
         * @throws IOException the file cannot be read
         * @throws IllegalArgumentException the file is not a Public Suffix List
         */
        public Builder publicSuffixListFile(Path file) throws IOException {
            return publicSuffixList(PublicSuffixList.load(file));
        }

        /**
         * The random source for RFC 7489 {@code pct} (§6.6.4: "(random mod 100) &lt; pct"); must be safe
         * to call from several threads if the evaluator is shared. Tests pass a fixed one.
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public Builder multipleAuthorDomains(MultipleAuthorDomains handling) {
            this.multipleAuthorDomains = Objects.requireNonNull(handling, "handling");
            return this;
        }

        /** At most this many author domains are evaluated; more is permerror (RFC 9989 §11.5). At least 1. */
        public Builder maxAuthorDomains(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxAuthorDomains must be at least 1, got " + max);
            }
            this.maxAuthorDomains = max;
            return this;
        }

        /**
         * Trusts these ARC sealers (their ARC-Seal {@code d=}): a DMARC failure of a message whose ARC chain
         * passes and whose oldest sealer (instance 1) is one of them gets disposition none, override {@link
         * PolicyOverride#TRUSTED_FORWARDER}.
         */
        public Builder trustedArcSealers(Set<String> sealers) {
            trustedArcSealers.clear();
            for (String sealer : sealers) {
                trustedArcSealers.add(DomainNames.normalise(sealer).orElseThrow(
                        () -> new IllegalArgumentException("not a domain name: \"" + sealer + "\"")));
            }
            return this;
        }

        public DmarcConfig build() {
            return new DmarcConfig(this);
        }
    }
}
