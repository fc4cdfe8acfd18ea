package dev.inkan.it.deploy;

import dev.inkan.it.ArcForwardingTest;
import dev.inkan.it.harness.DeployedJames;

/**
 * conf-examples/arc-forwarding in front of dmarc-inbound: two James processes, the list's ARC seal lifts p=reject: the tests of {@link ArcForwardingTest}, on James 3.8.1 deployed as operators run it.
 */
@DeployedJames
public class ArcForwardingDeploymentTest extends ArcForwardingTest {
}
