package dev.inkan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns JMH JSON results ({@code -rf json}) into the README's tables: each Inkan figure beside the matching
 * raw crypto figure as a percentage, Inkan against jDKIM as a factor, body hashing against raw SHA-256 and
 * the 100 MiB streaming runs in MiB/s, then the targets, met or not. "±" is JMH's 99.9% confidence
 * half-width as a percentage of the score; a ratio's ± combines both sides' (root of the sum of squares).
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.inkan.bench.Report result.json [more.json ...]}
 */
public final class Report {

    private static final String PKG = "dev.inkan.bench.";
    private static final double MIB = 1024 * 1024;

    /** One benchmark result: score in its unit, relative error, and the iteration spread. */
    record Result(double score, double relError, double min, double max, String unit, double bytesPerOp) {

        static Result of(JsonNode entry) {
            JsonNode m = entry.get("primaryMetric");
            double score = m.get("score").asDouble();
            double err = m.get("scoreError").asDouble();
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (JsonNode fork : m.path("rawData")) {
                for (JsonNode v : fork) {
                    min = Math.min(min, v.asDouble());
                    max = Math.max(max, v.asDouble());
                }
            }
            JsonNode secondary = entry.path("secondaryMetrics");
            JsonNode alloc = secondary.has("gc.alloc.rate.norm") ? secondary.get("gc.alloc.rate.norm")
                    : secondary.path("\u00b7gc.alloc.rate.norm");
            return new Result(score, Double.isFinite(err) && score != 0 ? err / score : Double.NaN, min, max,
                    m.get("scoreUnit").asText(), alloc.path("score").asDouble(Double.NaN));
        }
    }

