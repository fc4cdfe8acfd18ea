package dev.inkan.it.deploy;

import dev.inkan.it.SeedDkimproxyTest;
import dev.inkan.it.harness.DeployedJames;

/**
 * conf-examples/seed-dkimproxy: DKIM relaxed + DomainKeys nofws on one message, domainkeys/dkim/spf/sender-id results,
 * S25R refusing dynamic clients with 450 before DATA: the tests of {@link SeedDkimproxyTest}, on James 3.8.1 deployed
 * as operators run it.
 */
@DeployedJames
public class SeedDkimproxyDeploymentTest extends SeedDkimproxyTest {
}
