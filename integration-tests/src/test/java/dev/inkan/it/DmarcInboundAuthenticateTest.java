package dev.inkan.it;

import dev.inkan.it.harness.ChainAsAuthenticate;

/**
 * conf-examples/dmarc-inbound with its four checking mailets as one Authenticate: every test of {@link
 * DmarcInboundTest} (the same results in one field, the p=reject spoof kept for the postmaster, quarantine, ARC
 * overrides for a trusted sealer only) on a real James.
 */
@ChainAsAuthenticate
public class DmarcInboundAuthenticateTest extends DmarcInboundTest {
}
