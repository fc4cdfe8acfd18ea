package dev.inkan.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DnsjavaResolverTest {

    private static final Duration SHORT = Duration.ofMillis(300);

    private LocalDnsServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = LocalDnsServer.start().records("""
                example.com.              300 IN TXT   "v=spf1 " "ip4:192.0.2.0/24 " "-all"
                example.com.              300 IN A     192.0.2.1
                example.com.              300 IN AAAA  2001:db8::1
                example.com.              300 IN MX    20 backup.example.net.
                example.com.              300 IN MX    10 mail.example.com.
                mail.example.com.         300 IN A     192.0.2.25
                alias.example.com.        300 IN CNAME mail.example.com.
                volatile.example.com.     0   IN TXT   "changes every time"
                1.2.0.192.in-addr.arpa.   300 IN PTR   mail.example.com.
                """);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private DnsjavaResolver.Builder resolver() {
        return DnsjavaResolver.builder().server(server.address()).timeout(SHORT).retries(0);
    }

    /** What the cache holds is answered as the network answered it; the rest is "not cached", never sent. */
    @Test
    void theCacheOnlyViewAnswersFromTheCacheAndNeverSends() throws Exception {
        DnsjavaResolver dns = resolver().build();
        DnsResolver cached = dns.cacheOnly();
        assertThat(cached.txt("example.com").isNotCached()).isTrue();
        assertThat(cached.a("alias.example.com").isNotCached()).isTrue();
        assertThat(cached.txt("nothing.example.com").isNotCached()).isTrue();
        assertThat(server.received()).isEmpty();

        DnsAnswer<String> txt = dns.txt("example.com");
        DnsAnswer<InetAddress> alias = dns.a("alias.example.com");
        DnsAnswer<String> missing = dns.txt("nothing.example.com");
        DnsAnswer<String> noTxt = dns.txt("mail.example.com");
        DnsAnswer<MxHost> mx = dns.mx("example.com");
        DnsAnswer<String> volatileTxt = dns.txt("volatile.example.com");
        int sent = server.received().size();

        assertThat(cached.txt("example.com")).isEqualTo(txt);
        assertThat(cached.a("alias.example.com")).isEqualTo(alias); // the CNAME followed in the cache
        assertThat(cached.txt("nothing.example.com").status()).isEqualTo(missing.status()).isEqualTo(DnsStatus.NXDOMAIN);
        assertThat(cached.txt("mail.example.com")).isEqualTo(noTxt); // an existing name without the type
        assertThat(noTxt.status()).isEqualTo(DnsStatus.NO_DATA);
        assertThat(cached.mx("example.com")).isEqualTo(mx); // two records, in the order the network gave them
        assertThat(cached.txt("volatile.example.com").isNotCached()).isTrue(); // TTL 0: never cached
        assertThat(volatileTxt.isFound()).isTrue();
        assertThat(server.received()).hasSize(sent);
    }

    /** DnsLookups hands only what the cache cannot answer to its pool; every answer is observed. */
    @Test
    void lookupsTakeCachedAnswersOnTheCallersThread() {
        DnsjavaResolver dns = resolver().build();
        AtomicInteger pooled = new AtomicInteger();
        AtomicInteger observed = new AtomicInteger();
        DnsObserver observer = new DnsObserver() {
            @Override
            public void answered(String type, DnsAnswer<?> answer) {
                observed.incrementAndGet();
            }

            @Override
            public void budgetUsedUp(String type) {
            }
        };
        DnsLookups lookups = new DnsLookups(dns, task -> {
            pooled.incrementAndGet();
            task.run();
        }, observer);
        DnsAnswer<String> first = lookups.forMessage(Duration.ofSeconds(2)).txt("example.com");
        DnsAnswer<String> second = lookups.forMessage(Duration.ofSeconds(2)).txt("example.com");
        assertThat(second).isEqualTo(first);
        assertThat(first.isFound()).isTrue();
        assertThat(pooled).hasValue(1);
        assertThat(observed).hasValue(2);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void joinsTheCharacterStringsOfATxtRecord() {
        DnsAnswer<String> answer = resolver().build().txt("example.com");
        assertThat(answer.status()).isEqualTo(DnsStatus.FOUND);
        assertThat(answer.records()).containsExactly("v=spf1 ip4:192.0.2.0/24 -all");
    }

    @Test
    void queriesNamesAsAbsoluteWithOrWithoutTheTrailingDot() {
        DnsjavaResolver dns = resolver().cacheMaxEntries(0).build();
        assertThat(dns.a("example.com").isFound()).isTrue();
        assertThat(dns.a("example.com.").isFound()).isTrue();
        assertThat(server.received()).extracting(LocalDnsServer.Received::name)
                .containsExactly("example.com.", "example.com.");
    }

    @Test
    void answersAddressMailExchangeAndPointerRecords() throws Exception {
        DnsjavaResolver dns = resolver().build();
        assertThat(dns.a("example.com").records()).containsExactly(InetAddress.getByName("192.0.2.1"));
        assertThat(dns.aaaa("example.com").records()).containsExactly(InetAddress.getByName("2001:db8::1"));
        assertThat(dns.mx("example.com").records())
                .containsExactly(new MxHost(20, "backup.example.net"), new MxHost(10, "mail.example.com"));
        assertThat(dns.ptr(InetAddress.getByName("192.0.2.1")).records()).containsExactly("mail.example.com");
    }

    @Test
    void followsACname() throws Exception {
        assertThat(resolver().build().a("alias.example.com").records())
                .containsExactly(InetAddress.getByName("192.0.2.25"));
    }

    @Test
    void aMissingNameIsNxdomain() {
        assertThat(resolver().build().txt("nothing.example.com").status()).isEqualTo(DnsStatus.NXDOMAIN);
    }

    @Test
    void anExistingNameWithoutTheTypeIsNoData() {
        assertThat(resolver().build().txt("mail.example.com").status()).isEqualTo(DnsStatus.NO_DATA);
    }

    @Test
    void servfailIsATemporaryFailure() {
        server.servfail("broken.example.com");
        DnsAnswer<String> answer = resolver().build().txt("broken.example.com");
        assertThat(answer.status()).isEqualTo(DnsStatus.TEMPFAIL);
        assertThat(answer.detail()).isEqualTo("SERVFAIL");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        server.silent("slow.example.com");
        DnsAnswer<String> answer = resolver().build().txt("slow.example.com");
        assertThat(answer.status()).isEqualTo(DnsStatus.TEMPFAIL);
        assertThat(answer.detail()).isEqualTo("timed out");
    }

    @Test
    void retriesAfterATimeout() {
        server.silent("slow.example.com");
        DnsAnswer<String> answer = resolver().retries(2).build().txt("slow.example.com");
        assertThat(answer.status()).isEqualTo(DnsStatus.TEMPFAIL);
        assertThat(server.queriesFor("slow.example.com")).isEqualTo(3);
    }

    @Test
    void triesTheNextServerWhenOneDoesNotAnswer() throws Exception {
        try (LocalDnsServer mute = LocalDnsServer.start()) {
            mute.silent("example.com");
            DnsjavaResolver dns = DnsjavaResolver.builder().server(mute.address()).server(server.address())
                    .timeout(SHORT).retries(0).build();
            assertThat(dns.txt("example.com").records()).containsExactly("v=spf1 ip4:192.0.2.0/24 -all");
            assertThat(mute.queriesFor("example.com")).isEqualTo(1);
        }
    }

    @Test
    void aTxtRecordTooLargeForUdpIsFetchedOverTcp() {
        String big = "x".repeat(250);
        server.records("big.example.com. 300 IN TXT " + ("\"" + big + "\" ").repeat(8));
        DnsAnswer<String> answer = resolver().build().txt("big.example.com");
        assertThat(answer.records()).containsExactly(big.repeat(8));
        assertThat(server.received()).extracting(LocalDnsServer.Received::tcp).containsExactly(false, true);
    }

    @Test
    void anInvalidNameIsNxdomainWithoutAQuery() {
        DnsAnswer<String> answer = resolver().build().txt("bad..example.com");
        assertThat(answer.status()).isEqualTo(DnsStatus.NXDOMAIN);
        assertThat(answer.detail()).startsWith("invalid DNS name: empty label");
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aRepeatedQueryIsAnsweredFromTheCache() {
        DnsjavaResolver dns = resolver().build();
        assertThat(dns.txt("example.com").records()).hasSize(1);
        assertThat(dns.txt("EXAMPLE.com").records()).hasSize(1);
        assertThat(server.queriesFor("example.com")).isEqualTo(1);
    }

    @Test
    void aNegativeAnswerIsCachedForTheSoaTtl() {
        DnsjavaResolver dns = resolver().build();
        assertThat(dns.txt("nothing.example.com").status()).isEqualTo(DnsStatus.NXDOMAIN);
        assertThat(dns.txt("nothing.example.com").status()).isEqualTo(DnsStatus.NXDOMAIN);
        assertThat(dns.txt("mail.example.com").status()).isEqualTo(DnsStatus.NO_DATA);
        assertThat(dns.txt("mail.example.com").status()).isEqualTo(DnsStatus.NO_DATA);
        assertThat(server.queriesFor("nothing.example.com")).isEqualTo(1);
        assertThat(server.queriesFor("mail.example.com")).isEqualTo(1);
    }

    @Test
    void aTemporaryFailureIsNotCached() {
        server.servfail("broken.example.com");
        DnsjavaResolver dns = resolver().build();
        dns.txt("broken.example.com");
        dns.txt("broken.example.com");
        assertThat(server.queriesFor("broken.example.com")).isEqualTo(2);
    }

    @Test
    void anAnswerWithTtlZeroIsNotCached() {
        DnsjavaResolver dns = resolver().build();
        assertThat(dns.txt("volatile.example.com").records()).containsExactly("changes every time");
        assertThat(dns.txt("volatile.example.com").records()).containsExactly("changes every time");
        assertThat(server.queriesFor("volatile.example.com")).isEqualTo(2);
    }

    @Test
    void aCacheOfSizeZeroDisablesCaching() {
        DnsjavaResolver dns = resolver().cacheMaxEntries(0).build();
        dns.txt("example.com");
        dns.txt("example.com");
        assertThat(server.queriesFor("example.com")).isEqualTo(2);
        assertThat(dns.a("alias.example.com").isFound()).isTrue();
    }

    @Test
    void theCacheIsPerResolver() {
        resolver().build().txt("example.com");
        resolver().build().txt("example.com");
        assertThat(server.queriesFor("example.com")).isEqualTo(2);
    }

    @Test
    void answersConcurrentQueries() {
        DnsjavaResolver dns = resolver().timeout(Duration.ofSeconds(2)).build();
        List<CompletableFuture<DnsAnswer<String>>> answers = IntStream.range(0, 32)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> dns.txt(i % 2 == 0 ? "example.com" : "nothing.example.com")))
                .toList();
        assertThat(answers).extracting(CompletableFuture::join).extracting(DnsAnswer::status)
                .containsOnly(DnsStatus.FOUND, DnsStatus.NXDOMAIN);
    }

    @Test
    void rejectsMalformedSettings() {
        assertThatThrownBy(() -> DnsjavaResolver.builder().server("127.0.0.1:0").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad port");
        assertThatThrownBy(() -> DnsjavaResolver.builder().server("[::1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing ']'");
        assertThatThrownBy(() -> DnsjavaResolver.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DnsjavaResolver.builder().retries(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DnsjavaResolver.builder().cacheMaxEntries(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsServersWithAndWithoutPorts() throws UnknownHostException {
        assertThat(DnsjavaResolver.Builder.address("192.0.2.53").getPort()).isEqualTo(53);
        assertThat(DnsjavaResolver.Builder.address("192.0.2.53:5353").getPort()).isEqualTo(5353);
        assertThat(DnsjavaResolver.Builder.address("2001:db8::53").getAddress())
                .isEqualTo(InetAddress.getByName("2001:db8::53"));
        assertThat(DnsjavaResolver.Builder.address("[2001:db8::53]:5353").getPort()).isEqualTo(5353);
        assertThat(DnsjavaResolver.builder().build()).isNotNull();
    }
}
