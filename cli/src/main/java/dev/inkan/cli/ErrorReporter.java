package dev.inkan.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on standard error, {@code inkan: <message>}, and an exit status:
 * {@value InkanCommand#EXIT_INPUT} for usage errors, bad input and I/O failures (the operator can act on
 * them), {@value InkanCommand#EXIT_INTERNAL} for anything else, which is a bug. The stack trace of a bug
 * is printed only with {@code --debug} or the environment variable {@value #DEBUG_ENV} set (to anything
 * but {@code 0} or {@code false}).
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    static final String DEBUG_ENV = "INKAN_DEBUG";

    private final PrintStream err;
    private final boolean debugFromEnvironment;

    ErrorReporter(PrintStream err, String debugEnvironmentValue) {
        this.err = err;
        this.debugFromEnvironment = debugEnvironmentValue != null && !debugEnvironmentValue.isBlank()
                && !"0".equals(debugEnvironmentValue.strip())
                && !"false".equalsIgnoreCase(debugEnvironmentValue.strip());
    }

    /** Usage errors: picocli could not parse the command line. */
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String help = command.getCommandSpec().qualifiedName() + " --help";
        String message = String.valueOf(e.getMessage()).replaceFirst("^Error: ", "");
        line(message + " (see '" + help + "')");
        return InkanCommand.EXIT_INPUT;
    }

    /** Failures while a command ran. */
    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        if (e instanceof ParameterException) {
            return handleParseException((ParameterException) e, new String[0]);
        }
        if (e instanceof InputException) {
            line(e.getMessage());
            return InkanCommand.EXIT_INPUT;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            IOException io = e instanceof IOException ? (IOException) e : ((UncheckedIOException) e).getCause();
            line(describe(io));
            return InkanCommand.EXIT_INPUT;
        }
        boolean debug = debugFromEnvironment || debugRequested(parsed);
        line("internal error: " + e + (debug ? "" : " (run with --debug or " + DEBUG_ENV + "=1 for details)"));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return InkanCommand.EXIT_INTERNAL;
    }

    /** An operator-facing description of a file-system failure. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException) {
            FileSystemException fs = (FileSystemException) e;
            String file = fs.getFile();
            String what;
            if (e instanceof NoSuchFileException) {
                what = "no such file or directory";
            } else if (e instanceof AccessDeniedException) {
                what = "permission denied";
            } else if (e instanceof FileAlreadyExistsException) {
                what = "file already exists";
            } else if (e instanceof NotDirectoryException) {
                what = "not a directory";
            } else if (e instanceof DirectoryNotEmptyException) {
                what = "directory not empty";
            } else {
                what = fs.getReason() == null ? e.getClass().getSimpleName() : fs.getReason();
            }
            return file == null ? what : file + ": " + what;
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName().toLowerCase(Locale.ROOT) : message;
    }

    private static boolean debugRequested(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    private void line(String message) {
        err.println("inkan: " + message.replaceAll("[\\r\\n]+", " ").strip());
        err.flush();
    }
}
