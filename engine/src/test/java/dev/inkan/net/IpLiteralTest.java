package dev.inkan.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Address literals without DNS (RFC 7208 §5.6, RFC 4291 §2.2, RFC 5952), mapped addresses and prefix matching. */
class IpLiteralTest {

    static InetAddress ip(String text) {
        return IpLiteral.parse(text).orElseThrow(() -> new AssertionError(text));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "192.0.2.1, 192.0.2.1", "0.0.0.0, 0.0.0.0", "255.255.255.255, 255.255.255.255", "10.0.100.9, 10.0.100.9",
        "2001:db8::1, 2001:db8::1", "2001:DB8:0:0:0:0:0:1, 2001:db8::1", "::, ::", "::1, ::1", "1::, 1::",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1", "2001:0:0:1::1, 2001:0:0:1::1", "2001:db8::1:0:0:1, 2001:db8::1:0:0:1",
        "::1.1.1.1, ::101:101", "CAFE:BABE::192.168.218.40, cafe:babe::c0a8:da28",
        "::ffff:1.2.3.4, 1.2.3.4", "::FFFF:1.2.3.4, 1.2.3.4", "0:0:0:0:0:ffff:c000:201, 192.0.2.1"})
    void parsesAndFormats(String literal, String formatted) {
        assertThat(IpLiteral.format(ip(literal))).isEqualTo(formatted);
    }

    @ParameterizedTest(name = "not a literal: \"{0}\"")
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.256", "1.2.3.-1", "a.b.c.d", "1.2.3.4 ",
        ":CAFE::BABE", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "1:2:3:4:5:6:7:", "::g", ":::",
        "::1.2.3", "example.com", "localhost", "fe80::1%eth0", "１.2.3.4", "1..2.3", ".1.2.3", "1.2.3.4.",
        "1234.1.1.1", "1.2.3.0004", "1.2.3.a", "1.2.3.4a", "00.1.2.3", "1.2.3.٣", "999.1.1.1"})
    void refusesNonLiteralsWithoutResolving(String text) {
        assertThat(IpLiteral.parse(text)).isEmpty();
    }

    @Test
    void mappedAddressesAreIpv4ButMappedNetworksStayIpv6() {
        assertThat(ip("::ffff:192.0.2.1")).isInstanceOf(Inet4Address.class);
        assertThat(IpLiteral.isIp4(ip("::ffff:192.0.2.1"))).isTrue();
        InetAddress mappedNetwork = IpLiteral.fromOctets(IpLiteral.parseIp6("::ffff:192.0.2.1"));
        assertThat(mappedNetwork).isInstanceOf(Inet6Address.class);
        assertThat(IpLiteral.contains(IpLiteral.parseIp6("::ffff:192.0.2.1"), 0, ip("192.0.2.1"))).isFalse();
        assertThat(IpLiteral.normalize(mappedNetwork)).isInstanceOf(Inet4Address.class);
    }

    @Test
    void macroForms() {
        assertThat(IpLiteral.dotFormat(ip("192.0.2.3"))).isEqualTo("192.0.2.3");
        assertThat(IpLiteral.dotFormat(ip("2001:db8::cb01")))
                .isEqualTo("2.0.0.1.0.d.b.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.c.b.0.1");
        assertThat(IpLiteral.reverseZoneLabel(ip("::ffff:1.2.3.4"))).isEqualTo("in-addr");
        assertThat(IpLiteral.reverseZoneLabel(ip("2001:db8::1"))).isEqualTo("ip6");
    }

    @ParameterizedTest(name = "{0}/{1} contains {2}: {3}")
    @CsvSource({
        "192.0.2.0, 24, 192.0.2.255, true", "192.0.2.0, 24, 192.0.3.0, false", "192.0.2.128, 25, 192.0.2.127, false",
        "192.0.2.128, 25, 192.0.2.200, true", "1.1.1.1, 0, 203.0.113.9, true", "192.0.2.1, 32, 192.0.2.1, true",
        "192.0.2.1, 32, 192.0.2.2, false", "192.0.2.0, 31, 192.0.2.1, true", "10.0.0.0, 7, 11.255.255.255, true",
        "10.0.0.0, 7, 12.0.0.0, false", "192.0.2.0, 24, ::ffff:192.0.2.9, true", "192.0.2.0, 0, 2001:db8::1, false",
        "2001:db8::, 32, 2001:db8:ffff::1, true", "2001:db8::, 33, 2001:db8:8000::1, false",
        "cafe:babe:8000::, 33, cafe:babe:8000::, true", "::1.1.1.1, 0, deaf:babe::cab:fee, true",
        "::1.1.1.1, 0, 1.2.3.4, false", "2001:db8::1, 128, 2001:db8::1, true", "2001:db8::1, 127, 2001:db8::, true",
        "2001:db8::1, 128, 2001:db8::, false"})
    void prefixMatching(String network, int prefix, String client, boolean contains) {
        byte[] octets = network.contains(":") ? IpLiteral.parseIp6(network) : IpLiteral.parseIp4(network);
        assertThat(IpLiteral.contains(octets, prefix, ip(client))).isEqualTo(contains);
    }
}
