package dev.inkan.it.deploy;

import dev.inkan.it.StartupErrorsTest;
import dev.inkan.it.harness.DeployedJames;

/**
 * The bad configurations of {@link StartupErrorsTest} on James 3.8.1 deployed as operators run it: each stops the
 * James process, which never answers on SMTP, with the same one line in its log.
 */
@DeployedJames
public class StartupErrorsDeploymentTest extends StartupErrorsTest {
}
