package dev.inkan.cli;

import dev.inkan.message.LineEnding;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The output of {@code sign} and {@code arc-seal}: the new fields, in the file's own line ending (the first
 * line's, so an LF-only file stays LF-only), then the file's bytes unchanged.
 */
final class FieldsOnTop {

    private FieldsOnTop() {
    }

    /** @param fields CRLF-terminated header fields, in order */
    static void write(List<String> fields, LineEnding lineEnding, Path message, OutputStream out) throws IOException {
        for (String field : fields) {
            String text = lineEnding == LineEnding.LF ? field.replace("\r\n", "\n") : field;
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Files.copy(message, out);
        out.flush();
    }
}
