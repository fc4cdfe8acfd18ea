package dev.inkan.reports.store;

import static dev.inkan.reports.store.StoreFixtures.DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.dmarc.report.AggregateReport;
import dev.inkan.dmarc.report.AggregateReportXml;
import dev.inkan.dmarc.report.EvaluationRecord;
import dev.inkan.dmarc.report.ReportNames;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store: a file-backed H2 database, created on first open, upgraded by the versioned scripts. */
class H2ReportStoreTest {

    @TempDir
    Path dir;

    String url() {
        return "jdbc:h2:file:" + dir.resolve("dmarc-reports");
    }

    @Test
    void records_come_back_exactly_and_aggregate_into_the_same_report() {
        JdbcReportStore store = JdbcReportStore.open(url(), null, null);
        List<EvaluationRecord> written = StoreFixtures.day("example.com");
        store.add(written, "james-1");
        store.add(StoreFixtures.day("example.org"), "james-1");

        assertThat(store.policyDomains(DAY, DAY.plus(Duration.ofDays(1)))).containsExactly("example.com", "example.org");
        List<EvaluationRecord> read = store.records("example.com", DAY, DAY.plus(Duration.ofDays(1)));
        assertThat(read).isEqualTo(written);

        AggregateReport.Metadata metadata = new AggregateReport.Metadata("mx.example.net", "postmaster@example.net", null,
                ReportNames.reportId("mx.example.net", "example.com", DAY, "n1"), DAY, DAY.plus(Duration.ofDays(1)),
                List.of(), "Inkan");
        assertThat(AggregateReportXml.toXml(AggregateReport.of(metadata, read)))
                .isEqualTo(AggregateReportXml.toXml(AggregateReport.of(metadata, written)));
        assertThat(AggregateReport.of(metadata, read).rows()).hasSize(3);
    }

    @Test
    void reopening_keeps_the_data_and_applies_no_script_twice() throws Exception {
        JdbcReportStore.open(url(), null, null).add(StoreFixtures.day("example.com"), null);
        JdbcReportStore again = JdbcReportStore.open(url(), null, null);
        assertThat(again.records("example.com", DAY, DAY.plus(Duration.ofDays(1)))).hasSize(4);
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT COUNT(*), MAX(version) FROM inkan_schema_version");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(SchemaMigrations.SCRIPTS.size());
            assertThat(rs.getInt(2)).isEqualTo(SchemaMigrations.SCRIPTS.size());
        }
    }

    @Test
    void retention_deletes_what_is_older_than_the_cutoff() {
        JdbcReportStore store = JdbcReportStore.open(url(), null, null);
        store.add(StoreFixtures.day("example.com"), null);
        assertThat(store.deleteBefore(DAY.plusSeconds(150))).isEqualTo(2);
        assertThat(store.records("example.com", DAY, DAY.plus(Duration.ofDays(1)))).hasSize(2);
    }

    @Test
    void a_schema_newer_than_this_inkan_and_a_bad_url_are_one_line_errors() throws Exception {
        JdbcReportStore.open(url(), null, null);
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO inkan_schema_version VALUES (99, 'V99__future.sql', 0)");
        }
        assertThatThrownBy(() -> JdbcReportStore.open(url(), null, null))
                .hasMessageContaining("schema version 99, newer than this Inkan knows");
        assertThatThrownBy(() -> JdbcReportStore.open("jdbc:mysql://db/inkan?password=secret", null, null))
                .hasMessageContaining("unsupported JDBC URL").hasMessageNotContaining("secret");
    }

    @Test
    void a_store_of_an_older_schema_is_upgraded_and_keeps_its_data() throws Exception {
        JdbcReportStore.open(url(), null, null).add(StoreFixtures.day("example.com"), null);
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            // back to what a version-1 Inkan left
            s.execute("DROP TABLE inkan_dmarc_report_received");
            s.execute("DROP TABLE inkan_dmarc_report_sent");
            s.execute("DELETE FROM inkan_schema_version WHERE version >= 2");
        }
        JdbcReportStore upgraded = JdbcReportStore.open(url(), null, null);
        assertThat(upgraded.records("example.com", DAY, DAY.plus(Duration.ofDays(1)))).hasSize(4);
        assertThat(upgraded.claimReport("example.com", DAY, DAY.plus(Duration.ofDays(1)), null)).isTrue();
    }

    @Test
    void received_reports_are_kept_once_and_read_back() {
        JdbcReportStore store = JdbcReportStore.open(url(), null, null);
        dev.inkan.dmarc.report.ReceivedReport report = new dev.inkan.dmarc.report.ReceivedReport("google.com", "r1",
                DAY, DAY.plus(Duration.ofDays(1)), "example.com", List.of(
                        new dev.inkan.dmarc.report.ReceivedReport.Row("192.0.2.10", 40, "none", true, true, "example.com",
                                List.of("example.com pass", "esp.example fail"), List.of("example.com pass")),
                        new dev.inkan.dmarc.report.ReceivedReport.Row("203.0.113.9", 7, "reject", false, false, null,
                                List.of(), List.of())));
        assertThat(store.addReceived(report)).isTrue();
        assertThat(store.addReceived(report)).isFalse();
        assertThat(store.received("example.com", DAY, DAY.plus(Duration.ofDays(1)))).containsExactly(report);
    }

    @Test
    void a_report_is_claimed_once() {
        JdbcReportStore store = JdbcReportStore.open(url(), null, null);
        assertThat(store.claimReport("example.com", DAY, DAY.plus(Duration.ofDays(1)), "james-1")).isTrue();
        assertThat(store.claimReport("EXAMPLE.com", DAY, DAY.plus(Duration.ofDays(1)), "james-2")).isFalse();
        assertThat(store.claimReport("example.com", DAY.plus(Duration.ofDays(1)), DAY.plus(Duration.ofDays(2)), null))
                .isTrue();
    }

    @Test
    void a_released_claim_can_be_claimed_again_but_only_its_owner_releases_it() {
        JdbcReportStore store = JdbcReportStore.open(url(), null, null);
        Instant end = DAY.plus(Duration.ofDays(1));
        assertThat(store.claimReport("example.com", DAY, end, "james-1")).isTrue();
        store.releaseClaim("example.com", DAY, "james-2");
        assertThat(store.claimReport("example.com", DAY, end, "james-2")).isFalse();
        store.releaseClaim("Example.COM", DAY, "james-1");
        assertThat(store.claimReport("example.com", DAY, end, "james-2")).isTrue();
    }

    @Test
    void text_rows_round_trip_every_awkward_character() {
        List<List<String>> rows = List.of(java.util.Arrays.asList("a\tb", "c\nd", null, "\\0", "", "e\\f\r"),
                java.util.Arrays.asList("x", null));
        assertThat(TextRows.decode(TextRows.encode(rows))).isEqualTo(rows);
        assertThat(TextRows.decode(TextRows.encode(List.of()))).isEmpty();
    }
}
