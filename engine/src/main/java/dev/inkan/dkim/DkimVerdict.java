package dev.inkan.dkim;

import dev.inkan.authres.ResultInfo;
import dev.inkan.authres.ResultProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome for one DKIM-Signature field: an RFC 8601 result, the typed reason when it is not a pass,
 * a human comment, and what Authentication-Results reports of the signature.
 *
 * @param result pass / fail / neutral / policy / temperror / permerror
 * @param reason why it did not pass; null for a pass
 * @param comment human text ("body hash did not verify", "l=120: 80 unsigned body bytes follow"); may be null
 * @param domain d=, when readable
 * @param identity i= (decoded) or null when absent or unreadable
 * @param selector s=, when readable
 * @param algorithm a= as written, when readable
 * @param signatureValue b= with white space removed, when readable
 * @param keyBits the public key size, 0 when no key was used
 * @param testing the key record carries t=y
 * @param bodyLength l=, or -1
 * @param unsignedBodyBytes canonical body bytes after the l= limit (not covered by the signature)
 */
public record DkimVerdict(DkimResult result, DkimReason reason, String comment, String domain, String identity,
        String selector, String algorithm, String signatureValue, int keyBits, boolean testing, long bodyLength,
        long unsignedBodyBytes) {

    public boolean passed() {
        return result == DkimResult.PASS;
    }

    /**
     * This verdict as an RFC 8601 resinfo: {@code dkim=<result> (<comment>) header.d=... header.i=...
     * header.s=... header.a=... header.b=<first 8 characters of b=>} (RFC 8601 §2.7.1, RFC 6008 §4).
     */
    public ResultInfo toResultInfo() {
        List<ResultProperty> properties = new ArrayList<>();
        add(properties, "d", domain);
        add(properties, "i", identity);
        add(properties, "s", selector);
        add(properties, "a", algorithm);
        if (signatureValue != null && !signatureValue.isEmpty()) {
            add(properties, "b", signatureValue.substring(0, Math.min(8, signatureValue.length())));
        }
        return new ResultInfo("dkim", result.keyword(), comment, null, properties);
    }

    private static void add(List<ResultProperty> properties, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return;
            }
        }
        properties.add(ResultProperty.header(name, value));
    }
}
