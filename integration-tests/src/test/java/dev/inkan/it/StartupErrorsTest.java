package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.it.harness.ConfExample;
import dev.inkan.it.harness.JamesConf;
import dev.inkan.it.harness.RunningJames;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad Inkan configuration stops James at start-up with one line naming the mailet or matcher, the parameter
 * and the problem, instead of failing on the first mail.
 */
class StartupErrorsTest {

    @TempDir
    Path dir;

    @Test
    void a_missing_key_file_stops_james() {
        ConfExample example = ConfExample.load("signing-relay").siteRoot(dir.resolve("empty")).remoteDeliveryTo(25);

        assertThatThrownBy(() -> start(example.mailetContainer()))
                .hasStackTraceContaining("DkimSign: parameter 'privateKeyFile' file " + dir.resolve("empty")
                        + "/keys/example.com/mail2025.private does not exist or is not readable");
    }

    @Test
    void a_misspelt_parameter_stops_james() {
        String xml = ConfExample.load("signing-relay").siteRoot(dir).remoteDeliveryTo(25).mailetContainer()
                .replace("<privateKeyFile>", "<privateKeyPath>").replace("</privateKeyFile>", "</privateKeyPath>");

        assertThatThrownBy(() -> start(xml)).hasStackTraceContaining("privateKeyPath");
    }

    @Test
    void an_unknown_result_in_a_dkim_result_is_condition_stops_james() throws Exception {
        Path zone = Files.writeString(dir.resolve("empty.zone"), "");
        String xml = ConfExample.load("verifying-inbound").dnsZoneFile(zone).mailetContainer()
                .replace("DkimResultIs=fail,permerror", "DkimResultIs=failed");

        assertThatThrownBy(() -> start(xml)).hasStackTraceContaining("'failed' is neither a dkim result");
    }

    private void start(String mailetContainer) throws Exception {
        try (RunningJames james = RunningJames.start(JamesConf.in(dir.resolve("james")).mailetContainer(mailetContainer))) {
            throw new AssertionError("James started with a bad configuration");
        }
    }
}
