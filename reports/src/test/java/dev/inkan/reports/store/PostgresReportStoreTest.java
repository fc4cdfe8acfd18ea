package dev.inkan.reports.store;

import static dev.inkan.reports.store.StoreFixtures.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dmarc.report.AggregateReport;
import dev.inkan.dmarc.report.EvaluationRecord;
import dev.inkan.dmarc.report.ReportNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared store on a real PostgreSQL server started for the test: two nodes opening it at once (one applies the
 * schema, the other sees it applied), then both writing concurrently; one report comes out with every evaluation
 * counted once.
 */
class PostgresReportStoreTest {

    static LocalPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = LocalPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void two_nodes_share_one_store_and_one_report_counts_every_evaluation_once() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<JdbcReportStore>> opened = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                opened.add(nodes.submit(() -> JdbcReportStore.open(postgres.url(), "inkan", null)));
            }
            JdbcReportStore node1 = opened.get(0).get();
            JdbcReportStore node2 = opened.get(1).get();
            int batches = 25;
            List<Callable<Void>> writers = new ArrayList<>();
            for (JdbcReportStore[] pair : new JdbcReportStore[][] {{node1}, {node2}}) {
                String name = pair[0] == node1 ? "james-1" : "james-2";
                writers.add(() -> {
                    for (int b = 0; b < batches; b++) {
                        pair[0].add(StoreFixtures.day("example.com"), name);
                    }
                    return null;
                });
            }
            for (Future<Void> f : nodes.invokeAll(writers)) {
                f.get();
            }
            List<EvaluationRecord> all = node1.records("example.com", DAY, DAY.plus(Duration.ofDays(1)));
            assertThat(all).hasSize(2 * batches * 4);
            AggregateReport report = AggregateReport.of(new AggregateReport.Metadata("mx.example.net",
                    "postmaster@example.net", null, ReportNames.reportId("mx.example.net", "example.com", DAY, "pg"),
                    DAY, DAY.plus(Duration.ofDays(1)), List.of(), "Inkan"), all);
            assertThat(report.messages()).isEqualTo(2L * batches * 4);
            assertThat(report.rows()).hasSize(3);
            assertThat(report.rows().get(0).count()).isEqualTo(2L * batches * 2); // two alike passes per batch
            assertThat(node2.records("example.com", DAY, DAY.plus(Duration.ofDays(1)))).isEqualTo(all);
            // both nodes try to send the day's report: exactly one gets it
            List<Callable<Boolean>> claims = List.of(
                    () -> node1.claimReport("example.com", DAY, DAY.plus(Duration.ofDays(1)), "james-1"),
                    () -> node2.claimReport("example.com", DAY, DAY.plus(Duration.ofDays(1)), "james-2"));
            int won = 0;
            for (Future<Boolean> f : nodes.invokeAll(claims)) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            nodes.shutdownNow();
        }
    }
}
