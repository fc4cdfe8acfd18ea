package dev.inkan.it.deploy;

import dev.inkan.it.DmarcReportingTest;
import dev.inkan.it.harness.DeployedJames;

/**
 * conf-examples/dmarc-reporting: DMARC aggregate reports from a real run, sent through James DKIM-signed, once: the
 * tests of {@link DmarcReportingTest}, on James 3.8.1 deployed as operators run it (the H2 store shared with the test
 * process through {@code AUTO_SERVER=TRUE}).
 */
@DeployedJames
public class DmarcReportingDeploymentTest extends DmarcReportingTest {
}
