package dev.inkan.cli;

import dev.inkan.authenticate.Authentication;
import dev.inkan.authenticate.AuthenticationConfig;
import dev.inkan.authenticate.Authenticator;
import dev.inkan.authenticate.Method;
import dev.inkan.authenticate.RecordedResults;
import dev.inkan.authenticate.SmtpEnvelope;
import dev.inkan.authres.AuthenticationResults;
import dev.inkan.crypto.KeyPolicy;
import dev.inkan.dmarc.report.EvaluationRecord;
import dev.inkan.dns.DnsResolver;
import dev.inkan.domainkeys.DomainKeysVerdict;
import dev.inkan.reports.store.JdbcReportStore;
import dev.inkan.reports.store.ReportStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code inkan verify}: checks the DKIM signatures and the ARC chain of messages, in one pass over each, and
 * reports them as Authentication-Results.
 */
@Command(sortOptions = false,
        name = "verify",
        versionProvider = InkanVersion.class,
        description = {
            "Verify the DKIM signatures (RFC 6376, RFC 8301, RFC 8463) and the ARC chain (RFC 8617) of messages; "
                    + "with --ip and --helo (and --mail-from) also SPF (RFC 7208) and DMARC (RFC 9989, or RFC 7489 "
                    + "with --psl), all in one Authentication-Results field.",
            "For each message prints the Authentication-Results header field (RFC 8601) a receiver would add: "
                    + "one dkim= result per signature (dkim=none without any), then arc=none, arc=pass "
                    + "(with header.oldest-pass) or arc=fail (with the reason); with several FILEs each is "
                    + "introduced by a line '==> FILE <=='. With --json: one JSON object per message per line.",
            "The exit status is 0 whatever the results; read them from the output."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  inkan verify --dns-zone keys.zone signed.eml",
            "  inkan verify --json --authserv-id mx.example.org < incoming.eml"})
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    private InkanCommand inkan;

    @Mixin
    private CommonOptions common;

    @Mixin
    private DnsOptions dns;

    @Option(names = "--authserv-id", order = 10, paramLabel = "ID",
            description = "The authserv-id of the results (default: this host's name).")
    private String authservId;

    @Option(names = "--min-key-bits", order = 11, paramLabel = "N",
            description = "Smallest RSA key accepted; smaller keys give dkim=policy and fail an ARC chain "
                    + "(default: 1024, RFC 8301).")
    private Integer minKeyBits;

    @Option(names = "--max-signatures", order = 12, paramLabel = "N",
            description = "Signatures checked per message; further ones give dkim=policy (default: 10).")
    private Integer maxSignatures;

    @Option(names = "--allow-sha1", order = 13,
            description = "Accept rsa-sha1 signatures and seals (refused by RFC 8301 section 3.1).")
    private boolean allowSha1;

    @Option(names = "--now", order = 14, paramLabel = "EPOCH", converter = OptionConverters.EpochSeconds.class,
            description = "Verify as if it were this time (seconds since 1970), for t= and x=.")
    private Instant now;

    @Option(names = "--json", order = 15, description = "One JSON object per message per line, instead of header text.")
    private boolean json;

    @Mixin
    private TransactionOptions transaction;

    @Mixin
    private DmarcStoreOptions dmarcStore;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Messages to verify; '-' is standard input (default: standard input).")
    private List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws InputException, IOException {
        List<Path> inputs = files.isEmpty() ? List.of(Path.of(MessageFiles.STDIN)) : files;
        MessageFiles.checkReadable(inputs);
        SmtpEnvelope envelope = transaction.envelope();
        Authenticator authenticator = new Authenticator(config(envelope));
        // DomainKeys always, Sender ID with --ip: the historic methods the older set-ups still meet
        Set<Method> methods = envelope.hasClient() ? EnumSet.allOf(Method.class)
                : EnumSet.of(Method.DKIM, Method.DOMAINKEYS, Method.ARC);
        if (dmarcStore.given() && !envelope.hasClient()) {
            throw new InputException("--dmarc-store needs the SMTP client (--ip, --helo): DMARC is only evaluated with it");
        }
        JdbcReportStore store = dmarcStore.given() ? dmarcStore.open() : null;
        List<EvaluationRecord> evaluations = new ArrayList<>();
        ResultWriter writer = json ? new JsonResultWriter(inkan.streams().out())
                : new TextResultWriter(inkan.streams().out(), inputs.size() > 1);
        for (Path input : inputs) {
            Authentication result = authenticate(authenticator, input, envelope, methods);
            result.dmarcReportRecord(now == null ? Instant.now() : now).ifPresent(evaluations::add);
            List<DomainKeysVerdict> domainKeys = result.domainKeys().signatures() == 0 ? List.of()
                    : List.of(result.domainKeys());
            writer.write(input.toString(), results(result, domainKeys.isEmpty()),
                    new MessageVerdicts(result.dkim(), result.arc(), result.spf(), result.dmarc(), domainKeys,
                            result.senderId()));
        }
        if (inkan.streams().out().checkError()) {
            throw new IOException("standard output: write error");
        }
        if (store != null) {
            try {
                store.add(evaluations, "inkan-cli");
            } catch (ReportStoreException e) {
                throw new InputException(e.getMessage());
            }
        }
        return InkanCommand.EXIT_OK;
    }

    /** The Authentication-Results; {@code domainkeys=} only for a message that has a DomainKey-Signature. */
    private static AuthenticationResults results(Authentication result, boolean withoutDomainKeys) {
        if (!withoutDomainKeys) {
            return result.authenticationResults();
        }
        return AuthenticationResults.of(result.authservId(), result.resultInfos().stream()
                .filter(info -> !info.method().equals(Method.DOMAINKEYS.keyword())).toList());
    }

    private AuthenticationConfig config(SmtpEnvelope envelope) throws InputException {
        KeyPolicy policy = KeyPolicy.RFC8301.withAllowSha1(allowSha1);
        if (minKeyBits != null && minKeyBits > policy.maxRsaBits()) {
            throw new InputException("--min-key-bits " + minKeyBits + ": more than the largest RSA key accepted ("
                    + policy.maxRsaBits() + " bits)");
        }
        try {
            if (minKeyBits != null) {
                policy = policy.withMinRsaBits(minKeyBits);
            }
        } catch (IllegalArgumentException e) {
            throw new InputException("--min-key-bits " + minKeyBits + ": " + e.getMessage());
        }
        DnsResolver resolver = dns.resolver();
        AuthenticationConfig.Builder builder = AuthenticationConfig.builder(resolver, LocalHost.nameOr(authservId, "--authserv-id"))
                .clock(now == null ? Clock.systemUTC() : Clock.fixed(now, ZoneOffset.UTC))
                .keyPolicy(policy)
                .dnsBudget(dns.budget());
        if (envelope.hasClient()) {
            builder.dmarc(transaction.dmarc(resolver));
        }
        try {
            if (maxSignatures != null) {
                builder.maxSignatures(maxSignatures);
            }
        } catch (IllegalArgumentException e) {
            throw new InputException("--max-signatures " + maxSignatures + ": must be 1 to 100");
        }
        return builder.build();
    }

    /** One pass over the message for every check; a header beyond the limits is an input error. */
    private Authentication authenticate(Authenticator authenticator, Path input, SmtpEnvelope envelope,
            Set<Method> methods) throws IOException, InputException {
        boolean stdin = MessageFiles.isStdin(input);
        Authentication result;
        try (InputStream in = stdin ? inkan.streams().in() : Files.newInputStream(input)) {
            result = authenticator.authenticate(in, envelope, methods, RecordedResults.none());
        }
        if (result.unreadable() != null) {
            throw new InputException((stdin ? "standard input" : input.toString()) + ": " + result.unreadable());
        }
        return result;
    }
}
