package dev.inkan.james.mailets;

import static dev.inkan.james.mailets.MailetFixtures.CLOCK;
import static dev.inkan.james.mailets.MailetFixtures.MESSAGE;
import static dev.inkan.james.mailets.MailetFixtures.mail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.james.metrics.CountingMetricFactory;
import dev.inkan.james.metrics.InkanMetrics;
import java.nio.file.Path;
import java.util.Map;
import org.apache.mailet.Mail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mailets count into the metric system they are given (James injects its MetricFactory): signatures per domain,
 * results, DNS queries and a timing per message; results an earlier step recorded are not counted twice.
 */
class MailetMetricsTest {

    @TempDir
    Path dir;
    Path zone;
    CountingMetricFactory factory = new CountingMetricFactory();
    InkanMetrics metrics = InkanMetrics.of(factory);

    @BeforeEach
    void setUp() throws Exception {
        zone = MailetFixtures.keysAndZone(dir);
    }

    private DkimSign signer(String... parameters) throws Exception {
        DkimSign sign = new DkimSign(CLOCK, metrics);
        sign.init(DkimMailetsTest.config("DkimSign", parameters));
        return sign;
    }

    private DkimVerify verifier() throws Exception {
        DkimVerify verify = new DkimVerify(CLOCK, metrics);
        verify.init(DkimMailetsTest.config("DkimVerify", "dnsZoneFile", zone.toString(), "authservId", "mx.example.net"));
        return verify;
    }

    @Test
    void signing_and_verifying_count_signatures_results_dns_queries_and_time() throws Exception {
        DkimVerify verify = verifier();
        Mail mail = mail(MESSAGE);
        signer("keys", "example.com:rsa:" + dir.resolve("rsa.private") + ", example.com:ed:" + dir.resolve("ed.private"))
                .service(mail);
        verify.service(mail);
        assertThat(factory.counters()).containsAllEntriesOf(Map.of("inkan_dkim_signatures_example_com", 2L,
                "inkan_dkim_pass", 2L, "inkan_dns_queries", 2L)); // the two selectors' key records
        assertThat(factory.counters()).doesNotContainKeys("inkan_dns_failures", "inkan_dkim_fail");

        verify.service(mail); // the second time, the recorded results are reused
        assertThat(factory.counters()).containsEntry("inkan_dkim_pass", 2L).containsEntry("inkan_dns_queries", 2L);
        assertThat(factory.timings("inkan_time_DkimSign")).isEqualTo(1);
        assertThat(factory.timings("inkan_time_DkimVerify")).isEqualTo(2);
    }

    @Test
    void a_key_that_is_not_published_counts_the_failed_result_and_the_negative_answer() throws Exception {
        Mail mail = mail(MESSAGE);
        signer("domain", "example.com", "selector", "unpublished", "privateKeyFile", dir.resolve("rsa.private").toString())
                .service(mail);
        verifier().service(mail);
        assertThat(factory.counters()).containsAllEntriesOf(Map.of("inkan_dkim_signatures_example_com", 1L,
                "inkan_dkim_permerror", 1L, "inkan_dns_queries", 1L)).doesNotContainKey("inkan_dkim_pass");
    }
}
