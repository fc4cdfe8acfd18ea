package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.it.deploy.ArcForwardingDeploymentTest;
import dev.inkan.it.deploy.DmarcInboundDeploymentTest;
import dev.inkan.it.deploy.ForwardingResignDeploymentTest;
import dev.inkan.it.deploy.MultiDomainTablesDeploymentTest;
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
    static final Map<String, Class<?>> TESTED_BY = Map.of(
            "signing-relay", SigningRelayTest.class,
            "verifying-inbound", VerifyingInboundTest.class,
            "multi-domain-tables", MultiDomainTablesTest.class,
            "forwarding-resign", ForwardingResignTest.class,
            "spf-inbound", SpfInboundTest.class,
            "arc-forwarding", ArcForwardingTest.class,
            "dmarc-inbound", DmarcInboundTest.class,
            "smtp-enforcement", SmtpEnforcementTest.class);

    /** Each example and the deployment-suite class that runs its test on a separate James process. */
    static final Map<String, Class<?>> DEPLOYED_BY = Map.of(
            "signing-relay", SigningRelayDeploymentTest.class,
            "verifying-inbound", VerifyingInboundDeploymentTest.class,
            "multi-domain-tables", MultiDomainTablesDeploymentTest.class,
            "forwarding-resign", ForwardingResignDeploymentTest.class,
            "spf-inbound", SpfInboundDeploymentTest.class,
            "arc-forwarding", ArcForwardingDeploymentTest.class,
            "dmarc-inbound", DmarcInboundDeploymentTest.class,
            "smtp-enforcement", SmtpEnforcementDeploymentTest.class);

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
