package dev.inkan.it.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.TestInfo;

/**
 * Where a test class's James servers run, and how their Inkan mailets reach the test's DNS records. By default
 * in the test JVM ({@link RunningJames}), the records in a zone file ({@code dnsZoneFile}); for a class marked
 * {@link DeployedJames}, as separate processes of the assembled James 3.8.1 ({@link JamesProcess}), the records
 * served by a DNS server on 127.0.0.1 ({@link FakeDnsServer}, parameter {@code dnsServers}). The example tests
 * take their host from {@link TestInfo}, so the deployment suite runs the very same tests by subclassing them.
 * Closing the host stops every server and DNS server it started.
 */
public final class JamesHost implements AutoCloseable {

    private final boolean deployed;
    private final List<AutoCloseable> started = new ArrayList<>();

    private JamesHost(boolean deployed) {
        this.deployed = deployed;
    }

    /** The host for the test class being run. */
    public static JamesHost of(TestInfo info) {
        return new JamesHost(info.getTestClass().map(c -> c.isAnnotationPresent(DeployedJames.class)).orElse(false));
    }

    /** Whether servers run as separate processes of the James distribution. */
    public boolean deployed() {
        return deployed;
    }

    public James start(JamesConf conf) throws Exception {
        James james = deployed ? JamesProcess.start(conf) : RunningJames.start(conf);
        started.add(james);
        return james;
    }

    /**
     * Starting James with {@code conf} fails with {@code message}: in the test JVM an exception whose stack trace
     * has it; in a separate process, a line of James's log that has it, the process exited and its SMTP port never
     * answered.
     */
    public void assertStartFails(JamesConf conf, String message) {
        if (deployed) {
            String log = JamesProcess.failToStart(conf);
            assertThat(log.lines().filter(line -> line.contains(message)))
                    .as("a line of James's log saying '%s'; the log:%n%s", message, log).isNotEmpty();
        } else {
            assertThatThrownBy(() -> RunningJames.start(conf).close()).as("James started with a bad configuration")
                    .hasStackTraceContaining(message);
        }
    }

    /**
     * The DNS parameters that make an Inkan mailet (or SmtpChecks) answer from {@code zone}:
     * {@code <dnsZoneFile>} with the zone written into {@code dir}, or, deployed, {@code <dnsServers>} with a DNS
     * server on a loopback port serving it (started here, stopped with the host).
     */
    public String dnsParameters(DkimZone zone, Path dir) throws IOException {
        if (deployed) {
            FakeDnsServer dns = new FakeDnsServer(zone);
            started.add(dns);
            return "<dnsServers>127.0.0.1:" + dns.port() + "</dnsServers>";
        }
        // a new file each time: the mailets share one resolver per zone file path
        Path file = zone.writeZoneFile(Files.createTempFile(Files.createDirectories(dir), "dns-", ".zone"));
        return "<dnsZoneFile>" + file.toAbsolutePath() + "</dnsZoneFile>";
    }

    /** Stops, newest first, what the host started; a failure of one (e.g. linkage errors in a log) is thrown at the end. */
    @Override
    public void close() {
        List<AutoCloseable> newestFirst = new ArrayList<>(started);
        Collections.reverse(newestFirst);
        started.clear();
        try {
            Shutdown.inOrder(newestFirst.toArray(AutoCloseable[]::new));
        } catch (Exception e) {
            throw new AssertionError("stopping James", e);
        }
    }
}
