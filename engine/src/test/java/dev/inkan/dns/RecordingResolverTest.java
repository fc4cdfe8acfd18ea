package dev.inkan.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dns.RecordingResolver.Query;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class RecordingResolverTest {

    @Test
    void recordsEveryQueryInOrderAndStillAnswers() throws Exception {
        RecordingResolver dns = new RecordingResolver(ScriptedResolver.empty().txt("example.com", "v=spf1 -all"));

        assertThat(dns.txt("Example.com.").records()).containsExactly("v=spf1 -all");
        dns.a("mail.example.com");
        dns.mx("example.com");
        dns.aaaa("mail.example.com");
        dns.ptr(InetAddress.getByName("192.0.2.1"));
        dns.txt("_dmarc.example.com");

        assertThat(dns.queries()).containsExactly(
                new Query(QueryType.TXT, "example.com"),
                new Query(QueryType.A, "mail.example.com"),
                new Query(QueryType.MX, "example.com"),
                new Query(QueryType.AAAA, "mail.example.com"),
                new Query(QueryType.PTR, "1.2.0.192.in-addr.arpa"),
                new Query(QueryType.TXT, "_dmarc.example.com"));
        assertThat(dns.count()).isEqualTo(6);
        assertThat(dns.count(QueryType.TXT)).isEqualTo(2);
        assertThat(dns.names(QueryType.TXT)).containsExactly("example.com", "_dmarc.example.com");

        dns.clear();
        assertThat(dns.count()).isZero();
    }
}
