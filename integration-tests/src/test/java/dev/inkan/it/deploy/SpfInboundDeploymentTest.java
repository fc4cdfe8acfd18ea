package dev.inkan.it.deploy;

import dev.inkan.it.SpfInboundTest;
import dev.inkan.it.harness.DeployedJames;

/**
 * conf-examples/spf-inbound: Received-SPF and spf= for pass, fail, softfail, none and a DNS server that never answers: the tests of {@link SpfInboundTest}, on James 3.8.1 deployed as operators run it.
 */
@DeployedJames
public class SpfInboundDeploymentTest extends SpfInboundTest {
}
