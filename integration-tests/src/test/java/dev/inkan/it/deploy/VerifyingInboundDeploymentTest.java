package dev.inkan.it.deploy;

import dev.inkan.it.VerifyingInboundTest;
import dev.inkan.it.harness.DeployedJames;

/**
 * conf-examples/verifying-inbound: inbound DKIM results in Authentication-Results, failures tagged and quarantined: the tests of {@link VerifyingInboundTest}, on James 3.8.1 deployed as operators run it.
 */
@DeployedJames
public class VerifyingInboundDeploymentTest extends VerifyingInboundTest {
}
