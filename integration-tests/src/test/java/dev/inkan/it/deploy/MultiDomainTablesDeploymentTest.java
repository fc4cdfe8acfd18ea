package dev.inkan.it.deploy;

import dev.inkan.it.MultiDomainTablesTest;
import dev.inkan.it.harness.DeployedJames;

/**
 * conf-examples/multi-domain-tables: KeyTable and SigningTable pick the keys; every signature verifies: the tests of {@link MultiDomainTablesTest}, on James 3.8.1 deployed as operators run it.
 */
@DeployedJames
public class MultiDomainTablesDeploymentTest extends MultiDomainTablesTest {
}
