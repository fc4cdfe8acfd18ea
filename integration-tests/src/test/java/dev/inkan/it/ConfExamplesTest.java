package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.it.deploy.ArcForwardingDeploymentTest;
import dev.inkan.it.deploy.DmarcInboundDeploymentTest;
import dev.inkan.it.deploy.DmarcReportingDeploymentTest;
import dev.inkan.it.deploy.ForwardingResignDeploymentTest;
import dev.inkan.it.deploy.MultiDomainTablesDeploymentTest;
import dev.inkan.it.deploy.SeedDkMilterDeploymentTest;
import dev.inkan.it.deploy.SeedDkimproxyDeploymentTest;
import dev.inkan.it.deploy.SeedFullChainDeploymentTest;
import dev.inkan.it.deploy.SeedOpendkimDeploymentTest;
import dev.inkan.it.deploy.SigningRelayDeploymentTest;
import dev.inkan.it.deploy.SmtpEnforcementDeploymentTest;
import dev.inkan.it.deploy.SpfInboundDeploymentTest;
import dev.inkan.it.deploy.VerifyingInboundDeploymentTest;
import dev.inkan.it.harness.ConfExample;
import dev.inkan.it.harness.DeployedJames;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps conf-examples honest: every example has a test that runs it on James in the test JVM, and the same test
 * runs it on a deployed James process (dev.inkan.it.deploy); the README covers it.
 */
class ConfExamplesTest {

    /** Each example and the test class that loads it on a real James. */
    static final Map<String, Class<?>> TESTED_BY = Map.ofEntries(
            Map.entry("signing-relay", SigningRelayTest.class),
            Map.entry("verifying-inbound", VerifyingInboundTest.class),
            Map.entry("multi-domain-tables", MultiDomainTablesTest.class),
            Map.entry("forwarding-resign", ForwardingResignTest.class),
            Map.entry("spf-inbound", SpfInboundTest.class),
            Map.entry("arc-forwarding", ArcForwardingTest.class),
            Map.entry("dmarc-inbound", DmarcInboundTest.class),
            Map.entry("dmarc-reporting", DmarcReportingTest.class),
            Map.entry("smtp-enforcement", SmtpEnforcementTest.class),
            Map.entry("seed-opendkim", SeedOpendkimTest.class),
            Map.entry("seed-full-chain", SeedFullChainTest.class),
            Map.entry("seed-dk-milter", SeedDkMilterTest.class),
            Map.entry("seed-dkimproxy", SeedDkimproxyTest.class));

    /** Each example and the deployment-suite class that runs its test on a separate James process. */
    static final Map<String, Class<?>> DEPLOYED_BY = Map.ofEntries(
            Map.entry("signing-relay", SigningRelayDeploymentTest.class),
            Map.entry("verifying-inbound", VerifyingInboundDeploymentTest.class),
            Map.entry("multi-domain-tables", MultiDomainTablesDeploymentTest.class),
            Map.entry("forwarding-resign", ForwardingResignDeploymentTest.class),
            Map.entry("spf-inbound", SpfInboundDeploymentTest.class),
            Map.entry("arc-forwarding", ArcForwardingDeploymentTest.class),
            Map.entry("dmarc-inbound", DmarcInboundDeploymentTest.class),
            Map.entry("dmarc-reporting", DmarcReportingDeploymentTest.class),
            Map.entry("smtp-enforcement", SmtpEnforcementDeploymentTest.class),
            Map.entry("seed-opendkim", SeedOpendkimDeploymentTest.class),
            Map.entry("seed-full-chain", SeedFullChainDeploymentTest.class),
            Map.entry("seed-dk-milter", SeedDkMilterDeploymentTest.class),
            Map.entry("seed-dkimproxy", SeedDkimproxyDeploymentTest.class));

    @Test
    void every_example_is_run_by_an_integration_test() {
        assertThat(ConfExample.names()).as("conf-examples folders; a new one needs a test here")
                .containsExactlyInAnyOrderElementsOf(TESTED_BY.keySet());
    }

    @Test
    void every_example_runs_on_a_deployed_james_too() {
        assertThat(ConfExample.names()).as("conf-examples folders; a new one needs a deployment test in dev.inkan.it.deploy")
                .containsExactlyInAnyOrderElementsOf(DEPLOYED_BY.keySet());
        DEPLOYED_BY.forEach((example, deployment) -> {
            assertThat(deployment).as("the deployment test of %s", example).hasAnnotation(DeployedJames.class);
            assertThat(TESTED_BY.get(example)).as("%s runs the tests of %s", deployment.getSimpleName(), example)
                    .isAssignableFrom(deployment);
        });
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
