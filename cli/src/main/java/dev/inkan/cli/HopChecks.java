package dev.inkan.cli;

import dev.inkan.arc.ArcHopResults;
import dev.inkan.authres.ResultInfo;
import dev.inkan.dkim.DkimCheck;
import dev.inkan.message.BodyHashKey;
import dev.inkan.message.BodyHashRequester;
import dev.inkan.message.HeaderBlock;
import dev.inkan.message.ScannedMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * This hop's own checks for {@code arc-seal}, in the sealing pass: when the message carries no
 * Authentication-Results for our authserv-id, DKIM is verified (and the SPF verdict, when there is one, joins it)
 * so that the AAR has something to record; when it carries them, they are the record and nothing is checked.
 */
final class HopChecks implements BodyHashRequester {

    private final DkimCheck dkim;
    private final String authservId;
    private boolean needed;

    HopChecks(DkimCheck dkim, String authservId) {
        this.dkim = dkim;
        this.authservId = authservId;
    }

    @Override
    public Collection<BodyHashKey> bodyHashKeys(HeaderBlock headers) {
        needed = !ArcHopResults.present(headers, authservId);
        return needed ? dkim.bodyHashKeys(headers) : Set.of();
    }

    /** The results to record, or null when the message's own Authentication-Results are the record. */
    List<ResultInfo> results(ScannedMessage scanned, ResultInfo spf) {
        if (!needed) {
            return null;
        }
        List<ResultInfo> results = new ArrayList<>();
        if (spf != null) {
            results.add(spf);
        }
        results.addAll(VerifyCommand.resultInfos(dkim.verdicts(scanned)));
        return results;
    }
}
