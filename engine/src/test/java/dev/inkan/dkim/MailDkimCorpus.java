package dev.inkan.dkim;

import dev.inkan.conformance.ConformanceSuite;
import dev.inkan.dns.ScriptedResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads Mail::DKIM's corpus (dkim-corpus/): EXPECTED.tsv rows and FAKE_DNS.dat as a resolver. */
final class MailDkimCorpus {

    record Row(String file, String expected, boolean skippedByMailDkim, String comment) {
        boolean isDomainKeys() {
            return file.contains("_dk_") || file.startsWith("dk_");
        }
    }

    private MailDkimCorpus() {
    }

    static Path dir() {
        return ConformanceSuite.resolve("dkim-corpus");
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir().resolve("EXPECTED.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            rows.add(new Row(f[0], f[1], f[2].equals("yes"), f.length > 3 ? f[3] : ""));
        }
        return rows;
    }

    /** FAKE_DNS.dat as a resolver. */
    static ScriptedResolver resolver() {
        return ScriptedResolver.fromMailDkimFakeDns(dir().resolve("FAKE_DNS.dat"));
    }
}
