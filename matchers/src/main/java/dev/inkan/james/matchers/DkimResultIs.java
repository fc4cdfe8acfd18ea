package dev.inkan.james.matchers;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches mail whose DKIM results (recorded by DkimVerify) include one of the given results, optionally
 * only for signatures of the given signing domains (header.d):
 * <pre>
 * &lt;mailet match="dev.inkan.james.matchers.DkimResultIs=fail,permerror" class="ToProcessor"&gt;
 * &lt;mailet match="dev.inkan.james.matchers.DkimResultIs=pass,example.com" class="..."&gt;
 * &lt;mailet match="dev.inkan.james.matchers.DkimResultIs=none" class="..."&gt;   (unsigned mail)
 * </pre>
 */
public class DkimResultIs extends ResultMatcher {

    private static final Set<String> KEYWORDS = new LinkedHashSet<>(List.of("none", "pass", "fail", "neutral", "policy", "temperror",
            "permerror"));

    @Override
    protected String method() {
        return "dkim";
    }

    @Override
    protected Set<String> keywords() {
        return KEYWORDS;
    }

    @Override
    protected String[][] domainProperties() {
        return new String[][] {{"header", "d"}};
    }

    @Override
    public String getMatcherInfo() {
        return "Inkan DkimResultIs: routes on DKIM verification results";
    }
}
