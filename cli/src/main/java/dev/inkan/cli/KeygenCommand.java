package dev.inkan.cli;

import dev.inkan.crypto.KeyFormatException;
import dev.inkan.crypto.KeyType;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.crypto.SigningKeyReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code inkan keygen}: a new signing key and the DNS record that publishes it; with {@code --rotate-from}, the
 * next key of a domain, named by a {@link SelectorScheme}, and the {@link RotationPlan} that brings it into use.
 */
@Command(sortOptions = false,
        name = "keygen",
        versionProvider = InkanVersion.class,
        description = {
            "Generate a DKIM signing key and its DNS record.",
            "Writes DIR/SELECTOR.private (PEM; mode 600) and DIR/SELECTOR.txt (a BIND zone-file line for "
                    + "SELECTOR._domainkey.DOMAIN), then prints the TXT value to publish. "
                    + "Existing files are never overwritten.",
            "With --rotate-from OLD it prepares the domain's next key instead: the new selector named after OLD's "
                    + "scheme, its files, DIR/OLD.revoked.txt (the record that later revokes OLD), both records to "
                    + "publish and the plan: publish, wait, check, switch, revoke OLD after the grace period."},
        footerHeading = "%nExamples:%n",
        footer = {"  inkan keygen --domain example.com --selector s2026a --out /etc/inkan/keys",
            "  inkan keygen --domain example.com --rotate-from s2026a --out /etc/inkan/keys"})
final class KeygenCommand implements Callable<Integer> {

    /** A DNS name of letter-digit-hyphen (and underscore) labels, RFC 1035 §2.3.1. */
    private static final Pattern DNS_NAME =
            Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*");
    private static final int DEFAULT_GRACE_DAYS = 7;

    @ParentCommand
    private InkanCommand inkan;

    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    @Option(names = "--domain", order = 1, required = true, paramLabel = "DOMAIN",
            description = "The signing domain (d=), e.g. example.com.")
    private String domain;

    @Option(names = "--selector", order = 2, paramLabel = "SELECTOR",
            description = "The selector (s=); also the base name of the files written. Required unless --rotate-from"
                    + " names the new one.")
    private String selector;

    @Option(names = "--type", order = 3, paramLabel = "TYPE", converter = OptionConverters.KeyTypes.class,
            completionCandidates = OptionConverters.KeyTypes.class,
            description = "Key type: ${COMPLETION-CANDIDATES} (default: rsa; with --rotate-from, the old key's type).")
    private KeyType type;

    @Option(names = "--bits", order = 4, paramLabel = "N",
            description = "RSA key size, " + SigningKeyGenerator.MIN_RSA_BITS + " to " + SigningKeyGenerator.MAX_RSA_BITS
                    + " (default: 2048, or the old key's size when larger). Not for ed25519.")
    private Integer bits;

    @Option(names = "--out", order = 5, paramLabel = "DIR", defaultValue = ".",
            description = "Directory for the files, created if missing (default: the current directory).")
    private Path out;

    @Option(names = "--rotate-from", order = 6, paramLabel = "OLD",
            description = "Prepare the key that replaces selector OLD (the one signing now) and print the rotation"
                    + " plan.")
    private String rotateFrom;

    @Option(names = "--old-key", order = 7, paramLabel = "FILE",
            description = "With --rotate-from: OLD's private key, whose record is printed (default: DIR/OLD.private).")
    private Path oldKey;

    @Option(names = "--scheme", order = 8, paramLabel = "SCHEME", converter = OptionConverters.Schemes.class,
            description = "With --rotate-from: how the new selector is named, yearhalf (s2026a, s2026b, s2027a…)"
                    + " or date (20261207) (default: OLD's own scheme). Not with --selector.")
    private SelectorScheme scheme;

    @Option(names = "--grace-days", order = 9, paramLabel = "N",
            description = "With --rotate-from: days from the switch until OLD is revoked (1 to 365; default: "
                    + DEFAULT_GRACE_DAYS + ").")
    private Integer graceDays;

    @Option(names = "--date", order = 10, paramLabel = "YYYY-MM-DD", converter = OptionConverters.Days.class,
            description = "With --rotate-from: the day the new selector is named after and the plan counts from"
                    + " (default: today, UTC).")
    private LocalDate date;

    @Override
    public Integer call() throws InputException, IOException {
        String dnsDomain = checkedName("--domain", domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain);
        if (rotateFrom != null) {
            return rotate(dnsDomain);
        }
        if (oldKey != null || scheme != null || graceDays != null || date != null) {
            throw usage("--old-key, --scheme, --grace-days and --date apply with --rotate-from only");
        }
        if (selector == null) {
            throw usage("--selector is required (or --rotate-from OLD to prepare the key that replaces OLD)");
        }
        KeyType keyType = type == null ? KeyType.RSA : type;
        NewKey created = create(dnsDomain, checkedName("--selector", selector), keyType, checkedBits(keyType, 2048), null);
        PrintStream stdout = inkan.streams().out();
        created.printFiles(stdout);
        stdout.println("Publish this TXT record at " + created.record().ownerName() + ":");
        stdout.println(created.record().value());
        stdout.flush();
        return InkanCommand.EXIT_OK;
    }

