package dev.inkan.cli;

import dev.inkan.crypto.KeyType;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code inkan keygen}: a new signing key and the DNS record that publishes it. */
@Command(sortOptions = false,
        name = "keygen",
        versionProvider = InkanVersion.class,
        description = {
            "Generate a DKIM signing key and its DNS record.",
            "Writes DIR/SELECTOR.private (PEM; mode 600) and DIR/SELECTOR.txt (a BIND zone-file line for "
                    + "SELECTOR._domainkey.DOMAIN), then prints the TXT value to publish. "
                    + "Existing files are never overwritten."},
        footerHeading = "%nExample:%n",
        footer = "  inkan keygen --domain example.com --selector s2024 --out /etc/inkan/keys")
final class KeygenCommand implements Callable<Integer> {

    /** A DNS name of letter-digit-hyphen (and underscore) labels, RFC 1035 §2.3.1. */
    private static final Pattern DNS_NAME =
            Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*");

    @ParentCommand
    private InkanCommand inkan;

    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    @Option(names = "--domain", order = 1, required = true, paramLabel = "DOMAIN",
            description = "The signing domain (d=), e.g. example.com.")
    private String domain;

    @Option(names = "--selector", order = 2, required = true, paramLabel = "SELECTOR",
            description = "The selector (s=); also the base name of the files written.")
    private String selector;

    @Option(names = "--type", order = 3, paramLabel = "TYPE", defaultValue = "rsa", converter = OptionConverters.KeyTypes.class,
            completionCandidates = OptionConverters.KeyTypes.class,
            description = "Key type: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private KeyType type;

    @Option(names = "--bits", order = 4, paramLabel = "N",
            description = "RSA key size, " + SigningKeyGenerator.MIN_RSA_BITS + " to " + SigningKeyGenerator.MAX_RSA_BITS
                    + " (default: 2048). Not for ed25519.")
    private Integer bits;

    @Option(names = "--out", order = 5, paramLabel = "DIR", defaultValue = ".",
            description = "Directory for the files, created if missing (default: the current directory).")
    private Path out;

    @Override
    public Integer call() throws InputException, IOException {
        String dnsDomain = checkedName("--domain", domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain);
        String dnsSelector = checkedName("--selector", selector);
        int rsaBits = checkedBits();
        Files.createDirectories(out);
        Path keyFile = out.resolve(dnsSelector + ".private");
        Path recordFile = out.resolve(dnsSelector + ".txt");
        refuseExisting(keyFile);
        refuseExisting(recordFile);

        SigningKeyGenerator generator = new SigningKeyGenerator(new SecureRandom());
        SigningKey key = type == KeyType.RSA ? generator.rsa(rsaBits) : generator.ed25519();
        DkimTxtRecord record = new DkimTxtRecord(dnsDomain, dnsSelector, key.publicKey());

        PrivateFiles.createSecret(keyFile, key.toPem());
        try {
            PrivateFiles.createPublic(recordFile, record.zoneText("DKIM key " + dnsSelector + " for " + dnsDomain
                    + ": " + describe(key)));
        } catch (IOException e) {
            Files.deleteIfExists(keyFile);
            throw e;
        }
        PrintStream stdout = inkan.streams().out();
        stdout.println("Private key: " + keyFile + " (" + describe(key) + ", mode 600; keep it secret)");
        stdout.println("DNS record:  " + recordFile + " (zone-file line)");
        stdout.println("Publish this TXT record at " + record.ownerName() + ":");
        stdout.println(record.value());
        stdout.flush();
        return InkanCommand.EXIT_OK;
    }

    private int checkedBits() {
        if (type == KeyType.ED25519) {
            if (bits != null) {
                throw new ParameterException(spec.commandLine(), "--bits applies to rsa keys only; ed25519 keys are always 256 bits");
            }
            return 0;
        }
        int n = bits == null ? 2048 : bits;
        if (n < SigningKeyGenerator.MIN_RSA_BITS || n > SigningKeyGenerator.MAX_RSA_BITS) {
            throw new ParameterException(spec.commandLine(), "--bits " + n + ": RSA keys must have "
                    + SigningKeyGenerator.MIN_RSA_BITS + " to " + SigningKeyGenerator.MAX_RSA_BITS + " bits (RFC 8301 section 3.2)");
        }
        return n;
    }

    private String checkedName(String option, String name) {
        if (name.length() > 253 || !DNS_NAME.matcher(name).matches()) {
            throw new ParameterException(spec.commandLine(), option + " '" + name
                    + "' is not a DNS name (letters, digits, hyphens and underscores in dot-separated labels)");
        }
        return name;
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
