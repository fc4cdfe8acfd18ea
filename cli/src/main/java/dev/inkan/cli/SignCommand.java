package dev.inkan.cli;

import dev.inkan.dkim.DkimSigner;
import dev.inkan.dkim.DkimSigningSpec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code inkan sign}: adds DKIM-Signature fields on top of messages, leaving every original byte as it was. */
@Command(sortOptions = false,
        name = "sign",
        versionProvider = InkanVersion.class,
        description = {
            "Sign messages with DKIM (RFC 6376; Ed25519: RFC 8463).",
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

    @Option(names = "--out-dir", paramLabel = "DIR", order = 17,
            description = "Write each signed FILE to DIR under its own name (DIR is created if missing).")
    private Path outDir;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Messages to sign (default: standard input).")
    private List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws InputException, IOException {
        if (timestamp != null && noTimestamp) {
            throw usage("--timestamp and --no-timestamp cannot be combined");
        }
        if (expiration != null && expiration <= 0) {
            throw usage("--expiration must be a positive number of seconds");
        }
        MessageFileSigner signer = new MessageFileSigner(new DkimSigner(specs(),
                timestamp == null ? Clock.systemUTC() : Clock.fixed(timestamp, ZoneOffset.UTC)));
        boolean fromStdin = files.isEmpty() || (files.size() == 1 && MessageFiles.isStdin(files.get(0)));
        if (fromStdin) {
            if (outDir != null) {
                throw usage("--out-dir needs FILE arguments; standard input is signed to standard output");
            }
            try (StdinSpool spool = StdinSpool.of(inkan.streams().in())) {
                toStdout(signer, spool.file(), "standard input");
            }
            return InkanCommand.EXIT_OK;
        }
        MessageFiles.checkReadable(files);
        if (outDir == null) {
            if (files.size() > 1) {
                throw usage("signing " + files.size() + " files needs --out-dir DIR (one signed file each)");
            }
            toStdout(signer, files.get(0), files.get(0).toString());
        } else {
            Map<Path, Path> targets = targets();
            for (Map.Entry<Path, Path> t : targets.entrySet()) {
                toFile(signer, t.getKey(), t.getValue());
            }
        }
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

    /** Each input with its output file; refuses '-', two inputs with one name, and an output over its input. */
    private Map<Path, Path> targets() throws InputException, IOException {
        Files.createDirectories(outDir);
        Map<Path, Path> targets = new LinkedHashMap<>();
        Map<Path, Path> byTarget = new HashMap<>();
        for (Path file : files) {
            if (MessageFiles.isStdin(file)) {
                throw usage("standard input ('-') cannot be combined with --out-dir");
            }
            Path target = outDir.resolve(file.getFileName());
            Path earlier = byTarget.put(target.toAbsolutePath().normalize(), file);
            if (earlier != null) {
                throw new InputException(earlier + " and " + file + " would both be written to " + target);
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(file, target)) {
                throw new InputException(target + " is the input itself; choose another --out-dir");
            }
            targets.put(file, target);
        }
        return targets;
    }

    private void toStdout(MessageFileSigner signer, Path message, String name) throws IOException, InputException {
        PrintStream out = inkan.streams().out();
        signer.sign(message, name, out);
        if (out.checkError()) {
            throw new IOException("standard output: write error");
        }
    }

    /** Writes beside the target, then renames: a failure never leaves a half-written message behind. */
    private static void toFile(MessageFileSigner signer, Path message, Path target) throws IOException, InputException {
        Path dir = target.toAbsolutePath().getParent();
        Path partial = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 65536)) {
                signer.sign(message, message.toString(), out);
            }
            copyPermissions(message, partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The signed copy gets the permissions of its input (the temporary file starts as 600). */
    private static void copyPermissions(Path from, Path to) throws IOException {
        if (Files.getFileStore(to).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
    }

    private static List<String> nonBlank(List<String> names) {
        return names.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
