package dev.inkan.it.deploy;

import dev.inkan.it.SeedFullChainTest;
import dev.inkan.it.harness.DeployedJames;

/**
 * conf-examples/seed-full-chain: seed 002's SPF, DKIM, DMARC and ARC chain (sign, then seal with the DKIM key,
 * results as Gmail shows them): the tests of {@link SeedFullChainTest}, on James 3.8.1 deployed as operators run it.
 */
@DeployedJames
public class SeedFullChainDeploymentTest extends SeedFullChainTest {
}
