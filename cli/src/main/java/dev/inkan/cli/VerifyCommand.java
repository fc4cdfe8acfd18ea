package dev.inkan.cli;

import dev.inkan.authres.AuthenticationResults;
import dev.inkan.authres.ResultInfo;
import dev.inkan.dkim.DkimVerdict;
import dev.inkan.dkim.DkimVerifier;
import dev.inkan.dkim.DkimVerifierConfig;
import dev.inkan.message.MessageLimitException;
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

/** {@code inkan verify}: checks the DKIM signatures of messages and reports them as Authentication-Results. */
@Command(sortOptions = false,
        name = "verify",
        versionProvider = InkanVersion.class,
        description = {
            "Verify the DKIM signatures of messages (RFC 6376, RFC 8301, RFC 8463).",
            "For each message prints the Authentication-Results header field (RFC 8601) a receiver would add; "
                    + "with several FILEs each is introduced by a line '==> FILE <=='. A message without "
                    + "signatures reports dkim=none. With --json: one JSON object per message per line.",
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
            description = "Smallest RSA key accepted; smaller keys give dkim=policy (default: 1024, RFC 8301).")
    private Integer minKeyBits;

    @Option(names = "--max-signatures", order = 12, paramLabel = "N",
            description = "Signatures checked per message; further ones give dkim=policy (default: 10).")
    private Integer maxSignatures;

    @Option(names = "--allow-sha1", order = 13, description = "Accept rsa-sha1 signatures (refused by RFC 8301 section 3.1).")
    private boolean allowSha1;

    @Option(names = "--now", order = 14, paramLabel = "EPOCH", converter = OptionConverters.EpochSeconds.class,
            description = "Verify as if it were this time (seconds since 1970), for t= and x=.")
    private Instant now;

    @Option(names = "--json", order = 15, description = "One JSON object per message per line, instead of header text.")
    private boolean json;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Messages to verify; '-' is standard input (default: standard input).")
    private List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws InputException, IOException {
        List<Path> inputs = files.isEmpty() ? List.of(Path.of(MessageFiles.STDIN)) : files;
        MessageFiles.checkReadable(inputs);
        DkimVerifier verifier = new DkimVerifier(config());
        String id = authservId != null ? authservId : LocalHost.name();
        ResultWriter writer = json ? new JsonResultWriter(inkan.streams().out())
                : new TextResultWriter(inkan.streams().out(), inputs.size() > 1);
        for (Path input : inputs) {
            String name = input.toString();
            List<DkimVerdict> verdicts = verify(verifier, input);
            writer.write(name, AuthenticationResults.of(id, resultInfos(verdicts)), verdicts);
        }
        if (inkan.streams().out().checkError()) {
            throw new IOException("standard output: write error");
        }
        return InkanCommand.EXIT_OK;
    }

    private DkimVerifierConfig config() throws InputException {
        DkimVerifierConfig.Builder builder = DkimVerifierConfig.builder(dns.resolver())
                .clock(now == null ? Clock.systemUTC() : Clock.fixed(now, ZoneOffset.UTC))
                .allowSha1(allowSha1);
        try {
            if (minKeyBits != null) {
                builder.minRsaBits(minKeyBits);
            }
        } catch (IllegalArgumentException e) {
            throw new InputException("--min-key-bits " + minKeyBits + ": " + e.getMessage());
        }
        try {
            if (maxSignatures != null) {
                builder.maxSignatures(maxSignatures);
            }
        } catch (IllegalArgumentException e) {
            throw new InputException("--max-signatures " + maxSignatures + ": must be at least 1");
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            // the only inconsistency the options can create: a minimum above the largest RSA key accepted
            throw new InputException("--min-key-bits " + minKeyBits + ": more than the largest RSA key accepted ("
                    + builder.minRsaBits(1024).build().maxRsaBits() + " bits)");
        }
    }

    private List<DkimVerdict> verify(DkimVerifier verifier, Path input) throws IOException, InputException {
        boolean stdin = MessageFiles.isStdin(input);
        try (InputStream in = stdin ? inkan.streams().in() : Files.newInputStream(input)) {
            return verifier.verify(in);
        } catch (MessageLimitException e) {
            throw new InputException((stdin ? "standard input" : input.toString()) + ": " + e.getMessage());
        }
    }

    /** One resinfo per signature; dkim=none for a message without any (RFC 8601 §2.7.1). */
    private static List<ResultInfo> resultInfos(List<DkimVerdict> verdicts) {
        if (verdicts.isEmpty()) {
            return List.of(ResultInfo.of("dkim", "none"));
        }
        return verdicts.stream().map(DkimVerdict::toResultInfo).toList();
    }
}
