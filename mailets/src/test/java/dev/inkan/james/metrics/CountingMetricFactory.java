package dev.inkan.james.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.james.metrics.api.Metric;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.metrics.api.TimeMetric;
import org.reactivestreams.Publisher;

/**
 * Test support: a {@link MetricFactory} that keeps counts in memory, as James's DropWizard one does in its registry:
 * counters by name, and for each timer how many times it was published.
 */
public final class CountingMetricFactory implements MetricFactory {

    private final ConcurrentHashMap<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicLong> timings = new ConcurrentHashMap<>();

    /** Every counter, by name. */
    public Map<String, Long> counters() {
        Map<String, Long> all = new TreeMap<>();
        counters.forEach((name, count) -> all.put(name, count.get()));
        return all;
    }

    /** How many times the timer {@code name} was published (0 when never). */
    public long timings(String name) {
        AtomicLong count = timings.get(name);
        return count == null ? 0 : count.get();
    }

    @Override
    public Metric generate(String name) {
        AtomicLong count = counters.computeIfAbsent(name, n -> new AtomicLong());
        return new Metric() {
            @Override
            public void increment() {
                count.incrementAndGet();
            }

            @Override
            public void decrement() {
                count.decrementAndGet();
            }

            @Override
            public void add(int value) {
                count.addAndGet(value);
            }

            @Override
            public void remove(int value) {
                count.addAndGet(-value);
            }

            @Override
            public long getCount() {
                return count.get();
            }
        };
    }

    @Override
    public TimeMetric timer(String name) {
        long start = System.nanoTime();
        return new TimeMetric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ExecutionResult stopAndPublish() {
                timings.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                return new ExecutionResult() {
                    @Override
                    public Duration elasped() {
                        return elapsed;
                    }

                    @Override
                    public ExecutionResult logWhenExceedP99(Duration threshold) {
                        return this;
                    }
                };
            }
        };
    }

    @Override
    public <T> Publisher<T> decoratePublisherWithTimerMetric(String name, Publisher<T> publisher) {
        throw new UnsupportedOperationException("Inkan times no publishers");
    }

    @Override
    public <T> Publisher<T> decoratePublisherWithTimerMetricLogP99(String name, Publisher<T> publisher) {
        throw new UnsupportedOperationException("Inkan times no publishers");
    }
}
