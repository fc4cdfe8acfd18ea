package dev.inkan.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * IP address literals, without any DNS (shared by SPF and the James skip lists): RFC 7208 §5.6's strict
 * dotted quad ({@code qnum}: no leading zeros), RFC 4291 §2.2 IPv6 text (with an embedded dotted quad), the RFC 5952
 * text of the {@code %{c}} macro and the dot format of {@code %{i}} (§7.3), and prefix matching (§5).
 *
 * <p>An IPv4-mapped IPv6 client ({@code ::ffff:192.0.2.1}) is an IPv4 client for SPF (RFC 7208 §5: "IPv4
 * <ip> addresses are only listed in an SPF record using the ip4 mechanism"; RFC 4291 §2.5.5.2); {@link
 * #normalize} turns it into the {@link Inet4Address}. An {@code ip6:} network is kept as its 16 octets even
 * when it is written as a mapped address, so it never matches an IPv4 client.
 */
public final class IpLiteral {

    private IpLiteral() {
    }

    /**
     * Parses a client address literal ({@code 192.0.2.1}, {@code 2001:db8::1}, {@code ::ffff:192.0.2.1}),
     * never resolving a name. The result is {@link #normalize normalized}: a mapped address is IPv4.
     */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        byte[] octets = text.indexOf(':') >= 0 ? parseIp6(text) : parseIp4(text);
        return octets == null ? Optional.empty() : Optional.of(normalize(fromOctets(octets)));
    }

    /** {@code address}, with an IPv4-mapped IPv6 address turned into its IPv4 address (RFC 7208 §5). */
    public static InetAddress normalize(InetAddress address) {
        byte[] octets = address.getAddress();
        if (octets.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (octets[i] != 0) {
                return address;
            }
        }
        if (octets[10] != (byte) 0xff || octets[11] != (byte) 0xff) {
            return address;
        }
        byte[] v4 = {octets[12], octets[13], octets[14], octets[15]};
        return fromOctets(v4);
    }

    /** The readable text of {@code address}: a dotted quad, or RFC 5952 IPv6 text (the {@code %{c}} macro). */
    public static String format(InetAddress address) {
        byte[] octets = normalize(address).getAddress();
        if (octets.length == 4) {
            return (octets[0] & 0xff) + "." + (octets[1] & 0xff) + "." + (octets[2] & 0xff) + "." + (octets[3] & 0xff);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((octets[2 * i] & 0xff) << 8) | (octets[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952 §4.2.2: "::" never shortens a single 16-bit 0 field
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
            i += length;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /**
     * The {@code %{i}} macro value (RFC 7208 §7.3): the dotted quad for IPv4; for IPv6 the 32 nibbles in
     * lower-case hexadecimal separated by dots, most significant first, as in the §7.4 example.
     */
    public static String dotFormat(InetAddress address) {
        byte[] octets = normalize(address).getAddress();
        if (octets.length == 4) {
            return format(address);
        }
        StringBuilder text = new StringBuilder(63);
        for (byte octet : octets) {
            if (text.length() > 0) {
                text.append('.');
            }
            text.append(Character.forDigit((octet >> 4) & 0xf, 16)).append('.').append(Character.forDigit(octet & 0xf, 16));
        }
        return text.toString();
    }

    /** The {@code %{v}} macro value (RFC 7208 §7.2): "in-addr" for IPv4, "ip6" for IPv6. */
    public static String reverseZoneLabel(InetAddress address) {
        return isIp4(address) ? "in-addr" : "ip6";
    }

    /** Whether {@code address} is an IPv4 client, counting IPv4-mapped IPv6 addresses as IPv4 (RFC 7208 §5). */
    public static boolean isIp4(InetAddress address) {
        return normalize(address).getAddress().length == 4;
    }

    /**
     * RFC 7208 §5.6 {@code ip4-network}: four {@code qnum} separated by dots, each 0 to 255 without leading
     * zeros. Returns the 4 octets, or null when {@code text} is not one.
     */
    public static byte[] parseIp4(String text) {
        // four dot-separated parts of 1-3 ASCII digits, no leading zero, each at most 255; read in one pass
        // (every mailet parses the client address James recorded)
        byte[] octets = new byte[4];
        int part = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != '.') {
                char c = text.charAt(i);
                if (c < '0' || c > '9' || i - start >= 3) {
                    return null;
                }
                continue;
            }
            int length = i - start;
            if (part == 4 || length == 0 || (length > 1 && text.charAt(start) == '0')) {
                return null;
            }
            int value = 0;
            for (int j = start; j < i; j++) {
                value = value * 10 + (text.charAt(j) - '0');
            }
            if (value > 255) {
                return null;
            }
            octets[part++] = (byte) value;
            start = i + 1;
        }
        return part == 4 ? octets : null;
    }

    /**
     * RFC 4291 §2.2 text: eight groups of 1 to 4 hexadecimal digits, at most one "::" for a run of zero
     * groups, optionally ending in a dotted quad for the low 32 bits. Returns the 16 octets, or null.
     */
    public static byte[] parseIp6(String text) {
        if (text.isEmpty() || text.length() > 45 || text.indexOf(":::") >= 0) {
            return null;
        }
        String body = text;
        boolean embeddedIp4 = false;
        int extra = 0;
        int lastColon = text.lastIndexOf(':');
        if (text.indexOf('.', lastColon) >= 0) {
            byte[] v4 = parseIp4(text.substring(lastColon + 1));
            if (v4 == null) {
                return null;
            }
            body = text.substring(0, lastColon + 1) + "0:0"; // placeholders for the low 32 bits
            embeddedIp4 = true;
            extra = ((v4[0] & 0xff) << 24) | ((v4[1] & 0xff) << 16) | ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        }
        int[] groups = groups(body);
        if (groups == null) {
            return null;
        }
        if (embeddedIp4) {
            groups[6] = extra >>> 16;
            groups[7] = extra & 0xffff;
        }
        byte[] octets = new byte[16];
        for (int i = 0; i < 8; i++) {
            octets[2 * i] = (byte) (groups[i] >> 8);
            octets[2 * i + 1] = (byte) groups[i];
        }
        return octets;
    }

    /** The eight 16-bit groups of RFC 4291 §2.2 text (hexadecimal, at most one "::"), or null. */
    private static int[] groups(String body) {
        int gap = body.indexOf("::");
        if (gap >= 0 && body.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String[] head = gap < 0 ? body.split(":", -1) : split(body.substring(0, gap));
        String[] tail = gap < 0 ? new String[0] : split(body.substring(gap + 2));
        if (gap < 0 ? head.length != 8 : head.length + tail.length > 7) {
            return null;
        }
        int[] groups = new int[8];
        for (int i = 0; i < head.length; i++) {
            if ((groups[i] = group(head[i])) < 0) {
                return null;
            }
        }
        for (int i = 0; i < tail.length; i++) {
            if ((groups[8 - tail.length + i] = group(tail[i])) < 0) {
                return null;
            }
        }
        return groups;
    }

    private static String[] split(String part) {
        return part.isEmpty() ? new String[0] : part.split(":", -1);
    }

    private static int group(String text) {
        if (text.isEmpty() || text.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0 || text.charAt(i) > 'f') {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /**
     * Whether the first {@code prefix} bits of {@code address} equal those of {@code network} (RFC 7208 §5);
     * addresses of another family never match.
     */
    public static boolean contains(byte[] network, int prefix, InetAddress address) {
        byte[] octets = normalize(address).getAddress();
        if (octets.length != network.length) {
            return false;
        }
        int fullOctets = prefix / 8;
        for (int i = 0; i < fullOctets; i++) {
            if (octets[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefix % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xff << (8 - remainingBits)) & 0xff;
        return (octets[fullOctets] & mask) == (network[fullOctets] & mask);
    }

    /**
     * An address object for raw octets, without any lookup. Four octets give an {@link Inet4Address};
     * sixteen an {@link Inet6Address}, kept as IPv6 even when IPv4-mapped.
     */
    public static InetAddress fromOctets(byte[] octets) {
        try {
            return octets.length == 16 ? Inet6Address.getByAddress(null, octets, -1) : InetAddress.getByAddress(octets);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an address has 4 or 16 octets, not " + octets.length, e);
        }
    }
}
