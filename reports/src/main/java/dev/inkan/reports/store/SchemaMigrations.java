package dev.inkan.reports.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the store's schema from versioned SQL scripts on the classpath ({@code V<n>__<name>.sql}
 * beside this class), each applied once, in order, in its own transaction, and recorded in
 * {@code inkan_schema_version}. Several James nodes may start at once: the version's primary key lets only one
 * apply a script, the others see it applied (PostgreSQL's DDL is transactional, so the claim and the tables commit
 * together). Within one JVM migrations run one at a time: H2 commits DDL at once, so a second opener could see the
 * claim before the tables. A database whose schema is newer than this Inkan is refused.
 */
final class SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    /** The scripts, in order; version n is the n-th. */
    static final List<String> SCRIPTS = List.of("V1__evaluations.sql", "V2__reports_sent.sql",
            "V3__reports_received.sql");

    private SchemaMigrations() {
    }

    static synchronized void migrate(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS inkan_schema_version (version INT PRIMARY KEY, script VARCHAR(200) NOT NULL,"
                    + " applied_at BIGINT NOT NULL)");
        } catch (SQLException e) {
            // PostgreSQL: two nodes creating it at the same moment, one loses on its catalog; it exists now
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            current(connection);
        }
        int current = current(connection);
        if (current > SCRIPTS.size()) {
            throw new ReportStoreException("the DMARC report store has schema version " + current + ", newer than this"
                    + " Inkan knows (" + SCRIPTS.size() + "); upgrade Inkan on this node");
        }
        for (int version = current + 1; version <= SCRIPTS.size(); version++) {
            apply(connection, version, SCRIPTS.get(version - 1));
        }
    }

    static int current(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM inkan_schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void apply(Connection connection, int version, String script) throws SQLException {
        String sql = read(script);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement claim = connection.prepareStatement(
                    "INSERT INTO inkan_schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                claim.setInt(1, version);
                claim.setString(2, script);
                claim.setLong(3, Instant.now().getEpochSecond());
                claim.executeUpdate();
            }
            try (Statement s = connection.createStatement()) {
                for (String statement : statements(sql)) {
                    s.execute(statement);
                }
            }
            connection.commit();
            LOG.info("DMARC report store: schema version {} applied ({})", version, script);
        } catch (SQLException e) {
            connection.rollback();
            if (current(connection) >= version) {
                return; // another node applied it meanwhile
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The statements of a script: split at semicolons that end a line; "--" comment lines dropped. */
    static List<String> statements(String sql) {
        StringBuilder clean = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                clean.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(clean.toString().split(";\\s*\n")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    private static String read(String script) {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new ReportStoreException("schema script " + script + " is missing from the Inkan jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportStoreException("cannot read schema script " + script + ": " + e.getMessage(), e);
        }
    }
}
