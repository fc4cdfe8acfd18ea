package dev.inkan.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The record helpers of {@link ScriptedResolver}: A, AAAA, MX, PTR, CNAME, raw TXT strings, type 99. */
class ScriptedResolverRecordsTest {

    @Test
    void addressMxPtrAndCnameRecords() throws Exception {
        ScriptedResolver dns = ScriptedResolver.empty()
                .a("mail.example.com", "192.0.2.1").a("mail.example.com", "192.0.2.2")
                .aaaa("mail.example.com", "2001:db8::1")
                .mx("example.com", 10, "mail.example.com").mx("null.example.com", 0, "")
                .ptr("1.2.0.192.in-addr.arpa", "mail.example.com")
                .ptr(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 2}), "other.example.com")
                .cname("www.example.com", "mail.example.com");
        assertThat(dns.a("MAIL.example.com.").records()).extracting(InetAddress::getHostAddress)
                .containsExactly("192.0.2.1", "192.0.2.2");
        assertThat(dns.aaaa("mail.example.com").records()).hasSize(1);
        assertThat(dns.mx("example.com").records()).containsExactly(new MxHost(10, "mail.example.com"));
        assertThat(dns.mx("null.example.com").records()).containsExactly(new MxHost(0, ""));
        assertThat(dns.ptr(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1})).records())
                .containsExactly("mail.example.com");
        assertThat(dns.ptr(InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 2})).records())
                .containsExactly("other.example.com");
        assertThat(dns.a("www.example.com").records()).hasSize(2);
        assertThat(dns.txt("mail.example.com").status()).isEqualTo(DnsStatus.NO_DATA);
    }

    @Test
    void rawTxtStringsAndTypeSpf() {
        ScriptedResolver dns = ScriptedResolver.empty()
                .txtStrings("example.com", List.of("v=spf1 ip4:".getBytes(StandardCharsets.US_ASCII),
                        "192.0.2.5 -all".getBytes(StandardCharsets.US_ASCII)))
                .txtStrings("example.com", List.of())
                .spfStrings("spf-only.example.com", List.of("v=spf1 -all".getBytes(StandardCharsets.US_ASCII)));
        assertThat(dns.txt("example.com").records()).containsExactlyInAnyOrder("v=spf1 ip4:192.0.2.5 -all", "");
        assertThat(dns.txt("spf-only.example.com").status()).isEqualTo(DnsStatus.NO_DATA);
    }

    @Test
    void typeSpecificTimeoutsLeaveOtherTypes() {
        ScriptedResolver dns = ScriptedResolver.empty().txt("example.com", "v=spf1 -all")
                .a("example.com", "192.0.2.1").tempFail("example.com", QueryType.A, "timed out");
        assertThat(dns.a("example.com").status()).isEqualTo(DnsStatus.TEMPFAIL);
        assertThat(dns.txt("example.com").isFound()).isTrue();
    }
}
