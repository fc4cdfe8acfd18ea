package dev.inkan.spf;

import dev.inkan.net.IpLiteral;
import java.util.Arrays;

/**
 * The eight mechanisms of RFC 7208 §5, parsed. A {@code domainSpec} of null means the mechanism names
 * no domain and uses the current &lt;domain&gt; (§4.8). Prefix lengths are already checked against their
 * ranges (§5.6: 0-32 for IPv4, 0-128 for IPv6); an absent one is the full length (32 or 128).
 */
public sealed interface SpfMechanism {

    /** Whether evaluating this mechanism queries DNS, and so counts against the limit of 10 (§4.6.4). */
    default boolean queriesDns() {
        return !(this instanceof All || this instanceof Ip4 || this instanceof Ip6);
    }

    /** §5.1 {@code all}: always matches. */
    record All() implements SpfMechanism {
    }

    /** §5.2 {@code include:domain-spec}: matches when check_host() of the target passes. */
    record Include(SpfMacroString domainSpec) implements SpfMechanism {
    }

    /**
     * §5.3 {@code a[:domain-spec][/ip4-cidr][//ip6-cidr]}: matches when the client is one of the target's
     * addresses (A for IPv4 clients, AAAA for IPv6), compared on the prefix length of its family.
     */
    record A(SpfMacroString domainSpec, int ip4Prefix, int ip6Prefix) implements SpfMechanism {
    }

    /** §5.4 {@code mx[:domain-spec][/ip4-cidr][//ip6-cidr]}: as {@code a}, for the target's MX hosts. */
    record Mx(SpfMacroString domainSpec, int ip4Prefix, int ip6Prefix) implements SpfMechanism {
    }

    /** §5.5 {@code ptr[:domain-spec]}: a validated PTR name of the client is the target or below it. */
    record Ptr(SpfMacroString domainSpec) implements SpfMechanism {
    }

    /** §5.6 {@code ip4:ip4-network[/ip4-cidr]}: the network's 4 octets and prefix length. */
    record Ip4(byte[] network, int prefix) implements SpfMechanism {
        @Override
        public boolean equals(Object other) {
            return other instanceof Ip4 that && prefix == that.prefix && Arrays.equals(network, that.network);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(network) + prefix;
        }

        @Override
        public String toString() {
            return "Ip4[" + IpLiteral.format(IpLiteral.fromOctets(network)) + "/" + prefix + "]";
        }
    }

    /** §5.6 {@code ip6:ip6-network[/ip6-cidr]}: the network's 16 octets and prefix length. */
    record Ip6(byte[] network, int prefix) implements SpfMechanism {
        @Override
        public boolean equals(Object other) {
            return other instanceof Ip6 that && prefix == that.prefix && Arrays.equals(network, that.network);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(network) + prefix;
        }

        @Override
        public String toString() {
            return "Ip6[" + IpLiteral.format(IpLiteral.fromOctets(network)) + "/" + prefix + "]";
        }
    }

    /** §5.7 {@code exists:domain-spec}: the target has an A record (whatever the client's family). */
    record Exists(SpfMacroString domainSpec) implements SpfMechanism {
    }
}
