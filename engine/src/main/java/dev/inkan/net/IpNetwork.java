package dev.inkan.net;

import java.net.InetAddress;
import java.util.Optional;

/**
 * An address block written {@code 192.0.2.0/24}, {@code 2001:db8::/32} or a single address, parsed without
 * DNS. An IPv4-mapped IPv6 client matches IPv4 blocks (RFC 4291 §2.5.5.2), as {@link IpLiteral#normalize}.
 */
public record IpNetwork(byte[] network, int prefix) {

    /** The block {@code text} denotes, or empty when it is not an address or a valid prefix length. */
    public static Optional<IpNetwork> parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        byte[] octets = address.contains(":") ? IpLiteral.parseIp6(address) : IpLiteral.parseIp4(address);
        if (octets == null) {
            return Optional.empty();
        }
        int max = octets.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String digits = t.substring(slash + 1);
            if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(digits);
            if (prefix > max) {
                return Optional.empty();
            }
        }
        return Optional.of(new IpNetwork(octets, prefix));
    }

    public boolean contains(InetAddress address) {
        return IpLiteral.contains(network, prefix, IpLiteral.normalize(address));
    }
}
