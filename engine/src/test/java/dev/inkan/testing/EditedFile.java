package dev.inkan.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/** A configuration file an operator edits in place while the server runs. */
public final class EditedFile {

    private EditedFile() {
    }

    /**
     * Writes {@code text} to {@code file} in place, as an editor does, and moves its modification time at least a
     * second past the previous one: a file system with coarse time stamps must not hide the edit from a test.
     */
    public static Path write(Path file, String text) throws IOException {
        FileTime before = Files.exists(file) ? Files.getLastModifiedTime(file) : FileTime.fromMillis(0);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Math.max(before.toMillis() + 1000,
                Files.getLastModifiedTime(file).toMillis())));
        return file;
    }
}
