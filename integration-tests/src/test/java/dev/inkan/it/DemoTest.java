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
 * Three James servers: a message signed on one and checked on another over SMTP (SPF, DKIM, ARC, DMARC), a p=reject
 * spoof refused in the SMTP session, a list post ARC-sealed and delivered; exit status 0 only when every step gave
 * the expected result. (demo.sh adds only the Maven build in front.)
 */
class DemoTest {

    @Test
    void the_demo_runs_the_whole_chain_and_exits_zero_with_once() throws Exception {
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
        assertThat(output).contains("outbound signed it:  DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;"
                + " d=example.com; s=mail2025")
                .contains("mx.example.net says: dkim=pass header.d=example.com")
                .contains("mx.example.net says: dmarc=pass header.from=example.com")
                .contains("inbound refused it in the SMTP session: 550 5.7.1 Email rejected per DMARC policy for"
                        + " example.com")
                .contains("Subject: [friends] Picnic on Sunday")
                .contains("ARC-Seal: i=1; a=rsa-sha256; cv=none; d=lists.example.org; s=arc2025;")
                .contains("mx.example.net says: arc=pass")
                .contains("override=trusted_forwarder")
                .contains("Demo OK: DKIM signing, SPF/DKIM/ARC/DMARC on inbound, a p=reject spoof refused in the"
                        + " SMTP session, an ARC-sealed list message delivered.");
    }
}
