package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.it.harness.ConfExample;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keeps conf-examples honest: every example has a test that runs it on James, and the README covers it. */
class ConfExamplesTest {

    /** Each example and the test class that loads it on a real James. */
    static final Map<String, Class<?>> TESTED_BY = Map.of(
            "signing-relay", SigningRelayTest.class,
            "verifying-inbound", VerifyingInboundTest.class,
            "multi-domain-tables", MultiDomainTablesTest.class,
            "forwarding-resign", ForwardingResignTest.class,
            "spf-inbound", SpfInboundTest.class,
            "arc-forwarding", ArcForwardingTest.class,
            "dmarc-inbound", DmarcInboundTest.class,
            "smtp-enforcement", SmtpEnforcementTest.class);

    @Test
    void every_example_is_run_by_an_integration_test() {
        assertThat(ConfExample.names()).as("conf-examples folders; a new one needs a test here")
                .containsExactlyInAnyOrderElementsOf(TESTED_BY.keySet());
    }

    @Test
    void the_readme_explains_every_example_and_the_test_substitutions() throws Exception {
        String readme = Files.readString(ConfExample.examplesDir().resolve("README.md"));
        for (String name : TESTED_BY.keySet()) {
            assertThat(readme).as("README section for %s", name).contains("## " + name);
        }
        assertThat(readme).contains(ConfExample.SITE_ROOT).contains("gatewayPort").contains("dnsZoneFile")
                .contains("dnsServers").contains("skipNetworks");
    }
}
