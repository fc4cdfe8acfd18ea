package dev.inkan.james.matchers;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches mail whose Sender ID result (recorded by SenderIdCheck) is one of the given results, optionally only for
 * the given PRA domains (header.from, header.sender, header.resent-from, header.resent-sender):
 * <pre>
 * &lt;mailet match="dev.inkan.james.matchers.SenderIdResultIs=fail,softfail" class="ToProcessor"&gt;
 * </pre>
 */
public class SenderIdResultIs extends ResultMatcher {

    private static final Set<String> KEYWORDS = new LinkedHashSet<>(List.of("none", "neutral", "pass", "fail", "softfail",
            "temperror", "permerror"));

    @Override
    protected String method() {
        return "sender-id";
    }

    @Override
    protected Set<String> keywords() {
        return KEYWORDS;
    }

    @Override
    protected String[][] domainProperties() {
        return new String[][] {{"header", "from"}, {"header", "sender"}, {"header", "resent-from"},
            {"header", "resent-sender"}};
    }

    @Override
    public String getMatcherInfo() {
        return "Inkan SenderIdResultIs: routes on Sender ID (RFC 4406) results";
    }
}
