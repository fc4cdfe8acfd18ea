package dev.inkan.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** DNS on the mail path: the circuit breaker against a real server, per-message budgets, sharing, failure logs. */
class DnsResilienceTest {

    private static final Duration SHORT = Duration.ofMillis(200);

    private LocalDnsServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = LocalDnsServer.start().records("""
                example.com.   300 IN TXT "v=spf1 -all"
                example.org.   300 IN TXT "hello"
                """);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aServerThatStoppedAnsweringIsNotAskedAgainUntilItAnswersAProbe() throws Exception {
        server.silent("dead.example.com").silent(".");   // the root probe gets no answer either: the server is down
        DnsjavaResolver dns = DnsjavaResolver.builder().server(server.address()).timeout(SHORT).retries(0)
                .cacheMaxEntries(0).circuitBreaker(1, Duration.ofMillis(600)).build();

        assertThat(dns.txt("dead.example.com").detail()).isEqualTo("timed out");
        awaitQueries(".", 1);
        Thread.sleep(SHORT.toMillis() + 100);   // the probe times out: open
        DnsAnswer<String> failedFast = dns.txt("example.com");

        assertThat(failedFast.status()).isEqualTo(DnsStatus.TEMPFAIL);
        assertThat(server.queriesFor("example.com")).as("not sent while the breaker is open").isZero();

        server.answerAgain(".");
        Thread.sleep(700);
        assertThat(dns.txt("example.com").status()).as("the caller does not wait for the probe")
                .isEqualTo(DnsStatus.TEMPFAIL);
        awaitQueries(".", 2);
        DnsAnswer<String> after = dns.txt("example.org");
        // the probe's answer is handled on dnsjava's thread; the probe counted above may still have been one sent
        // before the server answered again, so the next one (600 ms later) may be the first answered: on a loaded
        // machine that takes a while, hence up to 10 s (the test is about the breaker closing, not how fast)
        for (int i = 0; i < 200 && !after.isFound(); i++) {
            Thread.sleep(50);
            after = dns.txt("example.org");
        }
        assertThat(after.records()).as("the probe was answered: closed").containsExactly("hello");
    }

    @Test
    void oneSilentDomainAmongAnsweredOnesLeavesTheServerInUse() throws Exception {
        server.silent("dead.example.com");
        DnsjavaResolver dns = DnsjavaResolver.builder().server(server.address()).timeout(SHORT).retries(0)
                .cacheMaxEntries(0).timeoutCacheTtl(Duration.ZERO).circuitBreaker(1, Duration.ofHours(1)).build();

        for (int i = 0; i < 3; i++) {
            assertThat(dns.txt("dead.example.com").status()).isEqualTo(DnsStatus.TEMPFAIL);
            Thread.sleep(50);   // the root probe each failure asks for is answered
        }
        assertThat(server.queriesFor(".")).as("probes sent").isPositive();
        assertThat(dns.txt("example.org").isFound()).isTrue();
        assertThat(server.queriesFor("dead.example.com")).isEqualTo(3);
    }

    @Test
    void aQueryThatTimedOutIsNotSentAgainForAWhile() throws Exception {
        server.silent("dead.example.com");
        DnsjavaResolver dns = DnsjavaResolver.builder().server(server.address()).timeout(SHORT).retries(0)
                .timeoutCacheTtl(Duration.ofMillis(500)).build();

        assertThat(dns.txt("dead.example.com").detail()).isEqualTo("timed out");
        DnsAnswer<String> again = dns.txt("dead.example.com");
        assertThat(again.status()).isEqualTo(DnsStatus.TEMPFAIL);
        assertThat(again.detail()).startsWith("timed out (recently");
        assertThat(server.queriesFor("dead.example.com")).isEqualTo(1);
        assertThat(dns.txt("example.com").isFound()).as("other names are asked").isTrue();

        Thread.sleep(600);
        server.answerAgain("dead.example.com");
        assertThat(dns.txt("dead.example.com").status()).as("asked again after the TTL").isEqualTo(DnsStatus.NXDOMAIN);
        assertThat(server.queriesFor("dead.example.com")).isEqualTo(2);
    }

