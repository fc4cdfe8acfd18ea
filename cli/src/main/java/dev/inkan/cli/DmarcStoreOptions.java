package dev.inkan.cli;

import dev.inkan.reports.store.JdbcReportStore;
import dev.inkan.reports.store.ReportStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where DMARC evaluations are stored for aggregate reports: a JDBC URL, a user and a password file. */
final class DmarcStoreOptions {

    @Option(names = {"--dmarc-store", "--store"}, order = 40, paramLabel = "JDBC_URL",
            description = "The DMARC report store: jdbc:h2:file:/path/reports (embedded, created on first use) or "
                    + "jdbc:postgresql://host/db (shared by several James nodes).")
    String url;

    @Option(names = {"--dmarc-store-user", "--store-user"}, order = 41, paramLabel = "USER", description = "The store's database user.")
    String user;

    @Option(names = {"--dmarc-store-password-file", "--store-password-file"}, order = 42, paramLabel = "FILE",
            description = "A file holding the database password (never on the command line).")
    Path passwordFile;

    boolean given() {
        return url != null;
    }

    /** Opens the store, creating or upgrading its schema; an unusable store is an input error of one line. */
    JdbcReportStore open() throws InputException {
        String password = null;
        if (passwordFile != null) {
            try {
                password = Files.readString(passwordFile).strip();
            } catch (IOException e) {
                throw new InputException("--dmarc-store-password-file " + passwordFile + ": cannot read it: "
                        + e.getMessage());
            }
        }
        try {
            return JdbcReportStore.open(url, user, password);
        } catch (ReportStoreException e) {
            throw new InputException(e.getMessage());
        }
    }
}
