package dev.inkan.it.deploy;

import dev.inkan.it.SigningRelayTest;
import dev.inkan.it.harness.DeployedJames;

/**
 * conf-examples/signing-relay: relayed mail leaves DKIM-signed and verifies in Inkan, dkimpy and Mail::DKIM: the tests of {@link SigningRelayTest}, on James 3.8.1 deployed as operators run it.
 */
@DeployedJames
public class SigningRelayDeploymentTest extends SigningRelayTest {
}
