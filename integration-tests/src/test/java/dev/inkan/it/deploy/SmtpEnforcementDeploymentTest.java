package dev.inkan.it.deploy;

import dev.inkan.it.SmtpEnforcementTest;
import dev.inkan.it.harness.DeployedJames;

/**
 * conf-examples/smtp-enforcement: SmtpChecks in smtpserver.xml refuses a p=reject spoof with 550 in the SMTP session: the tests of {@link SmtpEnforcementTest}, on James 3.8.1 deployed as operators run it.
 */
@DeployedJames
public class SmtpEnforcementDeploymentTest extends SmtpEnforcementTest {
}
