package dev.inkan.it.deploy;

import dev.inkan.it.DmarcInboundTest;
import dev.inkan.it.harness.ChainAsAuthenticate;
import dev.inkan.it.harness.DeployedJames;

/**
 * conf-examples/dmarc-inbound with its four checking mailets as one Authenticate: the tests of {@link
 * DmarcInboundTest}, on James 3.8.1 deployed as operators run it.
 */
@DeployedJames
@ChainAsAuthenticate
public class DmarcInboundAuthenticateDeploymentTest extends DmarcInboundTest {
}
