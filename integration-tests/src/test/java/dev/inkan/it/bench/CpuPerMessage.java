package dev.inkan.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The JVM's CPU time per message during the measured invocations of {@link JamesThroughputBenchmark}, one value
 * per measurement iteration. Everything runs in the benchmark's JVM (James, the SMTP clients, the sink), so the
 * process's CPU time is the whole cost of a message; other processes on the machine slow the wall clock far
 * more than they change it. Appended as one line per setup, {@code setup<TAB>ms ms ms...}, to the file named
 * by the system property {@value #FILE_PROPERTY} (nothing is written without it).
 */
final class CpuPerMessage {

    static final String FILE_PROPERTY = "inkan.bench.cpuFile";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final List<Double> msPerMessage = new ArrayList<>();
    private boolean measuring;
    private long nanos;
    private long messages;

    long now() {
        return os.getProcessCpuTime();
    }

    void startIteration(boolean measurement) {
        measuring = measurement;
        nanos = 0;
        messages = 0;
    }

    /** An invocation that started at CPU time {@code start} has completed {@code count} messages. */
    void add(long start, int count) {
        nanos += now() - start;
        messages += count;
    }

    void endIteration() {
        if (measuring && messages > 0) {
            msPerMessage.add(nanos / 1e6 / messages);
        }
    }

    void report(String setup) {
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null || msPerMessage.isEmpty()) {
            return;
        }
        String line = setup + "\t" + msPerMessage.stream().map(v -> String.format(Locale.ROOT, "%.4f", v))
                .collect(Collectors.joining(" ")) + "\n";
        try {
            Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
