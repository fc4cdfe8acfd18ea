package dev.inkan.bench;

import dev.inkan.dns.ZoneFileException;
import dev.inkan.dns.ZoneFileResolver;
import dev.inkan.net.IpLiteral;
import dev.inkan.spf.SpfConfig;
import dev.inkan.spf.SpfEvaluator;
import dev.inkan.spf.SpfResult;
import dev.inkan.spf.SpfVerdict;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SPF evaluations per second with a warm cache (DNS answered from memory), for a typical include-heavy
 * record shaped like a large mail provider's: the domain includes a provider, which includes three netblock
 * records of several ip4/ip6 mechanisms each. {@code lastInclude}: the client is in the last netblock
 * (7 DNS-querying terms); {@code noMatch}: nothing matches and the record ends in ~all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SpfBenchmark {

    static final String ZONE = """
            example.com. IN TXT "v=spf1 mx include:_spf.provider.example include:mailchimp.example ~all"
            example.com. IN MX 10 mx1.example.com.
            mx1.example.com. IN A 198.51.100.25
            mailchimp.example. IN TXT "v=spf1 ip4:205.201.128.0/20 ip4:198.2.128.0/18 ip4:148.105.8.0/21 -all"
            _spf.provider.example. IN TXT "v=spf1 include:_netblocks.provider.example include:_netblocks2.provider.example include:_netblocks3.provider.example ~all"
            _netblocks.provider.example. IN TXT "v=spf1 ip4:35.190.247.0/24 ip4:64.233.160.0/19 ip4:66.102.0.0/20 ip4:66.249.80.0/20 ip4:72.14.192.0/18 ip4:74.125.0.0/16 ip4:108.177.8.0/21 ip4:173.194.0.0/16 ip4:209.85.128.0/17 ip4:216.58.192.0/19 ip4:216.239.32.0/19 ~all"
            _netblocks2.provider.example. IN TXT "v=spf1 ip6:2001:4860:4000::/36 ip6:2404:6800:4000::/36 ip6:2607:f8b0:4000::/36 ip6:2800:3f0:4000::/36 ip6:2a00:1450:4000::/36 ip6:2c0f:fb50:4000::/36 ~all"
            _netblocks3.provider.example. IN TXT "v=spf1 ip4:172.217.0.0/19 ip4:172.217.32.0/20 ip4:172.217.128.0/19 ip4:172.253.56.0/21 ip4:172.253.112.0/20 ip4:108.177.96.0/19 ip4:35.191.0.0/16 ip4:130.211.0.0/22 ~all"
            """;

    @Param({"lastInclude", "noMatch"})
    public String client;

    private SpfEvaluator evaluator;
    private InetAddress address;

    @Setup
    public void setUp() throws ZoneFileException {
        evaluator = new SpfEvaluator(SpfConfig.builder(ZoneFileResolver.fromText(ZONE)).receiver("mx.example.net").build());
        address = IpLiteral.parse("lastInclude".equals(client) ? "130.211.0.9" : "203.0.113.50").orElseThrow();
        SpfResult expected = "lastInclude".equals(client) ? SpfResult.PASS : SpfResult.SOFTFAIL;
        SpfVerdict verdict = check();
        if (verdict.result() != expected) {
            throw new IllegalStateException("SPF benchmark fixture gives " + verdict.result() + " (" + verdict.comment()
                    + "), expected " + expected);
        }
    }

    @Benchmark
    public SpfVerdict check() {
        return evaluator.checkMailFrom(address, "mail.example.com", "news@example.com");
    }
}
