package dev.inkan.cli;

import picocli.CommandLine.Option;

/** Options every inkan command takes, listed last in each help text. */
final class CommonOptions {

    @Option(names = {"-h", "--help"}, usageHelp = true, order = 100, description = "Show this help and exit.")
    private boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, order = 101, description = "Show the version and exit.")
    private boolean version;

    /** Read by {@link ErrorReporter} from the parse result, on whichever command it was given. */
    @Option(names = "--debug", order = 102,
            description = "On an internal error, print the stack trace (or set INKAN_DEBUG=1).")
    private boolean debug;
}
