package dev.inkan.domainkeys;

import dev.inkan.authres.ResultInfo;
import dev.inkan.authres.ResultProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The DomainKeys outcome of a message: one result, for the signature RFC 4870 §3.7.3 chose (or for the first
 * one when none could be chosen), since "a verifier MUST find the most appropriate signature to use and SHOULD
 * ignore all other signatures".
 *
 * @param result the RFC 7601 result
 * @param reason why it did not pass; null for pass and none
 * @param comment human text: for a pass the algorithm, key size, selector and testing flag; else the reason
 * @param domain d= of the signature, when readable
 * @param selector s=, when readable
 * @param sender the sending address (§3.1), null when the message has none
 * @param keyBits the key size when a key was used, else 0
 * @param testing the key record says t=y ("unverified email MUST NOT be treated differently")
 * @param signatures how many DomainKey-Signature fields the message has
 * @param localPartAuthenticated a pass whose key's non-empty g= matched the sender's local part
 */
public record DomainKeysVerdict(DomainKeysResult result, DomainKeysReason reason, String comment, String domain,
        String selector, SendingAddress sender, int keyBits, boolean testing, int signatures,
        boolean localPartAuthenticated) {

    public boolean passed() {
        return result == DomainKeysResult.PASS;
    }

    static DomainKeysVerdict none(SendingAddress sender) {
        return new DomainKeysVerdict(DomainKeysResult.NONE, null, null, null, null, sender, 0, false, 0, false);
    }

    /**
     * As an RFC 8601 resinfo: {@code domainkeys=<result> (<comment>) header.d=<d> header.from=<sending domain>} or
     * {@code header.sender=}. RFC 7601 §2.7.1 reports the sending address with its local-part and "@" removed
     * unless it was authenticated; DomainKeys authenticates it only through a key's g= (then the whole address).
     */
    public ResultInfo toResultInfo() {
        List<ResultProperty> properties = new ArrayList<>();
        if (domain != null && domain.chars().noneMatch(c -> c < 0x21 || c == 0x7f)) {
            properties.add(ResultProperty.header("d", domain));
        }
        if (sender != null && result != DomainKeysResult.NONE) {
            properties.add(ResultProperty.header(sender.header(),
                    localPartAuthenticated ? sender.address() : sender.domain()));
        }
        return new ResultInfo("domainkeys", result.keyword(), comment, null, properties);
    }
}
