package dev.inkan.reports.store;

import static dev.inkan.reports.store.StoreFixtures.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording never blocks the mail path: queued, written in batches, kept while the store is down, counted when dropped. */
class ReportRecorderTest {

    @TempDir
    Path dir;

    @Test
    void records_are_written_in_the_background() throws Exception {
        JdbcReportStore store = JdbcReportStore.open("jdbc:h2:file:" + dir.resolve("r"), null, null);
        ReportRecorder recorder = new ReportRecorder(store, "james-1", 1000, Duration.ofMillis(100));
        for (int i = 0; i < 600; i++) {
            assertThat(recorder.record(StoreFixtures.pass("example.com", "192.0.2.10", i % 60))).isTrue();
        }
        recorder.close(Duration.ofSeconds(30));
        assertThat(recorder.written()).isEqualTo(600);
        assertThat(store.records("example.com", DAY, DAY.plus(Duration.ofDays(1)))).hasSize(600);
    }

    @Test
    void a_store_outage_keeps_records_waiting_and_a_full_queue_drops_and_counts() throws Exception {
        Path db = dir.resolve("down");
        JdbcReportStore store = JdbcReportStore.open("jdbc:h2:file:" + db, null, null);
        // the outage: the table disappears under the recorder, then comes back
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + db); var s = c.createStatement()) {
            s.execute("ALTER TABLE inkan_dmarc_evaluation RENAME TO parked");
        }
        ReportRecorder recorder = new ReportRecorder(store, null, 10, Duration.ofMillis(100));
        int accepted = 0;
        for (int i = 0; i < 25; i++) {
            accepted += recorder.record(StoreFixtures.pass("example.com", "192.0.2.10", i)) ? 1 : 0;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (recorder.failures() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(recorder.failures()).isPositive();
        assertThat(recorder.dropped()).isEqualTo(25 - accepted).isPositive();
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + db); var s = c.createStatement()) {
            s.execute("ALTER TABLE parked RENAME TO inkan_dmarc_evaluation");
        }
        recorder.close(Duration.ofSeconds(30));
        assertThat(recorder.written()).isEqualTo(accepted);
        assertThat(store.records("example.com", DAY, DAY.plus(Duration.ofDays(1)))).hasSize(accepted);
    }
}
