package dev.inkan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Standard input copied to a temporary file (created readable by its owner only), so a message of any
 * size can be read twice without being held in memory. Closing deletes the file.
 */
final class StdinSpool implements AutoCloseable {

    private final Path file;

    private StdinSpool(Path file) {
        this.file = file;
    }

    static StdinSpool of(InputStream in) throws IOException {
        Path file = Files.createTempFile("inkan-stdin-", ".eml");
        try {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return new StdinSpool(file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
