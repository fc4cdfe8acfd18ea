package dev.inkan.dmarc;

/** Turns the requested policy of a failing message into its disposition. */
final class Disposition {

    private Disposition() {
    }

    /**
     * The disposition of a DMARC fail, in this order:
     * <ol>
     *   <li>the requested policy of the tag that applied (RFC 9989 §4.10.1);</li>
     *   <li>RFC 9989 mode, {@code t=y}: one level below, reject → quarantine → none (§4.7 {@code t});
     *       override {@link PolicyOverride#POLICY_TEST_MODE} (RFC 9990 §3.1.6);</li>
     *   <li>RFC 7489 mode, {@code pct} below 100: the policy applies when {@code random.nextInt(100) < pct}
     *       (§6.3 {@code pct}); otherwise one level below (§6.6.4: reject becomes quarantine, quarantine
     *       becomes "local message classification as normal"), override {@link PolicyOverride#SAMPLED_OUT}.
     *       The random source is drawn only then;</li>
     *   <li>a local ARC override (RFC 8617 §7.2; RFC 9989 §5.4, Appendix B.3.1: "the Mail Receiver can
     *       consult external information to override"): when the chain passes and its oldest sealer is
     *       trusted, none, override {@link PolicyOverride#TRUSTED_FORWARDER}.</li>
     * </ol>
     * A {@code none} policy is never changed by any of these.
     */
    static AppliedPolicy of(DmarcConfig config, DiscoveredPolicy found, ArcInput arc) {
        DmarcRecord record = found.record();
        DmarcPolicy requested = found.policy();
        DmarcPolicy disposition = requested;
        PolicyOverride override = null;
        String overrideComment = null;
        if (requested != DmarcPolicy.NONE) {
            if (config.mode() == DmarcMode.RFC9989 && record.testing()) {
                disposition = requested.oneLevelBelow();
                override = PolicyOverride.POLICY_TEST_MODE;
            } else if (config.mode() == DmarcMode.RFC7489 && record.pct() < 100
                    && config.random().nextInt(100) >= record.pct()) {
                disposition = requested.oneLevelBelow();
                override = PolicyOverride.SAMPLED_OUT;
            }
        }
        String sealer = trustedSealer(config, arc);
        if (disposition != DmarcPolicy.NONE && sealer != null) {
            disposition = DmarcPolicy.NONE;
            override = PolicyOverride.TRUSTED_FORWARDER;
            overrideComment = "ARC chain sealed first by trusted " + sealer;
        }
        return new AppliedPolicy(found.domain(), record, found.tag(), requested, disposition, override,
                overrideComment);
    }

    /** The oldest sealer of a passing chain when it is trusted, else null. */
    private static String trustedSealer(DmarcConfig config, ArcInput arc) {
        if (arc == null || !arc.passed() || arc.oldestSealer() == null) {
            return null;
        }
        String sealer = DomainNames.normalise(arc.oldestSealer()).orElse(null);
        return sealer != null && config.trustedArcSealers().contains(sealer) ? sealer : null;
    }
}
