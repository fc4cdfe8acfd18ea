package dev.inkan.it.deploy;

import dev.inkan.it.DmarcInboundTest;
import dev.inkan.it.harness.DeployedJames;

/**
 * conf-examples/dmarc-inbound: DKIM, SPF, ARC and DMARC in one field; a p=reject spoof kept for the postmaster: the tests of {@link DmarcInboundTest}, on James 3.8.1 deployed as operators run it.
 */
@DeployedJames
public class DmarcInboundDeploymentTest extends DmarcInboundTest {
}
