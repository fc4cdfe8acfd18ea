package dev.inkan.cli;

import dev.inkan.authres.AuthenticationResults;
import dev.inkan.authres.ResultInfo;
import dev.inkan.arc.ArcCheck;
import dev.inkan.arc.ArcValidator;
import dev.inkan.arc.ArcValidatorConfig;
import dev.inkan.arc.ArcVerdict;
import dev.inkan.crypto.KeyPolicy;
import dev.inkan.dkim.DkimCheck;
import dev.inkan.dkim.DkimVerdict;
import dev.inkan.dkim.DkimVerifier;
import dev.inkan.dkim.DkimVerifierConfig;
import dev.inkan.dmarc.DmarcVerdict;
import dev.inkan.spf.SpfVerdict;
import dev.inkan.message.BodyHashRequester;
import dev.inkan.message.MessageLimitException;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Messages to verify; '-' is standard input (default: standard input).")
    private List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws InputException, IOException {
        List<Path> inputs = files.isEmpty() ? List.of(Path.of(MessageFiles.STDIN)) : files;
        MessageFiles.checkReadable(inputs);
        DkimVerifier verifier = new DkimVerifier(config());
        ArcValidator validator = new ArcValidator(arcConfig(verifier.config()));
        String id = authservId != null ? authservId : LocalHost.name();
        TransactionChecks smtp = transaction.checks(verifier.config().resolver(), id, verifier.config().clock());
        ResultWriter writer = json ? new JsonResultWriter(inkan.streams().out())
                : new TextResultWriter(inkan.streams().out(), inputs.size() > 1);
        for (Path input : inputs) {
            String name = input.toString();
            DkimCheck dkim = verifier.check();
            ArcCheck arc = validator.check();
            ScannedMessage scanned = scan(input, List.of(dkim, arc));
            List<DkimVerdict> verdicts = dkim.verdicts(scanned);
            ArcVerdict chain = arc.verdict(scanned);
            List<ResultInfo> results = new ArrayList<>();
            SpfVerdict spf = smtp == null ? null : smtp.spf();
            if (spf != null) {
                results.add(spf.toResultInfo());
            }
            results.addAll(resultInfos(verdicts));
            results.add(chain.toResultInfo(smtp == null ? null : smtp.clientIp()));
            DmarcVerdict dmarc = smtp == null ? null : smtp.dmarc(scanned, results, chain);
            if (dmarc != null) {
                results.add(dmarc.toResultInfo());
            }
            writer.write(name, AuthenticationResults.of(id, results), new MessageVerdicts(verdicts, chain, spf, dmarc));
        }
        if (inkan.streams().out().checkError()) {
            throw new IOException("standard output: write error");
        }
        return InkanCommand.EXIT_OK;
    }

    private DkimVerifierConfig config() throws InputException {
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
        DkimVerifierConfig.Builder builder = DkimVerifierConfig.builder(dns.resolver())
                .clock(now == null ? Clock.systemUTC() : Clock.fixed(now, ZoneOffset.UTC))
                .keyPolicy(policy);
        try {
            if (maxSignatures != null) {
                builder.maxSignatures(maxSignatures);
            }
        } catch (IllegalArgumentException e) {
            throw new InputException("--max-signatures " + maxSignatures + ": must be at least 1");
        }
        return builder.build();
    }

    /** The ARC validator with the same RFC 8301 policy as DKIM. */
    static ArcValidatorConfig arcConfig(DkimVerifierConfig dkim) {
        return ArcValidatorConfig.builder(dkim.resolver()).keyPolicy(dkim.keyPolicy()).messageLimits(dkim.messageLimits())
                .build();
    }

    /** One pass over the message for every check. */
    private ScannedMessage scan(Path input, List<BodyHashRequester> checks) throws IOException, InputException {
        boolean stdin = MessageFiles.isStdin(input);
        try (InputStream in = stdin ? inkan.streams().in() : Files.newInputStream(input)) {
            return MessageSink.scan(in, MessageLimits.DEFAULT, checks);
        } catch (MessageLimitException e) {
            throw new InputException((stdin ? "standard input" : input.toString()) + ": " + e.getMessage());
        }
    }

    /** One resinfo per signature; dkim=none for a message without any (RFC 8601 §2.7.1). */
    static List<ResultInfo> resultInfos(List<DkimVerdict> verdicts) {
        if (verdicts.isEmpty()) {
            return List.of(ResultInfo.of("dkim", "none"));
        }
        return verdicts.stream().map(DkimVerdict::toResultInfo).toList();
    }
}
