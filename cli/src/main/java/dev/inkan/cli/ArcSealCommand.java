package dev.inkan.cli;

import dev.inkan.arc.ArcSealer;
import dev.inkan.authenticate.AuthenticationConfig;
import dev.inkan.authenticate.Authenticator;
import dev.inkan.authenticate.SmtpEnvelope;
import dev.inkan.arc.ArcSealerConfig;
import dev.inkan.dns.DnsResolver;
import dev.inkan.keytable.KeySelection;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

/** {@code inkan arc-seal}: adds an ARC set on top of messages, as a forwarding hop does (RFC 8617 §5.1). */
@Command(sortOptions = false,
        name = "arc-seal",
        versionProvider = InkanVersion.class,
        description = {
            "Seal messages with ARC (RFC 8617): validate the chain they carry, then add an ARC set.",
            "The output is the new ARC-Seal, ARC-Message-Signature and ARC-Authentication-Results fields, in that "
                    + "order, followed by the original message byte for byte, in the message's line ending. The seal "
                    + "carries cv= from the validation: none, pass, or fail (then it covers only the new set). A "
                    + "message whose newest ARC-Seal already says cv=fail, or that has 50 sets, is written "
                    + "unchanged with a note on standard error.",
            "The AAR records this hop's results, which Inkan reaches itself in the same pass: DKIM and the incoming "
                    + "chain (arc=), and with --ip and --helo also SPF and DMARC. Authentication-Results fields "
                    + "already on the message are never copied into the AAR: anyone can write one.",
            "Input and output as for sign: no FILE (or '-') seals standard input to standard output; one FILE "
                    + "without --out-dir goes to standard output; with --out-dir DIR each FILE is written to "
                    + "DIR/<file name>.",
            "Several keys: repeat the group --domain --selector --key; the key whose domain is the author's (From) "
                    + "domain or a parent of it seals, else the first."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  inkan arc-seal --domain lists.example.org --selector arc \\",
            "                 --key arc.private --authserv-id mx.example.org \\",
            "                 --dns-zone keys.zone < in.eml > out.eml",
            "  inkan arc-seal --domain example.org --selector arc --key arc.private \\",
            "                 --authserv-id mx.example.org --ip 192.0.2.1 \\",
            "                 --helo mail.example.com --mail-from a@example.com \\",
            "                 --out-dir sealed/ a.eml b.eml"})
final class ArcSealCommand implements Callable<Integer> {

    @ParentCommand
    private InkanCommand inkan;

    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    @ArgGroup(multiplicity = "1..*", exclusive = false, order = 1,
            heading = "%nSealing key (repeatable: one group per domain):%n")
    private List<KeyOptions> keys = new ArrayList<>();

    @Mixin
    private DnsOptions dns;

    @Option(names = "--authserv-id", order = 10, paramLabel = "ID",
            description = "Our authserv-id: the AAR's, and whose Authentication-Results it records "
                    + "(default: this host's name).")
    private String authservId;

    @Option(names = "--headers", paramLabel = "NAME", split = ",", order = 11,
            description = "Header fields the ARC-Message-Signature signs when present, comma-separated (From is "
                    + "always signed; ARC and Authentication-Results fields never are; default: From, To, Cc, "
                    + "Subject, Date, Message-ID, Reply-To, In-Reply-To, References, MIME-Version, Content-Type, "
                    + "Content-Transfer-Encoding, the Resent-* and List-* fields, DKIM-Signature).")
    private List<String> headers;

    @Option(names = "--canonicalization", paramLabel = "HEADER/BODY", defaultValue = "relaxed/relaxed",
            converter = OptionConverters.Canonicalizations.class, order = 12,
            description = "c= of the ARC-Message-Signature (default: ${DEFAULT-VALUE}; the seal is always relaxed).")
    private CanonicalizationPair canonicalization;

    @Option(names = "--timestamp", paramLabel = "EPOCH", converter = OptionConverters.EpochSeconds.class, order = 13,
            description = "Seal (t=) and check DKIM at this time (seconds since 1970) instead of now: reproducible "
                    + "output.")
    private Instant timestamp;

    @Mixin
    private TransactionOptions transaction;

    @Mixin
    private MessageOutputOptions messages;

    @Override
    public Integer call() throws InputException, IOException {
        String id = LocalHost.nameOr(authservId, "--authserv-id");
        Clock clock = timestamp == null ? Clock.systemUTC() : Clock.fixed(timestamp, ZoneOffset.UTC);
        DnsResolver resolver = dns.resolver();
        SmtpEnvelope envelope = transaction.envelope();
        AuthenticationConfig.Builder checks = AuthenticationConfig.builder(resolver, id).clock(clock)
                .dnsBudget(dns.budget());
        if (envelope.hasClient()) {
            checks.dmarc(transaction.dmarc(resolver));
        }
        ArcSealer sealer = new ArcSealer(config(id, clock));
        messages.run(new MessageFileSealer(sealer, new Authenticator(checks.build()), envelope, inkan.streams().err()),
                inkan.streams(), this::usage);
        return InkanCommand.EXIT_OK;
    }

    private ArcSealerConfig config(String id, Clock clock) throws InputException {
        List<KeySelection> selections = new ArrayList<>();
        for (KeyOptions key : keys) {
            selections.add(new KeySelection(key.domain, key.selector, key.signingKey(), null));
        }
        try {
            ArcSealerConfig.Builder builder = ArcSealerConfig.builder(id).clock(clock)
                    .canonicalization(canonicalization.header(), canonicalization.body());
            builder.keys(selections);
            if (headers != null) {
                builder.headers(headers.stream().map(String::strip).filter(n -> !n.isEmpty()).toList());
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