    /** {@code --rotate-from OLD}: the next key, OLD's revocation record, and the plan between them. */
    private Integer rotate(String dnsDomain) throws InputException, IOException {
        String old = checkedName("--rotate-from", rotateFrom);
        if (selector != null && scheme != null) {
            throw usage("--scheme names the new selector; with --selector there is nothing to name");
        }
        int grace = graceDays == null ? DEFAULT_GRACE_DAYS : graceDays;
        if (grace < 1 || grace > 365) {
            throw usage("--grace-days " + grace + ": must be 1 to 365");
        }
        SigningKey previous = oldKey(old);
        LocalDate today = date != null ? date : LocalDate.now(ZoneOffset.UTC);
        String next = selector != null ? checkedName("--selector", selector) : nextSelector(old, today);
        if (next.equalsIgnoreCase(old)) {
            throw usage("the new selector must differ from --rotate-from " + old);
        }
        KeyType keyType = type == null ? previous.type() : type;
        int defaultBits = previous.type() == KeyType.RSA ? Math.max(2048, previous.bits()) : 2048;
        DkimTxtRecord revoked = DkimTxtRecord.revoked(dnsDomain, old, previous.type());
        NewKey created = create(dnsDomain, next, keyType, checkedBits(keyType, defaultBits), revoked);

        PrintStream stdout = inkan.streams().out();
        created.printFiles(stdout);
        stdout.println();
        stdout.print(new RotationPlan(new DkimTxtRecord(dnsDomain, old, previous.publicKey()), created.record(),
                revoked, created.keyFile(), grace, today).text());
        stdout.flush();
        return InkanCommand.EXIT_OK;
    }

    private SigningKey oldKey(String old) throws InputException {
        Path file = oldKey != null ? oldKey : out.resolve(old + ".private");
        try {
            return SigningKeyReader.read(file);
        } catch (KeyFormatException e) {
            throw new InputException("the key of selector " + old + ": " + e.getMessage()
                    + (oldKey == null ? " (give it with --old-key FILE)" : ""));
        }
    }

    private String nextSelector(String old, LocalDate today) {
        SelectorScheme chosen = scheme != null ? scheme : SelectorScheme.of(old).orElseThrow(() -> usage(
                "selector '" + old + "' follows no naming scheme Inkan knows: give --scheme yearhalf|date or --selector"));
        try {
            return chosen.next(old, today);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** The files one new key is written to, and its record. */
    private record NewKey(Path keyFile, Path recordFile, Path revokedFile, SigningKey key, DkimTxtRecord record) {

        void printFiles(PrintStream stdout) {
            stdout.println("Private key: " + keyFile + " (" + describe(key) + ", mode 600; keep it secret)");
            stdout.println("DNS record:  " + recordFile + " (zone-file line)");
            if (revokedFile != null) {
                stdout.println("Revocation:  " + revokedFile + " (zone-file line for step 5, not before)");
            }
        }
    }

    /**
     * Writes a new key and its record (and the old selector's revocation record when rotating); no file is
     * overwritten, and nothing is left half written.
     */
    private NewKey create(String dnsDomain, String newSelector, KeyType keyType, int rsaBits, DkimTxtRecord revoked)
            throws InputException, IOException {
        Files.createDirectories(out);
        Path keyFile = out.resolve(newSelector + ".private");
        Path recordFile = out.resolve(newSelector + ".txt");
        Path revokedFile = revoked == null ? null : out.resolve(revoked.selector() + ".revoked.txt");
        refuseExisting(keyFile);
        refuseExisting(recordFile);
        if (revokedFile != null) {
            refuseExisting(revokedFile);
        }

        SigningKeyGenerator generator = new SigningKeyGenerator(new SecureRandom());
        SigningKey key = keyType == KeyType.RSA ? generator.rsa(rsaBits) : generator.ed25519();
        DkimTxtRecord record = new DkimTxtRecord(dnsDomain, newSelector, key.publicKey());

        PrivateFiles.createSecret(keyFile, key.toPem());
        try {
            PrivateFiles.createPublic(recordFile, record.zoneText("DKIM key " + newSelector + " for " + dnsDomain
                    + ": " + describe(key)));
            if (revokedFile != null) {
                PrivateFiles.createPublic(revokedFile, revoked.zoneText("DKIM selector " + revoked.selector() + " of "
                        + dnsDomain + " revoked (RFC 6376 section 3.6.1): publish after the grace period"));
            }
        } catch (IOException e) {
            Files.deleteIfExists(recordFile);
            Files.deleteIfExists(keyFile);
            throw e;
        }
        return new NewKey(keyFile, recordFile, revokedFile, key, record);
    }

    private int checkedBits(KeyType keyType, int defaultBits) {
        if (keyType == KeyType.ED25519) {
            if (bits != null) {
                throw usage("--bits applies to rsa keys only; ed25519 keys are always 256 bits");
            }
            return 0;
        }
        int n = bits == null ? defaultBits : bits;
        if (n < SigningKeyGenerator.MIN_RSA_BITS || n > SigningKeyGenerator.MAX_RSA_BITS) {
            throw usage("--bits " + n + ": RSA keys must have "
                    + SigningKeyGenerator.MIN_RSA_BITS + " to " + SigningKeyGenerator.MAX_RSA_BITS + " bits (RFC 8301 section 3.2)");
        }
        return n;
    }

    private String checkedName(String option, String name) {
        if (name.length() > 253 || !DNS_NAME.matcher(name).matches()) {
            throw usage(option + " '" + name
                    + "' is not a DNS name (letters, digits, hyphens and underscores in dot-separated labels)");
        }
        return name;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static void refuseExisting(Path file) throws InputException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(file + " already exists; refusing to overwrite it"
                    + " (choose another --selector or --out, or move the file away)");
        }
    }

    private static String describe(SigningKey key) {
        return key.type().tagName() + " " + key.bits() + " bits";
    }
}
