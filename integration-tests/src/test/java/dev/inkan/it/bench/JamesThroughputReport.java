package dev.inkan.it.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Prints the Markdown table of a {@link JamesThroughputBenchmark} run from JMH's JSON result: messages/s per
 * setup and each Inkan setup as a ratio of its James baseline. ± is JMH's 99.9% confidence half-width; a
 * ratio's ± combines both sides' relative errors (root of the sum of squares), as benchmarks' Report does.
 *
 * <p>With the {@link CpuPerMessage} file as a second argument, also the CPU time per message, with the same
 * kind of ± over its measurement iterations, and the overhead it implies.
 *
 * <p>{@code java -cp <test classpath> dev.inkan.it.bench.JamesThroughputReport james-throughput.json [james-cpu.tsv]}
 */
public final class JamesThroughputReport {

    record Score(double perSecond, double error, double min, double max) {
        /** NaN with a single iteration (no error estimate); printed as "–". */
        double relError() {
            return error / perSecond;
        }
    }

    private JamesThroughputReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: JamesThroughputReport <jmh-result.json> [cpu-per-message.tsv]");
            System.exit(2);
        }
        Map<String, Score> scores = read(new File(args[0]));
        System.out.println("| setup | messages/s | ± | min–max per iteration |");
        System.out.println("|---|---:|---:|---:|");
        scores.forEach((setup, s) -> System.out.printf(Locale.ROOT, "| %s | %.1f | %s | %.1f–%.1f |%n", setup,
                s.perSecond(), pct(s.relError()), s.min(), s.max()));
        System.out.println();
        System.out.println("| with Inkan / James alone | throughput ratio | Inkan's cost |");
        System.out.println("|---|---:|---:|");
        ratio(scores, "relay-DkimSign", "relay");
        ratio(scores, "relay-DkimSign-ed25519", "relay");
        ratio(scores, "inbound-DkimVerify", "inbound");
        ratio(scores, "inbound-DkimVerify-ed25519", "inbound");
        for (String chain : new String[] {"chain", "chain-dns-silent", "chain-hostile"}) {
            ratio(scores, chain, "chain-alone");
        }
        ratio(scores, "chain-dns-silent", "chain");
        ratio(scores, "chain", "chain-alone-header");
        ratio(scores, "chain-alone-header", "chain-alone");
        for (String session : new String[] {"session", "session-dns-silent", "session-dns-silent-tempfail"}) {
            ratio(scores, session, "session-alone");
        }
        if (args.length == 2 && Files.isRegularFile(Path.of(args[1]))) {
            Map<String, Score> cpu = readCpu(Path.of(args[1]));
            System.out.println();
            System.out.println("| setup | CPU ms/message (whole JVM) | ± | min–max per iteration |");
            System.out.println("|---|---:|---:|---:|");
            cpu.forEach((setup, c) -> System.out.printf(Locale.ROOT, "| %s | %.3f | %s | %.3f–%.3f |%n", setup,
                    c.perSecond(), pct(c.relError()), c.min(), c.max()));
            System.out.println();
            System.out.println("| with Inkan / James alone | extra CPU per message | throughput ratio if CPU-bound |");
            System.out.println("|---|---:|---:|");
            cpuRatio(cpu, "relay-DkimSign", "relay");
            cpuRatio(cpu, "relay-DkimSign-ed25519", "relay");
            cpuRatio(cpu, "inbound-DkimVerify", "inbound");
            cpuRatio(cpu, "inbound-DkimVerify-ed25519", "inbound");
            cpuRatio(cpu, "chain", "chain-alone");
            Path threads = Path.of(args[1].replaceFirst("\\.tsv$", "") + "-threads.tsv");
            if (Files.isRegularFile(threads)) {
                printThreads(threads);
            }
        }
    }

    /**
     * The {@link CpuPerMessage} breakdown: CPU ms per message by thread pool, one column per setup, the largest
     * first; groups under 0.01 ms in every setup are left out.
     */
    private static void printThreads(Path file) throws IOException {
        Map<String, Map<String, Double>> bySetup = new LinkedHashMap<>();
        Map<String, Double> largest = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split("\t");
            if (parts.length == 3) {
                double ms = Double.parseDouble(parts[2]);
                bySetup.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts[1], ms);
                largest.merge(parts[1], Math.abs(ms), Math::max);
            }
        }
        List<String> setups = new ArrayList<>(bySetup.keySet());
        System.out.println();
        System.out.println("| CPU ms per message by thread | " + String.join(" | ", setups) + " |");
        System.out.println("|---|" + "---:|".repeat(setups.size()));
        largest.entrySet().stream().filter(e -> e.getValue() >= 0.01)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(e -> {
                    StringBuilder row = new StringBuilder("| " + e.getKey() + " |");
                    for (String setup : setups) {
                        Double v = bySetup.get(setup).get(e.getKey());
                        row.append(v == null ? " – |" : String.format(Locale.ROOT, " %.3f |", v));
                    }
                    System.out.println(row);
                });
    }

    /** Extra CPU per message in ms and %, and the throughput ratio it allows (baseline CPU / Inkan CPU). */
    private static void cpuRatio(Map<String, Score> cpu, String inkan, String baseline) {
        Score a = cpu.get(inkan);
        Score b = cpu.get(baseline);
        if (a == null || b == null) {
            return;
        }
        double extra = a.perSecond() / b.perSecond() - 1;
        double err = Math.hypot(a.relError(), b.relError());
        double ratio = b.perSecond() / a.perSecond();
        System.out.printf(Locale.ROOT, "| %s / %s | %+.3f ms (%+.1f%% ± %s) | %.1f%% ± %s |%n", inkan, baseline,
                a.perSecond() - b.perSecond(), 100 * extra, num(100 * err * (1 + extra)), 100 * ratio,
                num(100 * err * ratio));
    }

    private static String pct(double relError) {
        return Double.isNaN(relError) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * relError);
    }

    private static String num(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Lines "setup<TAB>v v v" of CpuPerMessage: mean and 99.9% half-width (Student's t) per setup. */
    static Map<String, Score> readCpu(Path file) throws IOException {
        Map<String, Score> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.split("\t");
            if (parts.length != 2) {
                continue;
            }
            ListStatistics stats = new ListStatistics();
            for (String v : parts[1].trim().split(" ")) {
                stats.addValue(Double.parseDouble(v));
            }
            out.put(parts[0], new Score(stats.getMean(), stats.getN() > 1 ? stats.getMeanErrorAt(0.999) : Double.NaN,
                    stats.getMin(), stats.getMax()));
        }
        return out;
    }

    private static void ratio(Map<String, Score> scores, String inkan, String baseline) {
        Score a = scores.get(inkan);
        Score b = scores.get(baseline);
        if (a == null || b == null) {
            return;
        }
        double ratio = a.perSecond() / b.perSecond();
        double err = Math.hypot(a.relError(), b.relError()) * ratio;
        System.out.printf(Locale.ROOT, "| %s / %s | %.1f%% ± %s | %.1f%% ± %s |%n", inkan, baseline, 100 * ratio,
                num(100 * err), 100 * (1 - ratio), num(100 * err));
    }

    static Map<String, Score> read(File json) throws IOException {
        Map<String, Score> out = new LinkedHashMap<>();
        for (JsonNode run : new ObjectMapper().readTree(json)) {
            String setup = run.path("params").path("setup").asText();
            JsonNode primary = run.path("primaryMetric");
            double min = Double.MAX_VALUE;
            double max = 0;
            for (JsonNode fork : primary.path("rawData")) {
                for (JsonNode iteration : fork) {
                    min = Math.min(min, iteration.asDouble());
                    max = Math.max(max, iteration.asDouble());
                }
            }
            out.put(setup, new Score(primary.path("score").asDouble(), primary.path("scoreError").asDouble(Double.NaN),
                    min, max));
        }
        return out;
    }
}
