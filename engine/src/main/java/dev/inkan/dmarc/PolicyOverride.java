package dev.inkan.dmarc;

/**
 * Why the disposition differs from the requested policy: the policy override types of the aggregate
 * report (RFC 9990 §3.1.6, and RFC 7489 §7.2's {@code sampled_out} for {@code pct}).
 */
public enum PolicyOverride {
    /** RFC 7489 §6.6.4: the message was not selected by {@code pct}. */
    SAMPLED_OUT("sampled_out"),
    /** RFC 9990 §3.1.6: the record's testing mode ({@code t=y}, RFC 9989 §4.7) lowered the policy. */
    POLICY_TEST_MODE("policy_test_mode"),
    /**
     * RFC 9990 §3.1.6: the failure was anticipated by evidence linking the message to a trusted forwarder;
     * here, a passing ARC chain sealed first by a trusted sealer (RFC 8617 §7.2).
     */
    TRUSTED_FORWARDER("trusted_forwarder"),
    /** RFC 9990 §3.1.6: local heuristics found a mailing list. */
    MAILING_LIST("mailing_list"),
    /** RFC 9990 §3.1.6: the receiver's local policy exempted the message. */
    LOCAL_POLICY("local_policy"),
    /** RFC 9990 §3.1.6: another reason, given in the comment. */
    OTHER("other");

    private final String reportName;

    PolicyOverride(String reportName) {
        this.reportName = reportName;
    }

    /** The name in aggregate reports, e.g. "trusted_forwarder". */
    public String reportName() {
        return reportName;
    }
}
