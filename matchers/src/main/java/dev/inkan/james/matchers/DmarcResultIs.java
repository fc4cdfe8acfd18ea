package dev.inkan.james.matchers;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches mail whose DMARC result (recorded by DmarcEvaluate) is one of the given results, optionally only for
 * the given From domains (header.from):
 * <pre>
 * &lt;mailet match="dev.inkan.james.matchers.DmarcResultIs=fail" class="..."&gt;
 * &lt;mailet match="dev.inkan.james.matchers.DmarcResultIs=fail,bank.example" class="..."&gt;
 * </pre>
 */
public class DmarcResultIs extends ResultMatcher {

    private static final Set<String> KEYWORDS = new LinkedHashSet<>(List.of("none", "pass", "fail", "temperror",
            "permerror"));

    @Override
    protected String method() {
        return "dmarc";
    }

    @Override
    protected Set<String> keywords() {
        return KEYWORDS;
    }

    @Override
    protected String[][] domainProperties() {
        return new String[][] {{"header", "from"}};
    }

    @Override
    public String getMatcherInfo() {
        return "Inkan DmarcResultIs: routes on DMARC results";
    }
}
