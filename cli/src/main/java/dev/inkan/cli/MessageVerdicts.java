package dev.inkan.cli;

import dev.inkan.arc.ArcVerdict;
import dev.inkan.dkim.DkimVerdict;
import dev.inkan.dmarc.DmarcVerdict;
import dev.inkan.domainkeys.DomainKeysVerdict;
import dev.inkan.senderid.SenderIdVerdict;
import dev.inkan.spf.SpfVerdict;
import java.util.List;

/**
 * Everything {@code inkan verify} found for one message.
 *
 * @param dkim one verdict per DKIM-Signature field, top first; empty when there is none
 * @param arc the validation of the ARC chain
 * @param spf the SPF verdict, or null when no SMTP client was given (--ip)
 * @param dmarc the DMARC verdict, or null when no SMTP client was given
 * @param domainKeys the DomainKeys verdict (RFC 4870 §3.7.3 chooses one signature), empty without a
 *     DomainKey-Signature
 * @param senderId the Sender ID verdict for the PRA, or null when no SMTP client was given
 */
record MessageVerdicts(List<DkimVerdict> dkim, ArcVerdict arc, SpfVerdict spf, DmarcVerdict dmarc,
        List<DomainKeysVerdict> domainKeys, SenderIdVerdict senderId) {

    MessageVerdicts {
        dkim = List.copyOf(dkim);
        domainKeys = List.copyOf(domainKeys);
    }
}
