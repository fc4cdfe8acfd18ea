package dev.inkan.keytable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The line format OpenDKIM's flat-file datasets share: one entry per line, a key then a value separated
 * by white space, '#' starting a comment, blank lines ignored.
 */
final class TableLines {

    record Line(int number, String key, String value) {
    }

    private TableLines() {
    }

    static List<Line> read(Path file) throws KeyTableException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KeyTableException("cannot read " + file + ": " + e.getMessage());
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            int hash = text.indexOf('#');
            if (hash >= 0) {
                text = text.substring(0, hash);
            }
            text = text.strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = text.split("\\s+", 2);
            if (parts.length < 2) {
                throw new KeyTableException(file + ", line " + (i + 1) + ": expected '<key> <value>', got '" + text + "'");
            }
            out.add(new Line(i + 1, parts[0], parts[1].strip()));
        }
        return out;
    }
}
