package dev.inkan.spf;

import dev.inkan.net.IpLiteral;
import dev.inkan.dns.DnsResolver;
import java.net.InetAddress;

/** Test support: a small fixture for evaluator tests. */
final class SpfTestDns {

    private SpfTestDns() {
    }

    static InetAddress ip(String literal) {
        return IpLiteral.parse(literal).orElseThrow(() -> new AssertionError(literal));
    }

    static SpfEvaluator evaluator(DnsResolver dns) {
        return new SpfEvaluator(SpfConfig.builder(dns).receiver("mx.receiver.example").clock(SpfSuiteRunner.CLOCK)
                .build());
    }
}
