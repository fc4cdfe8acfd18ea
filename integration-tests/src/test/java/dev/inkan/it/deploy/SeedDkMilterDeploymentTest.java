package dev.inkan.it.deploy;

import dev.inkan.it.SeedDkMilterTest;
import dev.inkan.it.harness.DeployedJames;

/**
 * conf-examples/seed-dk-milter: submitted mail leaves with DKIM and DomainKeys signatures, inbound mail reads
 * domainkeys=pass/fail/permerror/none: the tests of {@link SeedDkMilterTest}, on James 3.8.1 deployed as operators run it.
 */
@DeployedJames
public class SeedDkMilterDeploymentTest extends SeedDkMilterTest {
}
