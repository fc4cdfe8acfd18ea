package dev.inkan.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ScriptedResolverTest {

    private final ScriptedResolver dns = ScriptedResolver.fromZoneText("""
            example.com.       TXT "v=spf1 -all"
            example.com.       A   192.0.2.1
            mail.example.com.  A   192.0.2.25
            """);

    @Test
    void answersFromTheZoneWhenNothingIsScripted() {
        assertThat(dns.txt("example.com").records()).containsExactly("v=spf1 -all");
        assertThat(dns.txt("other.example.com").status()).isEqualTo(DnsStatus.NXDOMAIN);
    }

    @Test
    void simulatesATimeoutForEveryTypeAtAName() {
        dns.tempFail("Example.COM.", "timed out");
        assertThat(dns.txt("example.com")).isEqualTo(DnsAnswer.tempFail("timed out"));
        assertThat(dns.a("example.com").status()).isEqualTo(DnsStatus.TEMPFAIL);
        assertThat(dns.a("mail.example.com").isFound()).isTrue();
    }

    @Test
    void simulatesAFailureForOneTypeOnly() {
        dns.tempFail("example.com", QueryType.A, "SERVFAIL");
        assertThat(dns.a("example.com")).isEqualTo(DnsAnswer.tempFail("SERVFAIL"));
        assertThat(dns.txt("example.com").isFound()).isTrue();
    }

    @Test
    void makesANameDisappear() {
        dns.nxdomain("mail.example.com");
        assertThat(dns.a("mail.example.com").status()).isEqualTo(DnsStatus.NXDOMAIN);
    }

    @Test
    void addsTxtRecordsWithoutZoneText() {
        ScriptedResolver scripted = ScriptedResolver.empty()
                .txt("sel._domainkey.example.org", "v=DKIM1; p=" + "A".repeat(400), "second record");
        assertThat(scripted.txt("sel._domainkey.example.org").records())
                .containsExactlyInAnyOrder("v=DKIM1; p=" + "A".repeat(400), "second record");
        assertThat(scripted.a("sel._domainkey.example.org").status()).isEqualTo(DnsStatus.NO_DATA);
        assertThat(scripted.txt("_domainkey.example.org").status()).isEqualTo(DnsStatus.NO_DATA);
        assertThat(scripted.txt("example.net").status()).isEqualTo(DnsStatus.NXDOMAIN);
    }

    @Test
    void scriptsPointerLookupsByTheirReverseName() throws Exception {
        dns.tempFail("1.2.0.192.in-addr.arpa", "timed out");
        assertThat(dns.ptr(InetAddress.getByName("192.0.2.1")).status()).isEqualTo(DnsStatus.TEMPFAIL);
        assertThat(dns.ptr(InetAddress.getByName("192.0.2.2")).status()).isEqualTo(DnsStatus.NXDOMAIN);
    }
}
