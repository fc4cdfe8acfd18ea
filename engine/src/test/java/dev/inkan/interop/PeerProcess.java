package dev.inkan.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one peer program to its end: no standard input, stdout and stderr captured to files (no pipe can
 * fill up and stall it), a hard timeout. Any failure is an {@link AssertionError} that shows the command
 * and what the peer wrote to stderr, so a red test says what the peer complained about.
 */
public final class PeerProcess {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a finished run printed. */
    public record Output(int exitCode, String stdout, String stderr) {
    }

    private PeerProcess() {
    }

    /** Runs {@code command}; a non-zero exit or a timeout fails the test. */
    static String run(List<String> command) {
        Output output = runAllowingFailure(command);
        if (output.exitCode() != 0) {
            throw new AssertionError(describe(command, output, "exited with " + output.exitCode()));
        }
        return output.stdout();
    }

    /** Runs {@code command}, which prints one JSON object per line; a line that is not JSON fails the test. */
    public static List<JsonNode> runJsonLines(List<String> command) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run(command).split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("peer printed a line that is not JSON: " + line, e);
                }
            }
        }
        return lines;
    }

    /** Runs {@code command} and returns whatever it printed; only a timeout or a failure to start fails. */
    public static Output runAllowingFailure(List<String> command) {
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("inkan-peer-", ".out");
            stderr = Files.createTempFile("inkan-peer-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().put("PYTHONIOENCODING", "utf-8");
            builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError(describe(command, read(stdout, stderr, -1),
                        "did not finish within " + TIMEOUT.toSeconds() + " s and was killed"));
            }
            return read(stdout, stderr, process.exitValue());
        } catch (IOException e) {
            throw new AssertionError("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static Output read(Path stdout, Path stderr, int exitCode) throws IOException {
        return new Output(exitCode, Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    static String describe(List<String> command, Output output, String what) {
        return String.join(" ", command) + " " + what + "\n--- stderr ---\n" + output.stderr()
                + "\n--- stdout ---\n" + output.stdout();
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temp file left behind is harmless
            }
        }
    }
}
