package dev.inkan.james.metrics;

import dev.inkan.authenticate.Authentication;
import dev.inkan.authenticate.Method;
import dev.inkan.authres.ResultInfo;
import dev.inkan.dns.DnsAnswer;
import dev.inkan.dns.DnsObserver;
import dev.inkan.dns.DnsStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.james.metrics.api.Metric;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.metrics.api.TimeMetric;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inkan's counters and timers in James's own metric system: the {@link MetricFactory} James injects into every
 * mailet and SMTP hook it builds, whose metrics James shows on WebAdmin's {@code /metrics} (Prometheus text) and
 * over JMX. One place for every name, so that all Inkan mailets and hooks count alike (the README's "Metrics" lists
 * them). James's metric names carry no labels, so what would be a label is part of the name: {@code
 * inkan_dkim_pass}, {@code inkan_dkim_signatures_example_com}.
 *
 * <ul>
 *   <li>{@code inkan_<method>_<result>}: one per result an evaluation reached itself (one per DKIM signature);
 *       results reused from an earlier step (a recorded attribute) are not counted again. S25R's verdict on an SMTP
 *       client counts as {@code inkan_s25r_<result>}, once per connection.</li>
 *   <li>{@code inkan_dkim_signatures_<domain>}, {@code inkan_domainkeys_signatures_<domain>}, {@code
 *       inkan_arc_seals_<domain>}: signatures and ARC sets made, per signing domain. The domains are those of the
 *       configured keys, never a sender's, so there are as many names as signing domains configured.</li>
 *   <li>{@code inkan_dns_queries}, {@code inkan_dns_failures} (temporary failures, timeouts included), {@code
 *       inkan_dns_timeouts}, {@code inkan_dns_budget_exhausted} (queries a message stopped waiting for).</li>
 *   <li>{@code inkan_time_<Mailet>}: a timer per mailet or hook class, one event per message.</li>
 * </ul>
 *
 * A mailet built without injection (a unit test, a container without Guice) gets {@link #none()}: nothing counted.
 * A failure of the metric system never reaches the mail: it is logged at DEBUG and ignored. Thread-safe.
 */
public final class InkanMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(InkanMetrics.class);
    private static final InkanMetrics NONE = new InkanMetrics(null);

    private final MetricFactory factory;
    private final DnsObserver dns;
    /**
     * Counters by their parts joined with NUL, and timer names by component: a message counts several results and
     * every DNS answer counts, so neither the name nor the registry lookup is redone each time. Bounded by the
     * methods' results, the configured signing domains and the components.
     */
    private final Map<List<String>, Metric> counters = new ConcurrentHashMap<>();
    private final Map<String, String> timerNames = new ConcurrentHashMap<>();

    private InkanMetrics(MetricFactory factory) {
        this.factory = factory;
        this.dns = factory == null ? DnsObserver.NONE : new DnsCounters();
    }

    /** Counting into {@code factory}; {@link #none()} when it is null. */
    public static InkanMetrics of(MetricFactory factory) {
        return factory == null ? NONE : new InkanMetrics(factory);
    }

    /** Counting nothing. */
    public static InkanMetrics none() {
        return NONE;
    }

    /** The DNS counters, for the engine's configuration ({@code AuthenticationConfig.dnsObserver}). */
    public DnsObserver dns() {
        return dns;
    }

    /** Counts the results {@code authentication} reached itself for the methods asked, not the recorded ones. */
    public void results(Authentication authentication) {
        for (Method method : authentication.methods()) {
            if (!authentication.recorded().has(method)) {
                results(authentication.resultInfos(method));
            }
        }
    }

    /** Counts each of {@code results} as {@code inkan_<method>_<result>}. */
    public void results(List<ResultInfo> results) {
        for (ResultInfo result : results) {
            result(result.method(), result.result());
        }
    }

    /** Counts one result of {@code method} as {@code inkan_<method>_<result>} (S25R's verdict on a client). */
    public void result(String method, String result) {
        count(method, result);
    }

    /** Counts a signature of {@code kind} ("dkim", "domainkeys") made with a key of {@code domain}. */
    public void signed(String kind, String domain) {
        count(kind, "signatures", domain);
    }

    /** Counts an ARC set added with a key of {@code domain}. */
    public void sealed(String domain) {
        count("arc", "seals", domain);
    }

    /** Runs {@code work} for one message, timed as {@code inkan_time_<component>}. */
    public void time(String component, Runnable work) {
        time(component, () -> {
            work.run();
            return null;
        });
    }

    /** As {@link #time(String, Runnable)} for work with a result. */
    public <T> T time(String component, Supplier<T> work) {
        if (factory == null) {
            return work.get();
        }
        TimeMetric timer = timer(timerNames.computeIfAbsent(component, c -> name("time", c)));
        try {
            return work.get();
        } finally {
            if (timer != null) {
                try {
                    timer.stopAndPublish();
                } catch (RuntimeException e) {
                    LOG.debug("metric {} not published", timer.name(), e);
                }
            }
        }
    }

    private TimeMetric timer(String name) {
        try {
            return factory.timer(name);
        } catch (RuntimeException e) {
            LOG.debug("metric {} not available", name, e);
            return null;
        }
    }

    private void count(String... parts) {
        if (factory == null) {
            return;
        }
        try {
            // looked up by the parts themselves (a list view, no copy): every DNS query and result is counted here
            Metric counter = counters.get(Arrays.asList(parts));
            if (counter == null) {
                counter = factory.generate(name(parts));
                counters.putIfAbsent(List.of(parts), counter);
            }
            counter.increment();
        } catch (RuntimeException e) {
            LOG.debug("metric {} not counted", String.join("_", parts), e);
        }
    }

    /**
     * {@code inkan_} and the parts joined by {@code _}, every character that is not a letter, digit or {@code _}
     * turned into {@code _} (Prometheus names: a domain's dots and hyphens, "sender-id"); results and domains in
     * lower case, so that a domain has one counter whatever its case.
     */
    static String name(String... parts) {
        StringBuilder name = new StringBuilder("inkan");
        boolean keepCase = parts[0].equals("time"); // a class name: inkan_time_DkimVerify
        for (String part : parts) {
            name.append('_');
            for (char c : (keepCase ? part : part.toLowerCase(Locale.ROOT)).toCharArray()) {
                boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
                name.append(plain ? c : '_');
            }
        }
        return name.toString();
    }

    /** DNS outcomes as counters; never throws into the DNS workers. */
    private final class DnsCounters implements DnsObserver {

        @Override
        public void answered(String type, DnsAnswer<?> answer) {
            count("dns", "queries");
            if (answer.status() == DnsStatus.TEMPFAIL) {
                count("dns", "failures");
                if (answer.isTimeout()) {
                    count("dns", "timeouts");
                }
            }
        }

        @Override
        public void budgetUsedUp(String type) {
            count("dns", "budget", "exhausted");
        }
    }
}
