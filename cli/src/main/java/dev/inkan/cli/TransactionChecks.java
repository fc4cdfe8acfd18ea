package dev.inkan.cli;

import dev.inkan.arc.ArcSetSummary;
import dev.inkan.arc.ArcVerdict;
import dev.inkan.authres.ResultInfo;
import dev.inkan.dmarc.ArcInput;
import dev.inkan.dmarc.DmarcEvaluator;
import dev.inkan.dmarc.DmarcRequest;
import dev.inkan.dmarc.DmarcVerdict;
import dev.inkan.message.ScannedMessage;
import dev.inkan.spf.SpfVerdict;
import java.util.List;

/**
 * SPF for the transaction (one verdict, the same for every message given) and DMARC per message, from the
 * message's author and the DKIM, SPF and ARC results found for it.
 */
final class TransactionChecks {

    private final SpfVerdict spf;
    private final String clientIp;
    private final DmarcEvaluator dmarc;

    TransactionChecks(SpfVerdict spf, String clientIp, DmarcEvaluator dmarc) {
        this.spf = spf;
        this.clientIp = clientIp;
        this.dmarc = dmarc;
    }

    SpfVerdict spf() {
        return spf;
    }

    /** The client address as Authentication-Results writes it (smtp.remote-ip). */
    String clientIp() {
        return clientIp;
    }

    /** DMARC for one message: its From domain, {@code results} (dkim= and spf=) and the ARC chain. */
    DmarcVerdict dmarc(ScannedMessage message, List<ResultInfo> results, ArcVerdict arc) {
        ArcInput chain = new ArcInput(arc.result().keyword(), arc.sets().stream().map(ArcSetSummary::sealDomain).toList(),
                Math.max(0, arc.oldestPass()));
        return dmarc.evaluate(DmarcRequest.builder(message.headers()).resultInfos(results).arc(chain).build());
    }
}
