package dev.inkan.spf;

/**
 * The domain checks of RFC 7208 §4.3: a &lt;domain&gt; must be a fully qualified, multi-label domain name
 * in A-label (ASCII) form; otherwise check_host() returns "none" without a query. Also the "is the same
 * as or a subdomain of" test of §5.5.
 */
final class SpfDomains {

    private SpfDomains() {
    }

    /**
     * Why {@code domain} (without a trailing dot) cannot be a &lt;domain&gt;, or null when it can: empty,
     * longer than 253 characters, an empty label or one over 63 (RFC 1035 §2.3.4), a single label, a
     * character outside visible US-ASCII (§4.3: IDNs as A-labels), or a last label that is no top label
     * (§7.1 {@code toplabel}: address literals like {@code [192.0.2.1]} and all-numeric names fail).
     */
    static String problem(String domain) {
        if (domain.isEmpty()) {
            return "empty domain";
        }
        if (domain.length() > SpfMacroExpander.MAX_NAME_LENGTH) {
            return "domain longer than 253 characters";
        }
        if (domain.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            return "\"" + domain + "\" has a character outside visible US-ASCII";
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return "\"" + domain + "\" is a single label, not a fully qualified domain";
        }
        for (String label : labels) {
            if (label.isEmpty()) {
                return "\"" + domain + "\" has an empty label";
            }
            if (label.length() > 63) {
                return "\"" + domain + "\" has a label longer than 63 characters";
            }
        }
        if (!SpfMacroParser.isTopLabel(labels[labels.length - 1])) {
            return "\"" + domain + "\" does not end in a valid top label";
        }
        return null;
    }

    /** Whether {@code name} is {@code domain} or a subdomain of it, ignoring case and a trailing dot (§5.5). */
    static boolean isWithin(String name, String domain) {
        String n = withoutDot(name);
        String d = withoutDot(domain);
        if (n.equalsIgnoreCase(d)) {
            return true;
        }
        return n.length() > d.length() + 1 && n.charAt(n.length() - d.length() - 1) == '.'
                && n.regionMatches(true, n.length() - d.length(), d, 0, d.length());
    }

    static String withoutDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
