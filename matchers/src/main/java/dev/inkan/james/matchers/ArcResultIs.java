package dev.inkan.james.matchers;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches mail whose ARC result (recorded by ArcVerify or ArcSeal) is one of the given results:
 * <pre>
 * &lt;mailet match="dev.inkan.james.matchers.ArcResultIs=pass" class="..."&gt;
 * &lt;mailet match="dev.inkan.james.matchers.ArcResultIs=fail" class="..."&gt;
 * </pre>
 * ARC results carry no domain (the sealers are listed in the chain), so the condition is results only.
 */
public class ArcResultIs extends ResultMatcher {

    private static final Set<String> KEYWORDS = new LinkedHashSet<>(List.of("none", "pass", "fail"));

    @Override
    protected String method() {
        return "arc";
    }

    @Override
    protected Set<String> keywords() {
        return KEYWORDS;
    }

    @Override
    protected String[][] domainProperties() {
        return new String[0][];
    }

    @Override
    public String getMatcherInfo() {
        return "Inkan ArcResultIs: routes on the ARC chain validation result";
    }
}
