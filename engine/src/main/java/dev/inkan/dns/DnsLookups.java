package dev.inkan.dns;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs DNS queries off the caller's thread (an answer the resolver has cached is taken on the caller's thread at
 * once), so that the queries one message needs run at the same time and a
 * caller can stop waiting when its budget is spent ({@link #forMessage(Duration)}). The same query asked by
 * several messages at once is sent once. Queries run on a bounded pool of daemon threads; the default pool is
 * shared by every {@code DnsLookups} of the JVM ({@value #DEFAULT_THREADS} threads, idle ones end after 30 s).
 *
 * <p>A {@link DnsObserver} given at construction hears of every query run and every budget spent (metrics).
 *
 * <p>A query whose caller gave up still runs to its own end (the resolver's timeout, or at once when its
 * circuit breaker is open), on a pool thread, never on the caller's. Thread-safe.
 */
public final class DnsLookups {

    /** Threads of the shared pool: enough for every spool thread's lookups of a busy server at once. */
    public static final int DEFAULT_THREADS = 64;

    private final DnsResolver resolver;
    private final Executor executor;
    private final DnsObserver observer;
    private final ConcurrentHashMap<String, CompletableFuture<DnsAnswer<?>>> inFlight = new ConcurrentHashMap<>();

    /** Queries {@code resolver} on the shared pool. */
    public DnsLookups(DnsResolver resolver) {
        this(resolver, SharedPool.EXECUTOR);
    }

    /** Queries {@code resolver} on {@code executor} (a test may pass {@code Runnable::run}). */
    public DnsLookups(DnsResolver resolver, Executor executor) {
        this(resolver, executor, DnsObserver.NONE);
    }

    /** As {@link #DnsLookups(DnsResolver, Executor)}, telling {@code observer} of each query and spent budget. */
    public DnsLookups(DnsResolver resolver, Executor executor, DnsObserver observer) {
        this.resolver = java.util.Objects.requireNonNull(resolver, "resolver");
        this.executor = java.util.Objects.requireNonNull(executor, "executor");
        this.observer = java.util.Objects.requireNonNull(observer, "observer");
    }

    /** The shared pool, as {@link #DnsLookups(DnsResolver)}, telling {@code observer} of each query. */
    public DnsLookups(DnsResolver resolver, DnsObserver observer) {
        this(resolver, SharedPool.EXECUTOR, observer);
    }

    public DnsResolver resolver() {
        return resolver;
    }

    /** A message stopped waiting for a query of {@code type}; the observer hears of it. */
    void budgetUsedUp(String type) {
        try {
            observer.budgetUsedUp(type);
        } catch (RuntimeException e) {
            // an observer's failure is no DNS outcome
        }
    }

    /** A resolver for one message: its queries are remembered, run concurrently, and bounded by {@code budget}. */
    public BudgetedResolver forMessage(Duration budget) {
        return new BudgetedResolver(this, budget);
    }

    /**
     * The answer to one query, shared with any identical query already in flight.
     *
     * @param type the record type, for sharing and logs ("TXT", "A", ...)
     * @param name the name queried (or the address, for PTR)
     */
    @SuppressWarnings("unchecked")
    <T> CompletableFuture<DnsAnswer<T>> submit(String type, String name, Function<DnsResolver, DnsAnswer<T>> query) {
        DnsAnswer<T> cached = fromCache(query);
        if (cached != null) {
            observe(type, cached);
            return CompletableFuture.completedFuture(cached);
        }
        String key = type + ' ' + name.toLowerCase(Locale.ROOT);
        CompletableFuture<DnsAnswer<?>> created = new CompletableFuture<>();
        CompletableFuture<DnsAnswer<?>> running = inFlight.putIfAbsent(key, created);
        if (running != null) {
            return (CompletableFuture<DnsAnswer<T>>) (CompletableFuture<?>) running;
        }
        try {
            executor.execute(() -> {
                DnsAnswer<?> answer;
                try {
                    answer = query.apply(resolver);
                } catch (RuntimeException e) {
                    answer = DnsAnswer.tempFail("resolver error: " + e);
                }
                observe(type, answer);
                inFlight.remove(key, created);
                created.complete(answer);
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(key, created);
            created.complete(DnsAnswer.tempFail("no DNS worker available"));
        }
        return (CompletableFuture<DnsAnswer<T>>) (CompletableFuture<?>) created;
    }

    /**
     * The answer when the resolver has it cached ({@link DnsjavaResolver#cacheOnly()}), found on the caller's thread
     * without waiting; null when the query has to go to the pool.
     */
    private <T> DnsAnswer<T> fromCache(Function<DnsResolver, DnsAnswer<T>> query) {
        if (!(resolver instanceof DnsjavaResolver dnsjava)) {
            return null;
        }
        try {
            DnsAnswer<T> answer = query.apply(dnsjava.cacheOnly());
            return answer.isNotCached() ? null : answer;
        } catch (RuntimeException e) {
            return null; // the pool's query reports it
        }
    }

    private void observe(String type, DnsAnswer<?> answer) {
        try {
            observer.answered(type, answer);
        } catch (RuntimeException e) {
            // an observer's failure is no DNS outcome
        }
    }

    private static final class SharedPool {
        static final ThreadPoolExecutor EXECUTOR = create();

        private static ThreadPoolExecutor create() {
            AtomicInteger count = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(DEFAULT_THREADS, DEFAULT_THREADS, 30, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), task -> {
                        Thread thread = new Thread(task, "inkan-dns-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }
}
