package dev.inkan.it.deploy;

import dev.inkan.it.ForwardingResignTest;
import dev.inkan.it.harness.DeployedJames;

/**
 * conf-examples/forwarding-resign: forwarded mail leaves with the operator's signature on top of the original: the tests of {@link ForwardingResignTest}, on James 3.8.1 deployed as operators run it.
 */
@DeployedJames
public class ForwardingResignDeploymentTest extends ForwardingResignTest {
}
