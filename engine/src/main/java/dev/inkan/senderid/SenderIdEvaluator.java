package dev.inkan.senderid;

import dev.inkan.dns.DnsResolver;
import dev.inkan.message.HeaderBlock;
import dev.inkan.spf.SpfConfig;
import dev.inkan.spf.SpfEvaluator;
import dev.inkan.spf.SpfRequest;
import java.net.InetAddress;
import java.util.Objects;

/**
 * Sender ID (RFC 4406): whether the SMTP client may send for the Purported Responsible Address of the header
 * (RFC 4407) or for the MAIL FROM address, each checked against the domain's records of that scope. The
 * evaluation is the SPF evaluator's check_host() with Sender ID's record selection ({@link
 * SenderIdRecordSelection}); limits, DNS, macros and explanations are the {@link SpfConfig}'s. Never throws for
 * any message or DNS answer; thread-safe when the resolver is.
 *
 * <pre>{@code
 * SenderIdEvaluator senderId = new SenderIdEvaluator(spfEvaluator);
 * SenderIdVerdict verdict = senderId.checkPra(headers, clientIp, "mail.example.com", dns);
 * verdict.toResultInfo();  // sender-id=pass (...) header.from=example.com
 * }</pre>
 */
public final class SenderIdEvaluator {

    private final SpfEvaluator spf;

    public SenderIdEvaluator(SpfEvaluator spf) {
        this.spf = Objects.requireNonNull(spf, "spf");
    }

    public SenderIdEvaluator(SpfConfig config) {
        this(new SpfEvaluator(config));
    }

    /** {@link #checkPra(HeaderBlock, InetAddress, String, DnsResolver)} with the configured resolver. */
    public SenderIdVerdict checkPra(HeaderBlock headers, InetAddress clientIp, String helo) {
        return checkPra(headers, clientIp, helo, spf.config().resolver());
    }

    /**
     * The PRA test (RFC 4406 §4): the PRA of {@code headers} (RFC 4407 §2), then check_host() with scope "pra",
     * the PRA as &lt;sender&gt; and its domain as &lt;domain&gt; (§4.1); {@code helo} is {@code %{h}}. A message
     * without a PRA gives permerror ({@link SenderIdVerdict#missingPra()}) and no DNS query.
     */
    public SenderIdVerdict checkPra(HeaderBlock headers, InetAddress clientIp, String helo, DnsResolver resolver) {
        Objects.requireNonNull(clientIp, "clientIp");
        PraSelection selection = PraSelector.select(Objects.requireNonNull(headers, "headers"));
        if (!selection.found()) {
            return SenderIdVerdict.noPra(selection.problem());
        }
        Pra pra = selection.pra();
        SpfRequest request = SpfRequest.mailFrom(clientIp, helo, pra.address());
        return SenderIdVerdict.of(SenderIdScope.PRA, pra,
                spf.evaluate(request, resolver, SenderIdRecordSelection.of(SenderIdScope.PRA)));
    }

    /** {@link #checkMailFrom(InetAddress, String, String, DnsResolver)} with the configured resolver. */
    public SenderIdVerdict checkMailFrom(InetAddress clientIp, String helo, String mailFrom) {
        return checkMailFrom(clientIp, helo, mailFrom, spf.config().resolver());
    }

    /**
     * The MAIL FROM test (RFC 4406 §4, "as specified in [RFC4408]"): check_host() with scope "mfrom" for the
     * reverse-path, {@code postmaster@<helo>} for the null one; records "spf2.0/mfrom", else "v=spf1".
     */
    public SenderIdVerdict checkMailFrom(InetAddress clientIp, String helo, String mailFrom, DnsResolver resolver) {
        SpfRequest request = SpfRequest.mailFrom(clientIp, helo, mailFrom);
        return SenderIdVerdict.of(SenderIdScope.MFROM, null,
                spf.evaluate(request, resolver, SenderIdRecordSelection.of(SenderIdScope.MFROM)));
    }
}
