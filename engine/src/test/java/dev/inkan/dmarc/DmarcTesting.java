package dev.inkan.dmarc;

import dev.inkan.dns.DnsResolver;
import dev.inkan.dns.ScriptedResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.random.RandomGenerator;

/** Test support: evaluations in one call, zones from test resources, a random source that answers fixed values. */
final class DmarcTesting {

    private DmarcTesting() {
    }

    /** DNS from a zone file under {@code src/test/resources/dmarc/}. */
    static ScriptedResolver zoneResource(String name) {
        try (InputStream in = DmarcTesting.class.getResourceAsStream("/dmarc/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource dmarc/" + name);
            }
            return ScriptedResolver.fromZoneText(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DmarcVerdict evaluate(DmarcConfig config, String author, List<DkimInput> dkim, SpfInput spf) {
        DmarcRequest.Builder request = DmarcRequest.builder(AuthorDomains.of(author)).spf(spf);
        dkim.forEach(request::dkim);
        return new DmarcEvaluator(config).evaluate(request.build());
    }

    static DmarcVerdict evaluate(DnsResolver dns, String author, List<DkimInput> dkim, SpfInput spf) {
        return evaluate(DmarcConfig.rfc9989(dns), author, dkim, spf);
    }

    /** A random source whose nextInt(bound) returns the given values in turn (each below the bound). */
    static RandomGenerator fixedRandom(int... values) {
        return new RandomGenerator() {
            private int next;

            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only nextInt(bound) is scripted");
            }

            @Override
            public int nextInt(int bound) {
                if (next >= values.length) {
                    throw new IllegalStateException("random source drawn more often than scripted");
                }
                return values[next++];
            }
        };
    }
}
