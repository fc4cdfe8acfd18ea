package dev.inkan.james.matchers;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches mail whose DomainKeys result (recorded by DomainKeysVerify) is one of the given results, optionally
 * only for the given signing domains (header.d) or sending domains (header.from, header.sender):
 * <pre>
 * &lt;mailet match="dev.inkan.james.matchers.DomainKeysResultIs=fail,permerror" class="ToProcessor"&gt;
 * &lt;mailet match="dev.inkan.james.matchers.DomainKeysResultIs=pass,yahoo.co.jp" class="..."&gt;
 * </pre>
 */
public class DomainKeysResultIs extends ResultMatcher {

    private static final Set<String> KEYWORDS = new LinkedHashSet<>(List.of("none", "pass", "fail", "neutral", "policy",
            "temperror", "permerror"));

    @Override
    protected String method() {
        return "domainkeys";
    }

    @Override
    protected Set<String> keywords() {
        return KEYWORDS;
    }

    @Override
    protected String[][] domainProperties() {
        return new String[][] {{"header", "d"}, {"header", "from"}, {"header", "sender"}};
    }

    @Override
    public String getMatcherInfo() {
        return "Inkan DomainKeysResultIs: routes on DomainKeys (RFC 4870) results";
    }
}
