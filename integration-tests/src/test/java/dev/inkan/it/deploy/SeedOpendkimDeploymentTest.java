package dev.inkan.it.deploy;

import dev.inkan.it.SeedOpendkimTest;
import dev.inkan.it.harness.DeployedJames;

/**
 * conf-examples/seed-opendkim: seed 001's OpenDKIM set-up (Mode sv, tables with a wildcard line, relaxed/simple,
 * SignHeaders, trusted hosts, RemoveOldSignatures): the tests of {@link SeedOpendkimTest}, on James 3.8.1 deployed as
 * operators run it.
 */
@DeployedJames
public class SeedOpendkimDeploymentTest extends SeedOpendkimTest {
}
