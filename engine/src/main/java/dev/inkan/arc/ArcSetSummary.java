package dev.inkan.arc;

import dev.inkan.authres.AuthenticationResults;

/**
 * What a validated chain says about one set: who sealed and signed it and what it recorded, as RFC 8617
 * §7.2.2 suggests reporting ({@code as[2].d=d2.example as[2].s=s2}).
 *
 * @param instance i=
 * @param sealDomain the ARC-Seal's d=
 * @param sealSelector the ARC-Seal's s=
 * @param signatureDomain the ARC-Message-Signature's d=
 * @param signatureSelector the ARC-Message-Signature's s=
 * @param results the ARC-Authentication-Results payload, or null when it is not valid RFC 8601
 */
public record ArcSetSummary(int instance, String sealDomain, String sealSelector, String signatureDomain,
        String signatureSelector, AuthenticationResults results) {
}
