package dev.inkan.it;

import dev.inkan.it.harness.ConfExample;
import dev.inkan.it.harness.DkimZone;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.JamesHost;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad Inkan configuration stops James at start-up with one line naming the mailet, matcher or SMTP handler, the
 * parameter and the problem, instead of failing on the first mail.
 */
public class StartupErrorsTest {

    @TempDir
    Path dir;
    JamesHost host;

    @BeforeEach
    void host(TestInfo info) {
        host = JamesHost.of(info);
    }

    @AfterEach
    void stop() {
        host.close();
    }

    @Test
    void a_missing_key_file_stops_james() {
        ConfExample example = ConfExample.load("signing-relay").siteRoot(dir.resolve("empty")).remoteDeliveryTo(25);

        assertStartFails(example.mailetContainer(), "DkimSign: parameter 'privateKeyFile' file " + dir.resolve("empty")
                + "/keys/example.com/mail2025.private does not exist or is not readable");
    }

    @Test
    void a_misspelt_parameter_stops_james() {
        String xml = ConfExample.load("signing-relay").siteRoot(dir).remoteDeliveryTo(25).mailetContainer()
                .replace("<privateKeyFile>", "<privateKeyPath>").replace("</privateKeyFile>", "</privateKeyPath>");

        assertStartFails(xml, "Unexpected init parameters found: [privateKeyPath]");
    }

    @Test
    void an_unknown_result_in_a_dkim_result_is_condition_stops_james() throws Exception {
        String xml = ConfExample.load("verifying-inbound").dns(host.dnsParameters(new DkimZone(), dir)).mailetContainer()
                .replace("DkimResultIs=fail,permerror", "DkimResultIs=failed");

        assertStartFails(xml, "'failed' is neither a dkim result");
    }

    @Test
    void an_unusable_dns_server_stops_james() {
        String xml = ConfExample.load("verifying-inbound").dns("<dnsServers>127.0.0.1:99999</dnsServers>")
                .mailetContainer();

        assertStartFails(xml, "DkimVerify: parameter 'dnsServers' is not usable: DNS server \"127.0.0.1:99999\": bad port"
                + " \"99999\"");
    }

    @Test
    void a_misspelt_smtp_checks_parameter_stops_james() {
        ConfExample example = ConfExample.load("smtp-enforcement").remoteDeliveryTo(25);
        String handler = example.smtpChecksHandler().replace("rejectSpfFail>", "rejectSpfFial>");
        JamesConf conf = JamesConf.in(dir.resolve("james")).smtpHandler(handler).mailetContainer(example.mailetContainer());

        host.assertStartFails(conf, "SmtpChecks: unknown parameters [rejectSpfFial]");
    }

    private void assertStartFails(String mailetContainer, String message) {
        host.assertStartFails(JamesConf.in(dir.resolve("james")).mailetContainer(mailetContainer), message);
    }
}
