package dev.inkan.dns;

/**
 * What an operator's counters see of DNS on the mail path: every query {@link DnsLookups} ran, with its outcome, and
 * every query a message stopped waiting for because its budget was spent. It exists so that a host (James's metric
 * system, say) can count DNS load, failures and timeouts without the engine knowing that host.
 *
 * <p>Called on DNS worker threads and the callers' threads, concurrently: implementations must be thread-safe,
 * quick, and never throw (an exception is ignored).
 */
public interface DnsObserver {

    /** Observes nothing. */
    DnsObserver NONE = new DnsObserver() {
        @Override
        public void answered(String type, DnsAnswer<?> answer) {
        }

        @Override
        public void budgetUsedUp(String type) {
        }
    };

    /**
     * The resolver answered a query (from its cache or over the network; a query shared by several messages in
     * flight is one query).
     *
     * @param type the record type, "TXT", "A", "AAAA", "MX" or "PTR"
     * @param answer its outcome; {@link DnsAnswer#isTimeout()} tells a timeout among the temporary failures
     */
    void answered(String type, DnsAnswer<?> answer);

    /**
     * A message stopped waiting for a query of {@code type}: its DNS budget was spent ({@link BudgetedResolver}). The
     * query itself goes on and is reported to {@link #answered} when it ends.
     */
    void budgetUsedUp(String type);
}
