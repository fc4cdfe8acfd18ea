package dev.inkan.dns;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * The DNS of one message: every query goes through {@link DnsLookups} (so independent queries run at the same
 * time), each distinct query is asked once, and the whole message may wait at most its budget. A query still
 * outstanding when the budget is spent is answered {@link DnsStatus#TEMPFAIL} with the detail
 * {@code "DNS budget of N ms used up"}, which each protocol reports as its temporary error. {@link #prefetchTxt}
 * starts a query without waiting, for lookups known to come (the keys of every signature, the DMARC record).
 *
 * <p>The budget runs from creation, on the monotonic clock ({@link System#nanoTime()}). Thread-safe; one per
 * message.
 */
public final class BudgetedResolver implements DnsResolver {

    private static final DnsFailureLog BUDGET_LOG = new DnsFailureLog(LoggerFactory.getLogger(BudgetedResolver.class),
            Duration.ofMinutes(1), 10_000);

    private final DnsLookups lookups;
    private final DnsResolver resolver;
    private final Duration budget;
    private final long deadline;
    private final ConcurrentHashMap<String, CompletableFuture<?>> asked = new ConcurrentHashMap<>();
    private volatile boolean spent;

    BudgetedResolver(DnsLookups lookups, Duration budget) {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("DNS budget must be positive: " + budget);
        }
        this.lookups = lookups;
        this.resolver = lookups.resolver();
        this.budget = budget;
        this.deadline = System.nanoTime() + budget.toNanos();
    }

    /** Starts the TXT query for {@code name} now; a later {@link #txt(String)} takes its answer. */
    public void prefetchTxt(String name) {
        future("TXT", name, r -> r.txt(name));
    }

    /** Whether some query was cut off by the budget. */
    public boolean budgetSpent() {
        return spent;
    }

    public Duration budget() {
        return budget;
    }

    @Override
    public DnsAnswer<String> txt(String name) {
        return await("TXT", name, future("TXT", name, r -> r.txt(name)));
    }

    @Override
    public DnsAnswer<InetAddress> a(String name) {
        return await("A", name, future("A", name, r -> r.a(name)));
    }

    @Override
    public DnsAnswer<InetAddress> aaaa(String name) {
        return await("AAAA", name, future("AAAA", name, r -> r.aaaa(name)));
    }

    @Override
    public DnsAnswer<MxHost> mx(String name) {
        return await("MX", name, future("MX", name, r -> r.mx(name)));
    }

    @Override
    public DnsAnswer<String> ptr(InetAddress address) {
        String name = address.getHostAddress();
        return await("PTR", name, future("PTR", name, r -> r.ptr(address)));
    }

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<DnsAnswer<T>> future(String type, String name,
            Function<DnsResolver, DnsAnswer<T>> query) {
        return (CompletableFuture<DnsAnswer<T>>) asked.computeIfAbsent(type + ' ' + name,
                k -> lookups.submit(type, name, query));
    }

    private <T> DnsAnswer<T> await(String type, String name, CompletableFuture<DnsAnswer<T>> answer) {
        try {
            if (answer.isDone()) {
                return answer.get();
            }
            long left = deadline - System.nanoTime();
            if (left > 0) {
                return answer.get(left, TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            // reported below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DnsAnswer.tempFail("interrupted");
        } catch (ExecutionException e) {
            return DnsAnswer.tempFail("resolver error: " + e.getCause());
        }
        spent = true;
        lookups.budgetUsedUp(type);
        String detail = "DNS budget of " + budget.toMillis() + " ms used up";
        BUDGET_LOG.failed(name, type, detail, System.nanoTime());
        return DnsAnswer.tempFail(detail);
    }

    @Override
    public String toString() {
        return "BudgetedResolver[" + budget.toMillis() + " ms, " + resolver + "]";
    }
}
