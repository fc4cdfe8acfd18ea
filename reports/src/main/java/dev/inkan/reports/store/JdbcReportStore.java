package dev.inkan.reports.store;

import dev.inkan.dmarc.report.EvaluationRecord;
import dev.inkan.dmarc.report.EvaluationRecord.DkimAuth;
import dev.inkan.dmarc.report.EvaluationRecord.OverrideReason;
import dev.inkan.dmarc.report.EvaluationRecord.SpfAuth;
import dev.inkan.dmarc.report.PublishedPolicy;
import dev.inkan.dmarc.report.ReceivedReport;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The DMARC report store on JDBC: an embedded H2 database ({@code jdbc:h2:file:/var/lib/james/dmarc/reports}, no
 * set-up) or PostgreSQL ({@code jdbc:postgresql://db.example.net/inkan}, shared by several James nodes). The schema is
 * created or upgraded on open ({@link SchemaMigrations}). Each evaluation is one row, inserted once; reports read the
 * rows of a period and aggregate them in Java ({@link dev.inkan.dmarc.report.AggregateReport}). The drivers are
 * instantiated directly, not looked up through DriverManager, which does not see a James extension jar.
 */
public final class JdbcReportStore {

    private final String url;
    private final Properties credentials = new Properties();
    private final Driver driver;
    /** The connection batches of evaluations are written on, kept between batches. */
    private Connection writer;

    private JdbcReportStore(String url, String user, String password) {
        this.url = url;
        this.driver = driverFor(url);
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
    }

    /**
     * Opens the store at {@code url}, creating or upgrading its schema.
     *
     * @throws ReportStoreException with one line saying what failed (unknown URL scheme, database unreachable,
     *     schema newer than this Inkan)
     */
    public static JdbcReportStore open(String url, String user, String password) {
        JdbcReportStore store = new JdbcReportStore(url, user, password);
        try (Connection c = store.connect()) {
            SchemaMigrations.migrate(c);
        } catch (SQLException e) {
            throw new ReportStoreException("DMARC report store " + redacted(url) + ": " + e.getMessage(), e);
        }
        return store;
    }

    /** Checks that {@code url} names a supported database (without connecting): a configuration error otherwise. */
    public static void checkUrl(String url) {
        driverFor(url);
    }

    private static Driver driverFor(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return new org.h2.Driver();
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new org.postgresql.Driver();
        }
        throw new ReportStoreException("DMARC report store: unsupported JDBC URL " + redacted(url)
                + " (jdbc:h2:file:/path or jdbc:postgresql://host/db)");
    }

    private Connection connect() throws SQLException {
        Connection c = driver.connect(url, credentials);
        if (c == null) {
            throw new SQLException("the driver does not accept " + redacted(url));
        }
        return c;
    }

    /**
     * Stores {@code records} (one batch, one transaction), each marked with the James {@code node} that made it. The
     * connection is kept for the next batch (an embedded H2 database would otherwise be opened and closed for every
     * batch); after a failure it is dropped and the next batch connects again.
     */
    public synchronized void add(List<EvaluationRecord> records, String node) {
        if (records.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO inkan_dmarc_evaluation (evaluated_at, policy_domain, source_ip, header_from,"
                + " envelope_from, envelope_to, disposition, dkim_aligned, spf_aligned, policy_published, override_reasons,"
                + " dkim_results, spf_result, node) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try {
            if (writer == null || writer.isClosed()) {
                writer = connect();
                writer.setAutoCommit(false);
            }
        } catch (SQLException e) {
            writer = null;
            throw new ReportStoreException("DMARC report store " + redacted(url) + ": cannot store " + records.size()
                    + " evaluations: " + e.getMessage(), e);
        }
        Connection c = writer;
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (EvaluationRecord r : records) {
                insert.setLong(1, r.evaluatedAt().getEpochSecond());
                insert.setString(2, r.policy().domain().toLowerCase(Locale.ROOT));
                insert.setString(3, r.sourceIp());
                insert.setString(4, r.headerFrom());
                setNullable(insert, 5, r.envelopeFrom());
                setNullable(insert, 6, r.envelopeTo());
                insert.setString(7, r.disposition());
                insert.setBoolean(8, r.dkimAligned());
                insert.setBoolean(9, r.spfAligned());
                insert.setString(10, policy(r.policy()));
                insert.setString(11, TextRows.encode(r.reasons().stream()
                        .map(o -> Arrays.asList(o.type(), o.comment())).toList()));
                insert.setString(12, TextRows.encode(r.dkim().stream()
                        .map(d -> Arrays.asList(d.domain(), d.selector(), d.result(), d.human())).toList()));
                setNullable(insert, 13, r.spf() == null ? null
                        : TextRows.encode(List.of(Arrays.asList(r.spf().domain(), r.spf().result(), r.spf().human()))));
                setNullable(insert, 14, node);
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // it failed already
            }
            writer = null;
            throw new ReportStoreException("DMARC report store " + redacted(url) + ": cannot store " + records.size()
                    + " evaluations: " + e.getMessage(), e);
        }
    }

    /** The DMARC Policy Domains with evaluations in [{@code from}, {@code to}), sorted. */
    public List<String> policyDomains(Instant from, Instant to) {
        String sql = "SELECT DISTINCT policy_domain FROM inkan_dmarc_evaluation WHERE evaluated_at >= ? AND evaluated_at < ?"
                + " ORDER BY policy_domain";
        List<String> domains = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setLong(1, from.getEpochSecond());
            q.setLong(2, to.getEpochSecond());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    domains.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw failure("cannot list policy domains", e);
        }
        return domains;
    }

    /** The evaluations of {@code policyDomain} in [{@code from}, {@code to}), in the order they were stored. */
    public List<EvaluationRecord> records(String policyDomain, Instant from, Instant to) {
        String sql = "SELECT evaluated_at, source_ip, header_from, envelope_from, envelope_to, disposition, dkim_aligned,"
                + " spf_aligned, policy_published, override_reasons, dkim_results, spf_result FROM inkan_dmarc_evaluation"
                + " WHERE policy_domain = ? AND evaluated_at >= ? AND evaluated_at < ? ORDER BY id";
        return forDomain(sql, policyDomain, from, to, JdbcReportStore::record, "evaluations");
    }

    /** What one result row becomes. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The rows of {@code sql}, whose three parameters are the policy domain and the period. */
    private <T> List<T> forDomain(String sql, String policyDomain, Instant from, Instant to, RowReader<T> reader,
            String what) {
        List<T> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, policyDomain.toLowerCase(Locale.ROOT));
            q.setLong(2, from.getEpochSecond());
            q.setLong(3, to.getEpochSecond());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
        } catch (SQLException e) {
            throw failure("cannot read " + what + " of " + policyDomain, e);
        }
        return out;
    }

    /**
     * Claims the report of {@code policyDomain} for the period starting at {@code begin}: true for the one caller
     * (of every node sharing the store) that gets it, false when it was claimed before.
     */
    public boolean claimReport(String policyDomain, Instant begin, Instant end, String node) {
        String sql = "INSERT INTO inkan_dmarc_report_sent (policy_domain, period_begin, period_end, node, claimed_at)"
                + " VALUES (?, ?, ?, ?, ?)";
        try (Connection c = connect(); PreparedStatement claim = c.prepareStatement(sql)) {
            claim.setString(1, policyDomain.toLowerCase(Locale.ROOT));
            claim.setLong(2, begin.getEpochSecond());
            claim.setLong(3, end.getEpochSecond());
            setNullable(claim, 4, node);
            claim.setLong(5, Instant.now().getEpochSecond());
            claim.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (isDuplicate(e)) { // claimed before
                return false;
            }
            throw failure("cannot claim the report of " + policyDomain, e);
        }
    }

    /**
     * Gives a claim back, so that the next run (of any node) makes the report again: for a report none of whose
     * messages could be handed to the mail system. Only {@code node}'s own claim is released.
     */
    public void releaseClaim(String policyDomain, Instant begin, String node) {
        String sql = "DELETE FROM inkan_dmarc_report_sent WHERE policy_domain = ? AND period_begin = ?"
                + (node == null ? " AND node IS NULL" : " AND node = ?");
        try (Connection c = connect(); PreparedStatement release = c.prepareStatement(sql)) {
            release.setString(1, policyDomain.toLowerCase(Locale.ROOT));
            release.setLong(2, begin.getEpochSecond());
            if (node != null) {
                release.setString(3, node);
            }
            release.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot release the claim on the report of " + policyDomain, e);
        }
    }

    /**
     * Stores an aggregate report another receiver sent; false when the same report (reporter and Report-ID) is
     * already stored.
     */
    public boolean addReceived(ReceivedReport report) {
        String sql = "INSERT INTO inkan_dmarc_report_received (org_name, report_id, policy_domain, period_begin, period_end,"
                + " received_at, report_rows) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, cut(report.orgName(), 255));
            insert.setString(2, cut(report.reportId(), 255));
            insert.setString(3, cut(report.policyDomain(), 253));
            insert.setLong(4, report.begin().getEpochSecond());
            insert.setLong(5, report.end().getEpochSecond());
            insert.setLong(6, Instant.now().getEpochSecond());
            insert.setString(7, TextRows.encode(report.rows().stream().map(r -> Arrays.asList(r.sourceIp(),
                    Long.toString(r.count()), r.disposition(), Boolean.toString(r.dkimAligned()),
                    Boolean.toString(r.spfAligned()), r.headerFrom(), String.join(";", r.dkim()), String.join(";", r.spf())))
                    .toList()));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (isDuplicate(e)) {
                return false;
            }
            throw failure("cannot store the report " + report.reportId() + " of " + report.orgName(), e);
        }
    }

    /** The received reports about {@code policyDomain} whose period begins in [{@code from}, {@code to}). */
    public List<ReceivedReport> received(String policyDomain, Instant from, Instant to) {
        String sql = "SELECT org_name, report_id, period_begin, period_end, report_rows FROM inkan_dmarc_report_received"
                + " WHERE policy_domain = ? AND period_begin >= ? AND period_begin < ? ORDER BY period_begin, id";
        String domain = policyDomain.toLowerCase(Locale.ROOT);
        return forDomain(sql, policyDomain, from, to, rs -> new ReceivedReport(rs.getString(1), rs.getString(2),
                Instant.ofEpochSecond(rs.getLong(3)), Instant.ofEpochSecond(rs.getLong(4)), domain,
                TextRows.decode(rs.getString(5)).stream().map(f -> new ReceivedReport.Row(f.get(0), Long.parseLong(f.get(1)),
                        f.get(2), Boolean.parseBoolean(f.get(3)), Boolean.parseBoolean(f.get(4)), f.get(5), split(f.get(6)),
                        split(f.get(7)))).toList()), "received reports");
    }

    /** SQLSTATE class 23, integrity constraint violation: the row (a claim, a report) is there already. */
    private static boolean isDuplicate(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(";"));
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** Deletes evaluations made before {@code cutoff} (the retention period); returns how many. */
    public int deleteBefore(Instant cutoff) {
        try (Connection c = connect();
                PreparedStatement d = c.prepareStatement("DELETE FROM inkan_dmarc_evaluation WHERE evaluated_at < ?")) {
            d.setLong(1, cutoff.getEpochSecond());
            return d.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot delete old evaluations", e);
        }
    }

    private static EvaluationRecord record(ResultSet rs) throws SQLException {
        List<OverrideReason> reasons = TextRows.decode(rs.getString(10)).stream()
                .map(f -> new OverrideReason(f.get(0), f.get(1))).toList();
        List<DkimAuth> dkim = TextRows.decode(rs.getString(11)).stream()
                .map(f -> new DkimAuth(f.get(0), f.get(1), f.get(2), f.get(3))).toList();
        String spfText = rs.getString(12);
        SpfAuth spf = null;
        if (spfText != null) {
            List<String> f = TextRows.decode(spfText).get(0);
            spf = new SpfAuth(f.get(0), f.get(1), f.get(2));
        }
        return new EvaluationRecord(Instant.ofEpochSecond(rs.getLong(1)), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), policy(rs.getString(9)), rs.getString(6), rs.getBoolean(7),
                rs.getBoolean(8), reasons, dkim, spf);
    }

    private static String policy(PublishedPolicy p) {
        return TextRows.encode(List.of(
                Arrays.asList(p.domain(), p.p(), p.sp(), p.np(), p.adkim(), p.aspf(), p.discoveryMethod(), p.fo(),
                        p.testing()),
                withTag("rua", p.rua()), withTag("ruf", p.ruf())));
    }

    private static List<String> withTag(String tag, List<String> uris) {
        List<String> row = new ArrayList<>();
        row.add(tag);
        row.addAll(uris);
        return row.size() < 2 ? Arrays.asList(tag, null) : row;
    }

    private static PublishedPolicy policy(String text) {
        List<List<String>> rows = TextRows.decode(text);
        List<String> f = rows.get(0);
        return new PublishedPolicy(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5), f.get(6), f.get(7),
                f.get(8), uris(rows.get(1)), uris(rows.get(2)));
    }

    private static List<String> uris(List<String> row) {
        return row.subList(1, row.size()).stream().filter(java.util.Objects::nonNull).toList();
    }

    private static void setNullable(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }

    private ReportStoreException failure(String what, SQLException e) {
        return new ReportStoreException("DMARC report store " + redacted(url) + ": " + what + ": " + e.getMessage(), e);
    }

    /** The URL without a password parameter, for messages. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
