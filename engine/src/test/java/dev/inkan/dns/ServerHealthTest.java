package dev.inkan.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-server circuit breaker, on explicit monotonic times (milliseconds written as nanoseconds). */
class ServerHealthTest {

    private static final long MS = 1_000_000L;

    private final ServerHealth health = new ServerHealth(3, Duration.ofMillis(4000), Duration.ofMillis(5000), 0);

    @Test
    void opensAfterTheThresholdOfTimeoutsWhenTheServerHasBeenQuietLongEnough() {
        assertThat(health.timedOut(2000 * MS)).isEqualTo(ServerHealth.Transition.NONE);
        assertThat(health.timedOut(4000 * MS)).isEqualTo(ServerHealth.Transition.NONE);
        assertThat(health.timedOut(6000 * MS)).isEqualTo(ServerHealth.Transition.OPENED);
        assertThat(health.allows(6001 * MS)).isFalse();
    }

    @Test
    void oneHostileDomainTimingOutWhileOtherQueriesAreAnsweredNeverOpensIt() {
        for (int i = 1; i <= 100; i++) {
            health.answered(i * 1000 * MS);
            assertThat(health.timedOut(i * 1000 * MS + 500 * MS)).isEqualTo(ServerHealth.Transition.NONE);
            health.timedOut(i * 1000 * MS + 600 * MS);
            health.timedOut(i * 1000 * MS + 700 * MS);
        }
        assertThat(health.isOpen()).isFalse();
    }

    @Test
    void whileOpenOneProbePerIntervalGoesThroughAndAnAnswerClosesIt() {
        health.timedOut(5000 * MS);
        health.timedOut(5000 * MS);
        health.timedOut(5000 * MS);
        assertThat(health.isOpen()).isTrue();
        assertThat(health.allows(9999 * MS)).isFalse();
        assertThat(health.allows(10_000 * MS)).as("the probe").isTrue();
        assertThat(health.allows(10_001 * MS)).as("only one probe per interval").isFalse();
        assertThat(health.answered(10_050 * MS)).isEqualTo(ServerHealth.Transition.CLOSED);
        assertThat(health.allows(10_051 * MS)).isTrue();
    }

    @Test
    void aProbeThatTimesOutKeepsItOpen() {
        health.timedOut(5000 * MS);
        health.timedOut(5000 * MS);
        health.timedOut(5000 * MS);
        assertThat(health.allows(10_000 * MS)).isTrue();
        assertThat(health.timedOut(12_000 * MS)).isEqualTo(ServerHealth.Transition.NONE);
        assertThat(health.isOpen()).isTrue();
        assertThat(health.allows(14_999 * MS)).isFalse();
        assertThat(health.allows(15_000 * MS)).isTrue();
    }
}
