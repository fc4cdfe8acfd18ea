package dev.inkan.senderid;

import dev.inkan.spf.SpfRecordChoice;
import dev.inkan.spf.SpfRecordChoice.Candidate;
import dev.inkan.spf.SpfRecordParser;
import dev.inkan.spf.SpfRecordSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sender ID's record selection for one scope (RFC 4406 §4.4, which "replaces the record selection steps
 * described in Section 4.5 of [RFC4408]"), used by check_host() at every level: the identity's domain and each
 * {@code include:} and {@code redirect=} target, since the scope is an argument of check_host() itself (§4.1).
 *
 * <ol>
 *   <li>Only TXT records are read (step 1 speaks of type SPF records; RFC 7208 §3.1 and Appendix B retired that
 *       type, and Mail::SPF too now queries TXT only).</li>
 *   <li>A record is kept when it begins with a proper version: "v=spf1", or "spf2." ver-minor "/" scope-id
 *       *("," scope-id) (§3.1, case-insensitive as ABNF literals are), followed by a space or the end. The
 *       minor version must be digits but is otherwise ignored (step 2), so "spf2.1/pra" is kept too.</li>
 *   <li>An "spf2" record is kept only when one of its scope-ids is the scope, compared whole (step 3:
 *       "spf2.0/mfrom,prattle" is no "pra" record).</li>
 *   <li>The "spf2" records of the scope take precedence; only when there are none are the "v=spf1" records
 *       used, as "spf2.0/mfrom,pra" (step 4; §3.4 words the fallback as "provided no record starting with
 *       spf2.0 exists", but step 4 of the section that decides selection says "If the spf2 record does not
 *       contain the desired scope-id, then the v=spf1 record is selected": we follow §4.4).</li>
 *   <li>Two or more records left is permerror, none is "none" (§4.4, last paragraphs).</li>
 * </ol>
 * For the PRA scope a &lt;domain&gt; that does not exist gives "fail" (§4.3) wherever check_host() meets it.
 */
public final class SenderIdRecordSelection implements SpfRecordSelection {

    /** RFC 4406 §3.1 version "spf2." ver-minor scope; scope-id = "mfrom" / "pra" / name (RFC 4408 name). */
    private static final Pattern VERSION = Pattern.compile(
            "spf2\\.[0-9]+/([A-Za-z][A-Za-z0-9_.-]*(?:,[A-Za-z][A-Za-z0-9_.-]*)*)(?= |$)",
            Pattern.CASE_INSENSITIVE);

    private final SenderIdScope scope;

    private SenderIdRecordSelection(SenderIdScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** The selection for {@code scope}. */
    public static SenderIdRecordSelection of(SenderIdScope scope) {
        return new SenderIdRecordSelection(scope);
    }

    public SenderIdScope scope() {
        return scope;
    }

    @Override
    public SpfRecordChoice select(String domain, List<String> records) {
        List<Candidate> spf2 = new ArrayList<>();
        List<Candidate> spf1 = new ArrayList<>();
        for (String record : records) {
            if (SpfRecordParser.isSpfRecord(record)) {
                spf1.add(new Candidate(record, SpfRecordParser.VERSION.length()));
                continue;
            }
            Matcher version = VERSION.matcher(record);
            if (version.lookingAt() && covers(version.group(1))) {
                spf2.add(new Candidate(record, version.end()));
            }
        }
        return spf2.isEmpty()
                ? SpfRecordChoice.of(spf1, "spf2.0/" + scope.id() + " or v=spf1 record")
                : SpfRecordChoice.of(spf2, "spf2.0/" + scope.id() + " record");
    }

    /** Whether the comma-separated scope-ids name this scope (a complete, case-insensitive token match). */
    private boolean covers(String scopeIds) {
        for (String id : scopeIds.split(",")) {
            if (id.equalsIgnoreCase(scope.id())) {
                return true;
            }
        }
        return false;
    }

    /** RFC 4406 §4.3: "When performing the PRA version of the test", NXDOMAIN gives "Fail". */
    @Override
    public boolean nonexistentDomainFails() {
        return scope == SenderIdScope.PRA;
    }

    @Override
    public String toString() {
        return "Sender ID record selection for scope " + scope.id();
    }
}
