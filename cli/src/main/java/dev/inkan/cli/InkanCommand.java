package dev.inkan.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code inkan}: the operator's command for DKIM keys, DNS records, signing, verifying, ARC sealing and SPF. */
@Command(sortOptions = false,
        name = "inkan",
        versionProvider = InkanVersion.class,
        subcommands = {KeygenCommand.class, SignCommand.class, VerifyCommand.class, ArcSealCommand.class,
            SpfCommand.class, DmarcReportCommand.class, CheckCommand.class},
        description = "DKIM keys, DNS records, signing and verifying (RFC 6376, RFC 8301, RFC 8463), ARC sealing and"
                + " validation (RFC 8617), SPF (RFC 7208), DMARC (RFC 9989) and its aggregate reports (RFC 9990).")
public final class InkanCommand implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_INPUT = 2;

    private final Streams streams;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    public InkanCommand() {
        this(Streams.system());
    }

    public InkanCommand(Streams streams) {
        this.streams = streams;
    }

    Streams streams() {
        return streams;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: keygen, sign, verify, arc-seal, spf, dmarc-report or check");
    }

    /** The configured command line: byte streams, one-line errors and the exit statuses documented above. */
    public static CommandLine commandLine(Streams streams) {
        return commandLine(streams, System.getenv(ErrorReporter.DEBUG_ENV));
    }

    static CommandLine commandLine(Streams streams, String debugEnvironment) {
        ErrorReporter errors = new ErrorReporter(streams.err(), debugEnvironment);
        CommandLine commandLine = new CommandLine(new InkanCommand(streams));
        commandLine.setOut(streams.outWriter());
        commandLine.setErr(streams.errWriter());
        exitStatusHelp(commandLine);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExecutionExceptionHandler(errors);
        return commandLine;
    }

    /** The exit statuses, in the help of every command. */
    private static void exitStatusHelp(CommandLine commandLine) {
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("" + EXIT_OK, "it ran, whatever the verification results");
        statuses.put("" + EXIT_INTERNAL, "internal error, a bug (--debug or INKAN_DEBUG=1: stack trace)");
        statuses.put("" + EXIT_INPUT, "usage or input error (bad option, unreadable file, bad key or zone,");
        statuses.put("", "message header block over the limits): one line on standard error");
        exitStatusHelp(commandLine, statuses);
    }

    /** {@code statuses} in the help of the command and its subcommands, unless a command declares its own. */
    private static void exitStatusHelp(CommandLine commandLine, Map<String, String> statuses) {
        CommandLine.Model.UsageMessageSpec usage = commandLine.getCommandSpec().usageMessage();
        Map<String, String> own = usage.exitCodeList().isEmpty() ? statuses : usage.exitCodeList();
        usage.exitCodeListHeading("%nExit status:%n").exitCodeList(own);
        commandLine.getSubcommands().values().forEach(sub -> exitStatusHelp(sub, own));
    }

    public static void main(String[] args) {
        Streams streams = Streams.system();
        int status = commandLine(streams).execute(args);
        streams.out().flush();
        System.exit(status);
    }
}
