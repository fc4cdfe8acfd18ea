package dev.inkan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Help, version and exit statuses, as an operator or a script sees them. */
class InkanCommandTest {

    @Test
    void helpListsTheCommandsAndExitStatuses() {
        CliRun run = CliRun.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("keygen", "sign", "verify", "arc-seal", "spf", "Exit status:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"keygen", "sign", "verify", "arc-seal", "spf"})
    void everyCommandHasHelp(String command) {
        CliRun run = CliRun.run(command, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.out()).startsWith("Usage: inkan " + command).contains("Exit status:");
    }

    @Test
    void signHelpShowsTheRepeatableSignatureGroup() {
        CliRun run = CliRun.run("sign", "--help");

        assertThat(run.out().replaceAll("\\s+", " "))
                .contains("(--domain=DOMAIN --selector=SELECTOR --key=FILE [--algorithm=ALG] [--identity=ID])...")
                .contains("Signature (repeatable: one group per signature):");
    }

    @Test
    void versionNamesTheProjectVersion() {
        CliRun run = CliRun.run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).first(STRING).matches("inkan \\d+\\.\\d+\\.\\d+.*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "frobnicate", "verify --no-such-option", "sign --timestamp yesterday",
        "keygen --domain example.com", "verify --now -5"})
    void usageErrorsExitTwoWithOneLine(String args) {
        CliRun run = CliRun.run(args.isEmpty() ? new String[0] : args.split(" "));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.errLines()).singleElement(STRING).startsWith("inkan: ").contains("--help");
    }

    @Test
    void anInternalErrorExitsOneWithOneLineAndNoStackTrace() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine commandLine = commandLine(err);
        ErrorReporter reporter = new ErrorReporter(new PrintStream(err, true, StandardCharsets.UTF_8), null);

        int status = reporter.handleExecutionException(new IllegalStateException("boom"), commandLine,
                commandLine.parseArgs("verify"));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement(STRING)
                .isEqualTo("inkan: internal error: java.lang.IllegalStateException: boom"
                        + " (run with --debug or INKAN_DEBUG=1 for details)");
    }

    @Test
    void debugOptionAddsTheStackTrace() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine commandLine = commandLine(err);
        ErrorReporter reporter = new ErrorReporter(new PrintStream(err, true, StandardCharsets.UTF_8), null);

        int status = reporter.handleExecutionException(new IllegalStateException("boom"), commandLine,
                commandLine.parseArgs("verify", "--debug"));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("IllegalStateException: boom")
                .contains("\tat dev.inkan.cli.InkanCommandTest");
    }

    @Test
    void debugEnvironmentVariableAddsTheStackTrace() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine commandLine = commandLine(err);
        ErrorReporter reporter = new ErrorReporter(new PrintStream(err, true, StandardCharsets.UTF_8), "1");

        reporter.handleExecutionException(new IllegalStateException("boom"), commandLine, commandLine.parseArgs("verify"));

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("\tat dev.inkan.cli.InkanCommandTest");
    }

    private static CommandLine commandLine(ByteArrayOutputStream err) {
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        return InkanCommand.commandLine(new Streams(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), errStream), null);
    }
}
