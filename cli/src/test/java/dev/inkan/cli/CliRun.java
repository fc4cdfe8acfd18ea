package dev.inkan.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What one in-process run of {@code inkan} produced. */
record CliRun(int exitCode, byte[] stdout, String stderr) {

    /** Runs {@code inkan args...} in this JVM with {@code stdin} as standard input. */
    static CliRun run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Streams streams = new Streams(new ByteArrayInputStream(stdin), outStream, errStream);
        int exit = InkanCommand.commandLine(streams, null).execute(args);
        outStream.flush();
        errStream.flush();
        return new CliRun(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    static CliRun run(String... args) {
        return run(new byte[0], args);
    }

    String out() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    List<String> outLines() {
        return out().lines().toList();
    }

    List<String> errLines() {
        return stderr.lines().toList();
    }
}
