package dev.inkan.reports.store;

import dev.inkan.dmarc.report.EvaluationRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records DMARC evaluations into a {@link JdbcReportStore} without ever making mail wait: {@link #record} only puts
 * the record in a bounded queue; one background thread writes batches. While the store is down, records wait in
 * the queue (retried every few seconds, one WARN per failure streak); when the queue is full the newest record is
 * dropped and counted. One recorder per store URL and JVM ({@link #forStore}), shared by every mailet and hook.
 */
public final class ReportRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReportRecorder.class);
    private static final Map<String, ReportRecorder> SHARED = new ConcurrentHashMap<>();
    static final int CAPACITY = 100_000;
    static final int BATCH = 500;

    private final Supplier<JdbcReportStore> opener;
    private JdbcReportStore store;
    private final String node;
    private final BlockingQueue<EvaluationRecord> queue;
    private final Duration retry;
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean closed;

    ReportRecorder(JdbcReportStore store, String node, int capacity, Duration retry) {
        this(() -> store, node, capacity, retry);
        Objects.requireNonNull(store, "store");
    }

    /** @param opener opens the store; called by the writer thread, again after a failure (the database may be down) */
    ReportRecorder(Supplier<JdbcReportStore> opener, String node, int capacity, Duration retry) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.node = node;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.retry = retry;
        this.writer = new Thread(this::run, "inkan-dmarc-report-recorder");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * The recorder of the store at {@code url}. The store is opened (schema created or upgraded) by the writer
     * thread, and opened again after a failure: a database that is down when James starts delays nothing.
     *
     * @throws ReportStoreException when {@code url} names no supported database: a configuration error
     */
    public static ReportRecorder forStore(String url, String user, String password, String node) {
        JdbcReportStore.checkUrl(url);
        return SHARED.computeIfAbsent(url, u -> new ReportRecorder(() -> JdbcReportStore.open(u, user, password), node,
                CAPACITY, Duration.ofSeconds(5)));
    }

    /** Queues {@code record} for the store; never blocks. False when the queue was full and it was dropped. */
    public boolean record(EvaluationRecord record) {
        if (closed || !queue.offer(record)) {
            long n = dropped.incrementAndGet();
            if (Long.bitCount(n) == 1) { // 1, 2, 4, 8, ...: a log line that does not flood
                LOG.warn("DMARC report store: {} evaluations dropped so far (queue of {} full or recorder closed)", n,
                        CAPACITY);
            }
            return false;
        }
        return true;
    }

    public long written() {
        return written.get();
    }

    public long dropped() {
        return dropped.get();
    }

    /** Failed attempts to write a batch (each retried). */
    public long failures() {
        return failures.get();
    }

    /** Records waiting to be written. */
    public int pending() {
        return queue.size();
    }

    private void run() {
        List<EvaluationRecord> batch = new ArrayList<>(BATCH);
        boolean failing = false;
        while (!closed || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    EvaluationRecord first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                if (store == null) {
                    store = opener.get();
                }
                store.add(batch, node);
                written.addAndGet(batch.size());
                batch.clear();
                if (failing) {
                    LOG.info("DMARC report store: writing again ({} evaluations waiting)", queue.size());
                    failing = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.incrementAndGet(); // an open that failed leaves store null: it is opened again next time
                if (!failing) {
                    LOG.warn("DMARC report store unavailable, {} evaluations waiting; retrying every {} s: {}",
                            batch.size() + queue.size(), retry.toSeconds(), e.getMessage());
                    failing = true;
                }
                if (closed) {
                    return;
                }
                try {
                    Thread.sleep(retry.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Writes what is queued (waiting at most {@code timeout}), then stops. */
    public void close(Duration timeout) throws InterruptedException {
        closed = true;
        writer.join(timeout.toMillis());
    }

    @Override
    public void close() throws InterruptedException {
        close(Duration.ofSeconds(10));
    }
}
