package dev.inkan.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The JVM's CPU time per message during the measured invocations of {@link JamesThroughputBenchmark}, one value
 * per measurement iteration. Everything runs in the benchmark's JVM (James, the SMTP clients, the sink), so the
 * process's CPU time is the whole cost of a message; other processes on the machine slow the wall clock far
 * more than they change it. Appended as one line per setup, {@code setup<TAB>ms ms ms...}, to the file named
 * by the system property {@value #FILE_PROPERTY} (nothing is written without it).
 *
 * <p>Beside it, {@code <file>-threads.tsv} breaks the same CPU time down, for the measured invocations of all
 * measurement iterations together: by Java thread pool (thread names with their numbers taken out, e.g. James's
 * {@code spooler}, which runs the mailets; {@code smtpserver-io}), the rest of the process (the JVM's own threads:
 * garbage collection, the JIT compilers), and as separate lines the JIT's compile time and the garbage
 * collectors' pause time per message (wall time, from their MXBeans). One line per setup and group, {@code
 * setup<TAB>group<TAB>ms per message}. It is what says which part of the server a setup's extra CPU goes to.
 */
final class CpuPerMessage {

    static final String FILE_PROPERTY = "inkan.bench.cpuFile";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    // looked up once: each lookup builds ObjectNames, work that would be counted in the measured CPU
    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private final List<GarbageCollectorMXBean> collectors =
            ManagementFactory.getGarbageCollectorMXBeans();
    private final List<Double> msPerMessage = new ArrayList<>();
    private final Map<String, Long> groupNanos = new TreeMap<>();
    private final Map<Long, String> groupOfThread = new HashMap<>();
    private long measuredMessages;
    private boolean measuring;
    private long nanos;
    private long messages;

    /** The CPU counters at one moment: the process's, each Java thread's, the JIT's and the collectors'. */
    final class Mark {
        private final long process = os.getProcessCpuTime();
        private final Map<Long, Long> perThread = new HashMap<>();
        private final long compileMillis = compiler.getTotalCompilationTime();
        private final long gcMillis = collectors.stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();

        private Mark() {
            for (long id : threads.getAllThreadIds()) {
                perThread.put(id, threads.getThreadCpuTime(id));
            }
        }
    }

    Mark now() {
        return new Mark();
    }

    void startIteration(boolean measurement) {
        measuring = measurement;
        nanos = 0;
        messages = 0;
    }

    /** An invocation that started at {@code start} has completed {@code count} messages. */
    void add(Mark start, int count) {
        Mark end = now();
        nanos += end.process - start.process;
        messages += count;
        if (!measuring) {
            return;
        }
        measuredMessages += count;
        long[] unnamed = end.perThread.keySet().stream().filter(id -> !groupOfThread.containsKey(id))
                .mapToLong(Long::longValue).toArray();
        if (unnamed.length > 0) { // one VM operation for the threads not seen before, not one per thread
            for (ThreadInfo info : threads.getThreadInfo(unnamed)) {
                if (info != null) {
                    groupOfThread.put(info.getThreadId(), info.getThreadName().replaceAll("[-#_ ]?\\d+", ""));
                }
            }
        }
        long javaThreads = 0;
        for (Map.Entry<Long, Long> e : end.perThread.entrySet()) {
            Long before = start.perThread.get(e.getKey());
            String group = groupOfThread.get(e.getKey());
            if (before == null || before < 0 || e.getValue() < 0 || group == null) {
                continue; // a thread started (or ended) within the invocation: its time stays in "other"
            }
            long used = e.getValue() - before;
            javaThreads += used;
            groupNanos.merge(group, used, Long::sum);
        }
        groupNanos.merge("(JVM: GC, JIT, other)", end.process - start.process - javaThreads, Long::sum);
        groupNanos.merge("[JIT compile time]", (end.compileMillis - start.compileMillis) * 1_000_000, Long::sum);
        groupNanos.merge("[GC pause time]", (end.gcMillis - start.gcMillis) * 1_000_000, Long::sum);
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
        StringBuilder groups = new StringBuilder();
        groupNanos.forEach((group, n) -> groups.append(setup).append('\t').append(group).append('\t')
                .append(String.format(Locale.ROOT, "%.4f", n / 1e6 / measuredMessages)).append('\n'));
        String threadsFile = file.endsWith(".tsv") ? file.substring(0, file.length() - 4) + "-threads.tsv"
                : file + "-threads";
        try {
            Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            Files.writeString(Path.of(threadsFile), groups, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