    @Test
    void theObserverHearsOfEachQueryRunItsOutcomeAndEachSpentBudget() throws Exception {
        server.silent("dead.example.com").silent("slow.example.com").servfail("broken.example.com");
        DnsjavaResolver resolver = DnsjavaResolver.builder().server(server.address()).timeout(SHORT).retries(0).build();
        List<String> heard = java.util.Collections.synchronizedList(new ArrayList<>());
        DnsLookups lookups = new DnsLookups(resolver, new DnsObserver() {
            @Override
            public void answered(String type, DnsAnswer<?> answer) {
                heard.add(type + " " + answer.status() + (answer.isTimeout() ? " timeout" : ""));
            }

            @Override
            public void budgetUsedUp(String type) {
                heard.add(type + " budget");
            }
        });

        BudgetedResolver message = lookups.forMessage(Duration.ofSeconds(5));
        assertThat(message.txt("example.com").isFound()).isTrue();
        assertThat(message.txt("example.com").isFound()).as("asked once per message").isTrue();
        assertThat(message.txt("dead.example.com").isTimeout()).isTrue();
        assertThat(message.txt("broken.example.com").isTimeout()).as("SERVFAIL is an answer, not a timeout").isFalse();
        assertThat(message.a("nothing.example.com").status()).isEqualTo(DnsStatus.NXDOMAIN);
        assertThat(heard).containsExactly("TXT FOUND", "TXT TEMPFAIL timeout", "TXT TEMPFAIL", "A NXDOMAIN");

        heard.clear();
        BudgetedResolver hurried = lookups.forMessage(Duration.ofMillis(20));
        assertThat(hurried.txt("slow.example.com").detail()).isEqualTo("DNS budget of 20 ms used up");
        assertThat(heard).containsExactly("TXT budget");
        for (int i = 0; i < 100 && heard.size() < 2; i++) {
            Thread.sleep(10); // the query itself runs on to its timeout, then is heard of
        }
        assertThat(heard).containsExactly("TXT budget", "TXT TEMPFAIL timeout");
    }

    @Test
    void theTimeoutCacheHonoursRfc2308sFiveMinutes() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DnsjavaResolver.builder()
                .timeoutCacheTtl(Duration.ofMinutes(6))).hasMessageContaining("RFC 2308");
    }

    private void awaitQueries(String name, int count) throws InterruptedException {
        for (int i = 0; i < 100 && server.queriesFor(name) < count; i++) {
            Thread.sleep(10);
        }
        assertThat(server.queriesFor(name)).isGreaterThanOrEqualTo(count);
    }

    @Test
    void aMessageAsksEachQueryOnceAndTwoMessagesShareAQueryInFlight() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        DnsResolver slow = new ForwardingResolver(ScriptedResolver.empty().txt("k.example", "v")) {
            @Override
            public DnsAnswer<String> txt(String name) {
                asked.incrementAndGet();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.txt(name);
            }
        };
        DnsLookups lookups = new DnsLookups(slow);
        BudgetedResolver first = lookups.forMessage(Duration.ofSeconds(10));
        BudgetedResolver second = lookups.forMessage(Duration.ofSeconds(10));
        first.prefetchTxt("k.example");
        second.prefetchTxt("K.EXAMPLE");
        first.prefetchTxt("k.example");
        release.countDown();

        assertThat(first.txt("k.example").records()).containsExactly("v");
        assertThat(second.txt("K.EXAMPLE").records()).containsExactly("v");
        assertThat(asked.get()).isEqualTo(1);
    }

    @Test
    void theBudgetIsTheMessagesNotEachQuerys() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        DnsResolver silent = new ForwardingResolver(ScriptedResolver.empty()) {
            @Override
            public DnsAnswer<String> txt(String name) {
                try {
                    never.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return DnsAnswer.tempFail("late");
            }
        };
        BudgetedResolver dns = new DnsLookups(silent).forMessage(Duration.ofMillis(300));
        try {
            List<DnsAnswer<String>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(dns.txt("s" + i + "._domainkey.hostile.example"));
            }
            assertThat(answers).extracting(DnsAnswer::detail).containsOnly("DNS budget of 300 ms used up");
            assertThat(dns.budgetSpent()).isTrue();
        } finally {
            never.countDown();
        }
    }

    @Test
    void failuresAreLoggedOncePerNameAndCauseAndInterval() {
        CollectingLogger log = new CollectingLogger();
        DnsFailureLog failures = new DnsFailureLog(log, Duration.ofSeconds(60), 100);
        long second = 1_000_000_000L;

        failures.failed("a.example", "TXT", "timed out", 1 * second);
        failures.failed("a.example", "TXT", "timed out", 2 * second);
        failures.failed("a.example", "TXT", "timed out", 3 * second);
        failures.failed("a.example", "TXT", "SERVFAIL", 3 * second);
        failures.failed("b.example", "TXT", "timed out", 3 * second);
        failures.failed("a.example", "TXT", "timed out", 62 * second);

        assertThat(log.lines).containsExactly(
                "WARN DNS TXT a.example failed: timed out",
                "WARN DNS TXT a.example failed: SERVFAIL",
                "WARN DNS TXT b.example failed: timed out",
                "WARN DNS TXT a.example failed: timed out (2 more times since the last report)");
    }

    /** An SLF4J logger that keeps what it is told. */
    private static final class CollectingLogger extends LegacyAbstractLogger {
        final List<String> lines = new ArrayList<>();

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                Throwable throwable) {
            lines.add(level + " " + MessageFormatter.basicArrayFormat(pattern, arguments));
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }

}
