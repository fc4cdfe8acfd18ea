package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The demo program behind {@code ./demo.sh --once}, run as demo.sh runs it: a fresh JVM on the test classpath.
 * Two James servers, a message signed on one and verified on the other over SMTP, exit status 0 only on
 * dkim=pass. (demo.sh adds only the Maven build in front.)
 */
class DemoTest {

    @Test
    void the_demo_signs_sends_and_verifies_and_exits_zero_with_once() throws Exception {
        Path examples = Path.of(System.getProperty("inkan.conf.examples", "../conf-examples")).toAbsolutePath().normalize();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createTempFile("inkan-demo-", ".log");
        Process demo = new ProcessBuilder(List.of(java.toString(), "-Dinkan.conf.examples=" + examples,
                "-cp", System.getProperty("java.class.path"), "dev.inkan.it.demo.Demo", "--once"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = demo.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        if (!finished) {
            demo.destroyForcibly();
        }
        assertThat(finished).as("demo finished within 5 minutes:\n%s", output).isTrue();
        assertThat(demo.exitValue()).as(output).isZero();
        assertThat(output).contains("DKIM-Signature: v=1; a=rsa-sha256").contains("dkim=pass header.d=example.com")
                .contains("Demo OK: signed on outbound, sent over SMTP, dkim=pass on inbound.");
    }
}
