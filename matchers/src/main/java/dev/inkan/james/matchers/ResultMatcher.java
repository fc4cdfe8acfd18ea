package dev.inkan.james.matchers;

import dev.inkan.authres.ResultInfo;
import dev.inkan.james.attributes.ResultAttributes;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetException;
import org.apache.mailet.base.GenericMatcher;

/**
 * Base of the matchers that route on a method's results recorded by an Inkan mailet (attribute
 * {@code dev.inkan.<method>}). The condition is a comma-separated list of result keywords, optionally
 * followed by domains: {@code pass}, {@code fail,temperror}, {@code fail,example.com}. A mail matches when
 * one recorded result has one of the keywords and, if domains are given, one of those domains in the
 * subclass's domain property. A mail with no recorded results never matches.
 */
public abstract class ResultMatcher extends GenericMatcher {

    private Set<String> results;
    private Set<String> domains;

    /** The Authentication-Results method, e.g. "dkim". */
    protected abstract String method();

    /** The result keywords this method can have. */
    protected abstract Set<String> keywords();

    /** The properties that may name the result's domain, as {ptype, property} pairs, e.g. {{"header", "d"}}. */
    protected abstract String[][] domainProperties();

    /** What the condition's keywords are compared with: the result, unless a subclass says otherwise. */
    protected String matchedValue(ResultInfo result) {
        return result.result();
    }

    @Override
    public void init() throws MessagingException {
        String condition = getCondition() == null ? "" : getCondition().strip();
        results = new LinkedHashSet<>();
        domains = new LinkedHashSet<>();
        for (String token : Arrays.stream(condition.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (keywords().contains(lower)) {
                results.add(lower);
            } else if (lower.contains(".") && !results.isEmpty() && domainProperties().length > 0) {
                domains.add(lower);
            } else {
                throw new MailetException(getMatcherName() + ": '" + token + "' is neither a " + method() + " result "
                        + keywords() + " nor a domain after the results (e.g. " + getMatcherName() + "=fail,example.com)");
            }
        }
        if (results.isEmpty()) {
            throw new MailetException(getMatcherName() + ": the condition needs at least one result of " + keywords()
                    + ", e.g. " + getMatcherName() + "=fail");
        }
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        List<ResultInfo> recorded = ResultAttributes.get(mail, method());
        for (ResultInfo r : recorded) {
            if (results.contains(matchedValue(r).toLowerCase(Locale.ROOT)) && domainMatches(r)) {
                return mail.getRecipients();
            }
        }
        return List.of();
    }

    private boolean domainMatches(ResultInfo r) {
        if (domains.isEmpty()) {
            return true;
        }
        for (String[] property : domainProperties()) {
            String value = r.property(property[0], property[1]).orElse("").toLowerCase(Locale.ROOT);
            if (domains.contains(value.substring(value.lastIndexOf('@') + 1))) {
                return true;
            }
        }
        return false;
    }
}
