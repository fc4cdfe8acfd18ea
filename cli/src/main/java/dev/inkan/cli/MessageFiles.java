package dev.inkan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks the message files named on the command line before any work starts. */
final class MessageFiles {

    /** The name that stands for standard input. */
    static final String STDIN = "-";

    private MessageFiles() {
    }

    static boolean isStdin(Path file) {
        return STDIN.equals(file.toString());
    }

    /**
     * Fails on the first argument that is not a readable regular file ({@value #STDIN}, standard input, is
     * allowed once), so that a typo is reported before any output is written.
     */
    static void checkReadable(List<Path> files) throws InputException {
        boolean stdinSeen = false;
        for (Path file : files) {
            if (isStdin(file)) {
                if (stdinSeen) {
                    throw new InputException("standard input ('-') can be read only once");
                }
                stdinSeen = true;
            } else if (!Files.exists(file)) {
                throw new InputException(file + ": no such file");
            } else if (Files.isDirectory(file)) {
                throw new InputException(file + ": is a directory, not a message file");
            } else if (!Files.isReadable(file)) {
                throw new InputException(file + ": permission denied");
            }
        }
    }
}
