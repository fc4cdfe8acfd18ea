package dev.inkan.james.matchers;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches mail whose SPF results (recorded by SpfCheck) include one of the given results, optionally only
 * for the given domains (the MAIL FROM domain, smtp.mailfrom, or the HELO name, smtp.helo):
 * <pre>
 * &lt;mailet match="dev.inkan.james.matchers.SpfResultIs=fail,softfail" class="ToProcessor"&gt;
 * &lt;mailet match="dev.inkan.james.matchers.SpfResultIs=temperror" class="..."&gt;
 * </pre>
 */
public class SpfResultIs extends ResultMatcher {

    private static final Set<String> KEYWORDS = new LinkedHashSet<>(List.of("none", "neutral", "pass", "fail", "softfail", "temperror",
            "permerror"));

    @Override
    protected String method() {
        return "spf";
    }

    @Override
    protected Set<String> keywords() {
        return KEYWORDS;
    }

    @Override
    protected String[][] domainProperties() {
        return new String[][] {{"smtp", "mailfrom"}, {"smtp", "helo"}};
    }

    @Override
    public String getMatcherInfo() {
        return "Inkan SpfResultIs: routes on SPF results";
    }
}