    private final Map<String, Result> results = new TreeMap<>();
    private final List<String> jvms = new ArrayList<>();
    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: Report <jmh-result.json> [more.json ...]");
            System.exit(2);
        }
        Report report = new Report(System.out);
        for (String arg : args) {
            report.load(Files.readString(Path.of(arg)));
        }
        report.print();
    }

    void load(String json) throws IOException {
        for (JsonNode entry : new ObjectMapper().readTree(json)) {
            String name = entry.get("benchmark").asText();
            if (name.startsWith(PKG)) {
                name = name.substring(PKG.length());
            }
            StringBuilder key = new StringBuilder(name);
            JsonNode params = entry.path("params");
            for (Iterator<String> it = params.fieldNames(); it.hasNext();) {
                String p = it.next();
                key.append(' ').append(p).append('=').append(params.get(p).asText());
            }
            results.put(key.toString(), Result.of(entry));
            String jvm = entry.path("vmName").asText("") + " " + entry.path("jdkVersion").asText("")
                    + " " + entry.path("jvmArgs").toString();
            if (!jvms.contains(jvm)) {
                jvms.add(jvm);
            }
        }
    }

    Result get(String key) {
        return results.get(key);
    }

    void print() {
        out.println("## Inkan benchmark report");
        out.println();
        out.println("± is JMH's 99.9% confidence half-width as % of the score; spread is (max-min)/score over the"
                + " measurement iterations. Ratios carry the combined ± of both sides.");
        out.println();
        printAgainstCrypto();
        printAgainstJdkim();
        printRawCrypto();
        printBodyHash();
        printLarge();
        printTargets();
        out.println("JVMs: " + String.join("; ", jvms));
    }

    private void printAgainstCrypto() {
        out.println("### Inkan against the raw crypto rate (messages/s vs signatures/s over the same header data)");
        out.println();
        out.println("| operation | algorithm | message | Inkan msg/s | MiB/s | ± | spread | raw crypto op/s | ± | Inkan / raw"
                + " | Inkan B/msg |");
        out.println("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String op : List.of("verify", "sign")) {
            String bench = op.equals("verify") ? "DkimVerifyBenchmark.verify" : "DkimSignBenchmark.sign";
            for (String alg : List.of("RSA_2048", "ED25519")) {
                String raw = "RawCryptoBenchmark." + (alg.equals("RSA_2048") ? "rsa" : "ed25519")
                        + (op.equals("verify") ? "Verify" : "Sign");
                for (String size : List.of("4096", "1048576")) {
                    Result inkan = get(bench + " algorithm=" + alg + " size=" + size);
                    Result crypto = get(raw);
                    if (inkan == null) {
                        continue;
                    }
                    out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.1f | %s | %s | %s | %s | %s | %s |%n", op, alg,
                            sizeName(size), rate(inkan.score), inkan.score * Double.parseDouble(size) / MIB,
                            pct(inkan.relError), spread(inkan),
                            crypto == null ? "–" : rate(crypto.score), crypto == null ? "–" : pct(crypto.relError),
                            crypto == null ? "–" : ratioPct(inkan, crypto), bytes(inkan.bytesPerOp));
                }
            }
        }
        out.println();
    }

    private void printAgainstJdkim() {
        out.println("### Inkan against jDKIM 0.5 (verify, RSA-2048, relaxed/relaxed)");
        out.println();
        out.println("| message | Inkan msg/s | ± | jDKIM msg/s | ± | Inkan / jDKIM | Inkan B/msg | jDKIM B/msg |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (String size : List.of("4096", "1048576")) {
            Result inkan = get("DkimVerifyBenchmark.verify algorithm=RSA_2048 size=" + size);
            Result jdkim = get("JdkimVerifyBenchmark.verify algorithm=RSA_2048 size=" + size);
            if (inkan == null || jdkim == null) {
                continue;
            }
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", sizeName(size), rate(inkan.score),
                    pct(inkan.relError), rate(jdkim.score), pct(jdkim.relError), factor(inkan, jdkim),
                    bytes(inkan.bytesPerOp), bytes(jdkim.bytesPerOp));
        }
        out.println();
    }

    private void printRawCrypto() {
        out.println("### Raw crypto, 4 KiB message's header data (reused signer vs Signature.getInstance per op)");
        out.println();
        out.println("| benchmark | op/s | ± | spread | B/op |");
        out.println("|---|---:|---:|---:|---:|");
        for (String m : List.of("rsaSign", "rsaSignNewInstance", "rsaVerify", "rsaVerifyNewInstance", "ed25519Sign",
                "ed25519Verify")) {
            Result r = get("RawCryptoBenchmark." + m);
            if (r != null) {
                out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", m, rate(r.score), pct(r.relError), spread(r),
                        bytes(r.bytesPerOp));
            }
        }
        out.println();
    }

    private void printBodyHash() {
        Result sha = null;
        String size = null;
        for (Map.Entry<String, Result> e : results.entrySet()) {
            if (e.getKey().startsWith("BodyHashBenchmark.sha256 size=")) {
                size = e.getKey().substring("BodyHashBenchmark.sha256 size=".length());
                sha = e.getValue();
            }
        }
        if (sha == null) {
            return;
        }
        double messageBytes = Double.parseDouble(size);
        out.println("### Body hashing, " + sizeName(size) + " message in 8 KiB writes (MiB/s)");
        out.println();
        out.println("| path | MiB/s | ± | % of raw SHA-256 |");
        out.println("|---|---:|---:|---:|");
        for (String m : List.of("sha256", "sinkOnly", "simple", "relaxed")) {
            Result r = get("BodyHashBenchmark." + m + " size=" + size);
            if (r != null) {
                out.printf(Locale.ROOT, "| %s | %.0f | %s | %s |%n", describeBodyPath(m), r.score * messageBytes / MIB,
                        pct(r.relError), ratioPct(r, sha));
            }
        }
        out.println();
    }

    private static String describeBodyPath(String method) {
        switch (method) {
            case "sha256": return "raw SHA-256 (MessageDigest)";
            case "sinkOnly": return "MessageSink, no digest (header split; the body is not scanned)";
            case "simple": return "MessageSink, simple + SHA-256";
            default: return "MessageSink, relaxed + SHA-256";
        }
    }

    private void printLarge() {
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, Result> e : results.entrySet()) {
            if (!e.getKey().startsWith("LargeMessageBenchmark.")) {
                continue;
            }
            Result r = e.getValue();
            String key = e.getKey();
            double messageBytes = Double.parseDouble(key.replaceAll(".* size=(\\d+).*", "$1"));
            double seconds = toSeconds(r.score, r.unit);
            rows.add(String.format(Locale.ROOT, "| %s | %s | %.2f | %.0f | %s | %s |", key.replaceAll(" size=\\d+", "")
                    .replace("LargeMessageBenchmark.", ""), sizeName(String.valueOf((long) messageBytes)), seconds,
                    messageBytes / MIB / seconds, pct(r.relError), bytes(r.bytesPerOp)));
        }
        if (rows.isEmpty()) {
            return;
        }
        out.println("### Streaming a generated message through a 64 MiB heap (-Xmx64m, single shot)");
        out.println();
        out.println("| operation | message | s/message | MiB/s | ± | allocated/msg |");
        out.println("|---|---|---:|---:|---:|---:|");
        rows.forEach(out::println);
        out.println();
    }

    private void printTargets() {
        out.println("### Targets");
        out.println();
        out.println("| target | measured | met |");
        out.println("|---|---:|---|");
        target("verify RSA-2048, 4 KiB ≥ 70% of raw RSA-2048 verify", "DkimVerifyBenchmark.verify algorithm=RSA_2048 size=4096",
                "RawCryptoBenchmark.rsaVerify", 0.70, false);
        target("sign RSA-2048, 4 KiB ≥ 90% of raw RSA-2048 sign", "DkimSignBenchmark.sign algorithm=RSA_2048 size=4096",
                "RawCryptoBenchmark.rsaSign", 0.90, false);
        target("verify RSA-2048, 4 KiB ≥ 2× jDKIM", "DkimVerifyBenchmark.verify algorithm=RSA_2048 size=4096",
                "JdkimVerifyBenchmark.verify algorithm=RSA_2048 size=4096", 2.0, true);
        target("verify RSA-2048, 1 MiB ≥ 2× jDKIM", "DkimVerifyBenchmark.verify algorithm=RSA_2048 size=1048576",
                "JdkimVerifyBenchmark.verify algorithm=RSA_2048 size=1048576", 2.0, true);
        boolean large = results.keySet().stream().anyMatch(k -> k.startsWith("LargeMessageBenchmark.sign"))
                && results.keySet().stream().anyMatch(k -> k.startsWith("LargeMessageBenchmark.verify"));
        out.printf("| 100 MiB message signed and verified with -Xmx64m | %s | %s |%n", large ? "completed" : "not run",
                large ? "yes" : "–");
        out.println();
    }

    private void target(String label, String subject, String reference, double threshold, boolean asFactor) {
        Result a = get(subject);
        Result b = get(reference);
        if (a == null || b == null) {
            out.printf("| %s | not run | – |%n", label);
            return;
        }
        double ratio = a.score / b.score;
        double err = Math.hypot(a.relError, b.relError) * ratio;
        String verdict;
        if (Double.isNaN(err)) {
            verdict = (ratio >= threshold ? "yes" : "NO") + " (one iteration: no error estimate)";
        } else {
            verdict = ratio - err >= threshold ? "yes" : ratio + err < threshold ? "NO"
                    : "within noise (" + (ratio >= threshold ? "yes" : "no") + " at the mean)";
        }
        out.printf("| %s | %s | %s |%n", label, asFactor ? factor(a, b) : ratioPct(a, b), verdict);
    }

    private static double toSeconds(double score, String unit) {
        switch (unit) {
            case "ms/op": return score / 1e3;
            case "us/op": return score / 1e6;
            case "ns/op": return score / 1e9;
            default: return score;
        }
    }

    static String sizeName(String bytes) {
        long n = Long.parseLong(bytes);
        if (n >= 1024 * 1024 && n % (1024 * 1024) == 0) {
            return (n >> 20) + " MiB";
        }
        if (n >= 1024 && n % 1024 == 0) {
            return (n >> 10) + " KiB";
        }
        return n + " B";
    }

    private static String bytes(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (v >= 10 * MIB) {
            return String.format(Locale.ROOT, "%.0f MiB", v / MIB);
        }
        return v >= 10 * 1024 ? String.format(Locale.ROOT, "%.0f KiB", v / 1024) : String.format(Locale.ROOT, "%.0f B", v);
    }

    private static String rate(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String pct(double rel) {
        return Double.isNaN(rel) ? "–" : String.format(Locale.ROOT, "%.1f%%", rel * 100);
    }

    private static String spread(Result r) {
        return r.max < r.min ? "–" : String.format(Locale.ROOT, "%.1f%%", (r.max - r.min) / r.score * 100);
    }

    static String ratioPct(Result a, Result b) {
        double ratio = a.score / b.score;
        double err = Math.hypot(a.relError, b.relError) * ratio;
        return Double.isNaN(err) ? String.format(Locale.ROOT, "%.1f%%", ratio * 100)
                : String.format(Locale.ROOT, "%.1f%% ± %.1f", ratio * 100, err * 100);
    }

    static String factor(Result a, Result b) {
        double ratio = a.score / b.score;
        double err = Math.hypot(a.relError, b.relError) * ratio;
        return Double.isNaN(err) ? String.format(Locale.ROOT, "%.2f×", ratio)
                : String.format(Locale.ROOT, "%.2f× ± %.2f", ratio, err);
    }
}
