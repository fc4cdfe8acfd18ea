package dev.inkan.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpNetworkTest {

    static boolean in(String network, String address) {
        return IpNetwork.parse(network).orElseThrow().contains(IpLiteral.parse(address).orElseThrow());
    }

    @Test
    void blocks_and_single_addresses() {
        assertThat(in("192.0.2.0/24", "192.0.2.77")).isTrue();
        assertThat(in("192.0.2.0/24", "192.0.3.1")).isFalse();
        assertThat(in("127.0.0.1", "127.0.0.1")).isTrue();
        assertThat(in("2001:db8::/32", "2001:db8:1::5")).isTrue();
        assertThat(in("::1", "::1")).isTrue();
        assertThat(in("127.0.0.0/8", "::ffff:127.0.0.5")).isTrue();
        assertThat(in("0.0.0.0/0", "203.0.113.9")).isTrue();
    }

    @Test
    void malformed_blocks_are_refused() {
        assertThat(IpNetwork.parse("192.0.2.0/33")).isEmpty();
        assertThat(IpNetwork.parse("192.0.2/24")).isEmpty();
        assertThat(IpNetwork.parse("example.com/24")).isEmpty();
        assertThat(IpNetwork.parse("10.0.0.0/")).isEmpty();
        assertThat(IpNetwork.parse("2001:db8::/129")).isEmpty();
    }
}
