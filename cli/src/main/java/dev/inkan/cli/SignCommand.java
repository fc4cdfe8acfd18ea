package dev.inkan.cli;

import dev.inkan.crypto.RsaSigningKey;
import dev.inkan.dkim.DkimSigner;
import dev.inkan.dkim.DkimSigningSpec;
import dev.inkan.domainkeys.DomainKeysSigningSpec;
import dev.inkan.message.DomainKeysCanonicalization;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code inkan sign}: adds DKIM-Signature fields on top of messages, leaving every original byte as it was. */
@Command(sortOptions = false,
        name = "sign",
        versionProvider = InkanVersion.class,
        description = {
            "Sign messages with DKIM (RFC 6376; Ed25519: RFC 8463), and with --domainkeys also DomainKeys (RFC 4870).",
            "The output is the new DKIM-Signature field(s) followed by the original message, byte for byte. "
                    + "The fields use the message's line ending (LF or CRLF, from its first line).",
            "Input and output: no FILE (or '-') signs standard input to standard output; one FILE without "
                    + "--out-dir is signed to standard output; with --out-dir DIR each FILE is written to "
                    + "DIR/<file name> (required for more than one FILE; never over its input).",
            "Several signatures in one pass: repeat the group --domain --selector --key [--algorithm] "
                    + "[--identity]; a new group starts at each repeated option. The fields are written "
                    + "in the order of the groups."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  inkan sign --domain example.com --selector s1 --key s1.private \\",
            "             < in.eml > out.eml",
            "  inkan sign --domain example.com --selector rsa --key rsa.private \\",
            "             --domain example.com --selector ed --key ed.private \\",
            "             --out-dir signed/ a.eml b.eml"})
final class SignCommand implements Callable<Integer> {

    @ParentCommand
    private InkanCommand inkan;

    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    @ArgGroup(multiplicity = "1..*", exclusive = false, order = 1,
            heading = "%nSignature (repeatable: one group per signature):%n")
    private List<SignatureOptions> signatures = new ArrayList<>();

    @Option(names = "--canonicalization", paramLabel = "HEADER/BODY", defaultValue = "relaxed/relaxed",
            converter = OptionConverters.Canonicalizations.class, order = 10,
            description = "c=: simple or relaxed for header/body (default: ${DEFAULT-VALUE}).")
    private CanonicalizationPair canonicalization;

    @Option(names = "--headers", paramLabel = "NAME", split = ",", order = 11,
            description = "Header fields to sign when present, comma-separated (From is always signed; "
                    + "default: From, Reply-To, Subject, Date, To, Cc, Message-ID, Content-Type, the Resent-* "
                    + "and List-* fields, In-Reply-To, References).")
    private List<String> headers;

    @Option(names = "--oversign", paramLabel = "NAME", split = ",", defaultValue = "from", order = 12,
            description = "Fields signed once more than present, so none can be added (default: ${DEFAULT-VALUE}; "
                    + "--oversign= for none).")
    private List<String> oversign;

    @Option(names = "--expiration", paramLabel = "SECONDS", order = 13,
            description = "Add x=: the signature expires this many seconds after t=.")
    private Long expiration;

    @Option(names = "--body-length", order = 14,
            description = "Add l=, the signed body length (risky: content can be appended, RFC 6376 section 8.2).")
    private boolean bodyLength;

    @Option(names = "--timestamp", paramLabel = "EPOCH", converter = OptionConverters.EpochSeconds.class, order = 15,
            description = "Sign at this time (t=, seconds since 1970) instead of now: reproducible output.")
    private Instant timestamp;

    @Option(names = "--no-timestamp", order = 16, description = "Leave out t= (and so x=).")
    private boolean noTimestamp;

    @Option(names = "--domainkeys", order = 17,
            description = "Also add a DomainKeys signature (RFC 4870, rsa-sha1; historic, for receivers that still "
                    + "check it) with the first signature's RSA key, domain and selector, below the DKIM "
                    + "signature(s), as DKIMproxy does. The DKIM signature covers it when --headers names "
                    + "DomainKey-Signature.")
    private boolean domainKeys;

    @Option(names = "--dk-canonicalization", paramLabel = "nofws|simple", defaultValue = "nofws", order = 18,
            description = "c= of the DomainKeys signature (default: ${DEFAULT-VALUE}).")
    private String dkCanonicalization;

    @Mixin
    private MessageOutputOptions messages;

    @Override
    public Integer call() throws InputException, IOException {
        if (timestamp != null && noTimestamp) {
            throw usage("--timestamp and --no-timestamp cannot be combined");
        }
        if (expiration != null && expiration <= 0) {
            throw usage("--expiration must be a positive number of seconds");
        }
        List<DkimSigningSpec> specs = specs();
        MessageFileSigner signer = new MessageFileSigner(new DkimSigner(specs,
                timestamp == null ? Clock.systemUTC() : Clock.fixed(timestamp, ZoneOffset.UTC)),
                domainKeys ? domainKeysSpec(specs.get(0)) : null);
        messages.run(signer, inkan.streams(), this::usage);
        return InkanCommand.EXIT_OK;
    }

    private List<DkimSigningSpec> specs() throws InputException {
        List<DkimSigningSpec> specs = new ArrayList<>();
        for (SignatureOptions signature : signatures) {
            DkimSigningSpec.Builder builder = signature.builder();
            try {
                builder.canonicalization(canonicalization.header(), canonicalization.body())
                        .oversign(new LinkedHashSet<>(nonBlank(oversign)))
                        .bodyLengthTag(bodyLength)
                        .timestamp(!noTimestamp)
                        .expiration(expiration == null ? null : Duration.ofSeconds(expiration));
                if (headers != null) {
                    builder.headers(nonBlank(headers));
                }
                specs.add(builder.build());
            } catch (IllegalArgumentException e) {
                throw new InputException(e.getMessage());
            }
        }
        return specs;
    }

    private DomainKeysSigningSpec domainKeysSpec(DkimSigningSpec first) {
        DomainKeysCanonicalization c = DomainKeysCanonicalization.fromTagName(dkCanonicalization.strip());
        if (c == null) {
            throw usage("--dk-canonicalization must be nofws or simple, not '" + dkCanonicalization + "'");
        }
        if (!(first.key() instanceof RsaSigningKey rsa)) {
            throw usage("--domainkeys needs an RSA key (DomainKeys is rsa-sha1 only); the first signature's key is "
                    + first.key().type().name().toLowerCase(java.util.Locale.ROOT));
        }
        return new DomainKeysSigningSpec(first.domain(), first.selector(), rsa, c, null);
    }

    private static List<String> nonBlank(List<String> names) {
        return names.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
