package dev.inkan.james.matchers;

import dev.inkan.authres.ResultInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Matches mail whose DMARC disposition (recorded by DmarcEvaluate as {@code policy.dmarc}: what the domain's
 * policy asks for after t=, pct and local overrides) is one of the given ones, optionally only for the given
 * From domains — for routing when DmarcEvaluate only annotates:
 * <pre>
 * &lt;mailet match="dev.inkan.james.matchers.DmarcDispositionIs=reject" class="ToProcessor"&gt;
 * &lt;mailet match="dev.inkan.james.matchers.DmarcDispositionIs=quarantine,reject" class="..."&gt;
 * </pre>
 */
public class DmarcDispositionIs extends DmarcResultIs {

    private static final Set<String> KEYWORDS = new LinkedHashSet<>(List.of("none", "quarantine", "reject"));

    @Override
    protected Set<String> keywords() {
        return KEYWORDS;
    }

    /** The disposition; "none" when no policy applied (no record, temperror, permerror). */
    @Override
    protected String matchedValue(ResultInfo result) {
        return result.property("policy", "dmarc").orElse("none");
    }

    @Override
    public String getMatcherInfo() {
        return "Inkan DmarcDispositionIs: routes on the DMARC disposition";
    }
}
