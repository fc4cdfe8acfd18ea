package dev.inkan.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-server circuit breaker, on explicit monotonic times (milliseconds written as nanoseconds). */
class ServerHealthTest {

    private static final long MS = 1_000_000L;

    private final ServerHealth health = new ServerHealth(3, Duration.ofMillis(5000));

    @Test
    void failuresInARowOnlyMakeTheServerSuspectAndAskForAProbe() {
        assertThat(health.failed(1000 * MS)).isEqualTo(ServerHealth.Transition.NONE);
        assertThat(health.failed(2000 * MS)).isEqualTo(ServerHealth.Transition.NONE);
        assertThat(health.failed(3000 * MS)).isEqualTo(ServerHealth.Transition.SUSPECTED);
        assertThat(health.failed(3100 * MS)).as("one probe at a time").isEqualTo(ServerHealth.Transition.NONE);
        assertThat(health.access(3200 * MS)).as("still used while suspect").isEqualTo(ServerHealth.Access.SEND);
    }

    @Test
    void aHostileDomainsSilenceIsClearedByTheAnsweredProbe() {
        for (int round = 0; round < 10; round++) {
            health.failed(round * 1000 * MS);
            health.failed(round * 1000 * MS);
            health.failed(round * 1000 * MS);
            assertThat(health.answered(round * 1000 * MS + 5 * MS)).as("the probe is answered")
                    .isEqualTo(ServerHealth.Transition.NONE);
        }
        assertThat(health.isOpen()).isFalse();
    }

    @Test
    void anUnansweredProbeOpensItThenOneProbePerIntervalAndAnAnswerClosesIt() {
        health.failed(0);
        health.failed(0);
        health.failed(0);
        assertThat(health.probeFailed(2000 * MS)).isEqualTo(ServerHealth.Transition.OPENED);
        assertThat(health.access(2001 * MS)).isEqualTo(ServerHealth.Access.SKIP);
        assertThat(health.access(7000 * MS)).as("the probe").isEqualTo(ServerHealth.Access.PROBE_AND_SKIP);
        assertThat(health.access(7001 * MS)).as("only one probe per interval").isEqualTo(ServerHealth.Access.SKIP);
        assertThat(health.probeFailed(9000 * MS)).as("still open").isEqualTo(ServerHealth.Transition.NONE);
        assertThat(health.access(12_000 * MS)).isEqualTo(ServerHealth.Access.PROBE_AND_SKIP);
        assertThat(health.answered(12_050 * MS)).isEqualTo(ServerHealth.Transition.CLOSED);
        assertThat(health.access(12_051 * MS)).isEqualTo(ServerHealth.Access.SEND);
    }
}
