package dev.inkan.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/** Creates new files, never replacing one; secrets are created readable by their owner only. */
final class PrivateFiles {

    static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Creates {@code file} with mode 600 from the start (the permissions are part of the create call, so
     * the file is never readable by others, not even briefly) and writes {@code text}.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the file exists
     */
    static void createSecret(Path file, String text) throws IOException {
        boolean posix = Files.getFileStore(parentOf(file)).supportsFileAttributeView("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)}
                : new FileAttribute<?>[0];
        write(file, text, attributes);
        if (posix) {
            // The umask may have removed bits from 600; it cannot have added any. Make it exactly 600.
            Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
        }
    }

    /** Creates {@code file} with default permissions and writes {@code text}; refuses an existing file. */
    static void createPublic(Path file, String text) throws IOException {
        write(file, text, new FileAttribute<?>[0]);
    }

    private static void write(Path file, String text, FileAttribute<?>[] attributes) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        try (SeekableByteChannel channel = Files.newByteChannel(file,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath() : parent;
    }
}
