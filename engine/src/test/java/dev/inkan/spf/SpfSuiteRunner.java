package dev.inkan.spf;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Test support: runs one suite case through Inkan, with the suite drivers' settings. */
public final class SpfSuiteRunner {

    /** The receiving host's name used for the suites ({@code %{r}}). */
    public static final String RECEIVER = "receiver.example.net";

    /** The default explanation the suites expect ("DEFAULT", as pyspf's driver sets it). */
    public static final String DEFAULT_EXPLANATION = "DEFAULT";

    /** A fixed clock for {@code %{t}}. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-02T03:04:05Z"), ZoneOffset.UTC);

    private SpfSuiteRunner() {
    }

    static SpfVerdict run(SpfSuite.Case c) {
        return new SpfEvaluator(config(c.zone())).checkMailFrom(c.clientIp(), c.helo(), c.mailFrom());
    }

    /** The configuration the suites' drivers use, with DNS from {@code zone}. */
    public static SpfConfig config(SpfTestZone zone) {
        return SpfConfig.builder(zone.toResolver())
                .receiver(RECEIVER)
                .clock(CLOCK)
                .defaultExplanation(DEFAULT_EXPLANATION)
                .build();
    }
}
