package dev.inkan.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * The messages of {@code sign} and {@code arc-seal} and where they go: no FILE (or '-') is standard input to
 * standard output, one FILE without {@code --out-dir} goes to standard output, with {@code --out-dir DIR} each
 * FILE is written to DIR under its own name (required for more than one FILE; never over its input), each
 * written beside its target and renamed, so a failure never leaves half a message behind.
 */
final class MessageOutputOptions {

    @Option(names = "--out-dir", paramLabel = "DIR", order = 17,
            description = "Write each FILE to DIR under its own name (DIR is created if missing).")
    private Path outDir;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Messages (default: standard input).")
    private List<Path> files = new ArrayList<>();

    /**
     * Writes every message through {@code writer}.
     *
     * @param usage makes the usage error for a message text
     */
    void run(MessageFileWriter writer, Streams streams, Function<String, ParameterException> usage)
            throws IOException, InputException {
        boolean fromStdin = files.isEmpty() || (files.size() == 1 && MessageFiles.isStdin(files.get(0)));
        if (fromStdin) {
            if (outDir != null) {
                throw usage.apply("--out-dir needs FILE arguments; standard input is written to standard output");
            }
            try (StdinSpool spool = StdinSpool.of(streams.in())) {
                toStdout(writer, spool.file(), "standard input", streams.out());
            }
            return;
        }
        MessageFiles.checkReadable(files);
        if (outDir == null) {
            if (files.size() > 1) {
                throw usage.apply(files.size() + " files need --out-dir DIR (one output file each)");
            }
            toStdout(writer, files.get(0), files.get(0).toString(), streams.out());
        } else {
            for (Map.Entry<Path, Path> t : targets(usage).entrySet()) {
                toFile(writer, t.getKey(), t.getValue());
            }
        }
    }

    /** Each input with its output file; refuses '-', two inputs with one name, and an output over its input. */
    private Map<Path, Path> targets(Function<String, ParameterException> usage) throws InputException, IOException {
        Files.createDirectories(outDir);
        Map<Path, Path> targets = new LinkedHashMap<>();
        Map<Path, Path> byTarget = new HashMap<>();
        for (Path file : files) {
            if (MessageFiles.isStdin(file)) {
                throw usage.apply("standard input ('-') cannot be combined with --out-dir");
            }
            Path target = outDir.resolve(file.getFileName());
            Path earlier = byTarget.put(target.toAbsolutePath().normalize(), file);
            if (earlier != null) {
                throw new InputException(earlier + " and " + file + " would both be written to " + target);
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(file, target)) {
                throw new InputException(target + " is the input itself; choose another --out-dir");
            }
            targets.put(file, target);
        }
        return targets;
    }

    private static void toStdout(MessageFileWriter writer, Path message, String name, PrintStream out)
            throws IOException, InputException {
        writer.write(message, name, out);
        if (out.checkError()) {
            throw new IOException("standard output: write error");
        }
    }

    /** Writes beside the target, then renames: a failure never leaves a half-written message behind. */
    private static void toFile(MessageFileWriter writer, Path message, Path target) throws IOException, InputException {
        Path dir = target.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 65536)) {
                writer.write(message, message.toString(), out);
            }
            copyPermissions(message, partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The written copy gets the permissions of its input (the temporary file starts as 600). */
    private static void copyPermissions(Path from, Path to) throws IOException {
        if (Files.getFileStore(to).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
    }
}
