package dev.inkan.james.config;

import dev.inkan.crypto.KeyFormatException;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyReader;
import dev.inkan.keytable.FixedKeySelector;
import dev.inkan.keytable.KeySelection;
import dev.inkan.keytable.KeyTable;
import dev.inkan.keytable.KeyTableException;
import dev.inkan.keytable.ReloadingKeySelector;
import dev.inkan.keytable.SigningKeySelector;
import dev.inkan.keytable.SigningTable;
import dev.inkan.keytable.TableKeySelector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing-key parameters DkimSign and ArcSeal share. Exactly one source: a single key
 * ({@code domain}, {@code selector}, {@code privateKeyFile} or inline {@code privateKey}), a list
 * ({@code keys = domain:selector:/path, ...}, the KeyTable value syntax), or OpenDKIM's {@code keyTable}
 * with {@code signingTable} ({@code refile:} for wildcards) and {@code multipleSignatures}. Every key is
 * read at start-up, so a bad key stops James with one line instead of failing on the first mail.
 *
 * <p>Keys read from files are read again when a file changes ({@code keyReloadInterval}, default
 * {@value #DEFAULT_RELOAD_SECONDS} s, {@code 0} never; see {@link ReloadingKeySelector}): a rotated key is used
 * without restarting James, and a broken new file leaves the keys in use with one WARN line naming the problem.
 */
public final class KeySourceParameters {

    public static final Set<String> NAMES = Set.of("domain", "selector", "privateKey", "privateKeyFile", "keys",
            "keyTable", "signingTable", "multipleSignatures", "keyReloadInterval");
    /** How often, at most, the key files are looked at by default. */
    public static final int DEFAULT_RELOAD_SECONDS = 60;

    private static final Logger LOG = LoggerFactory.getLogger(KeySourceParameters.class);

    /** Checks one configured key at start-up (e.g. that it can sign with the configured options). */
    @FunctionalInterface
    public interface KeyCheck {
        void check(KeySelection key) throws MessagingException;
    }

    private final MailetParameters p;

    public KeySourceParameters(MailetParameters p) {
        this.p = p;
    }

    public boolean isSingleKey() {
        return p.string("privateKey").isPresent() || p.string("privateKeyFile").isPresent();
    }

    public boolean isTables() {
        return p.string("keyTable").isPresent() || p.string("signingTable").isPresent();
    }

    /**
     * @param identity the i= for fixed keys, or null
     * @param anyAuthor fixed keys sign mail of every author domain, not only their own d= and its subdomains
     * @param check run on every fixed key, at start-up and at each reload
     * @param clock when to look at the key files again
     */
    public SigningKeySelector selector(String identity, boolean anyAuthor, KeyCheck check, Clock clock)
            throws MessagingException {
        boolean list = p.string("keys").isPresent();
        if ((isSingleKey() ? 1 : 0) + (list ? 1 : 0) + (isTables() ? 1 : 0) != 1) {
            throw p.error("configure exactly one key source: privateKey/privateKeyFile (with domain and selector),"
                    + " keys, or keyTable with signingTable");
        }
        Optional<Duration> interval = reloadInterval();
        if (interval.isEmpty()) {
            return load(identity, anyAuthor, check).selector();
        }
        try {
            return new ReloadingKeySelector(() -> load(identity, anyAuthor, check), clock, interval.get(),
                    problem -> LOG.warn("{} (keys not reloaded: the keys loaded before stay in use)", problem),
                    change -> LOG.info("{}: {}", p.owner(), change));
        } catch (MessagingException e) {
            throw e;
        } catch (Exception e) {
            throw p.error(String.valueOf(e.getMessage()));
        }
    }

    /** {@code keyReloadInterval}: empty for never ({@code 0}) and for an inline key, which has no file. */
    private Optional<Duration> reloadInterval() throws MessagingException {
        Optional<String> value = p.string("keyReloadInterval");
        if (p.string("privateKey").isPresent()) {
            if (value.isPresent()) {
                throw p.error("keyReloadInterval", "applies to keys read from files, not to an inline privateKey");
            }
            return Optional.empty();
        }
        if (value.isPresent() && value.get().equals("0")) {
            return Optional.empty();
        }
        return Optional.of(p.duration("keyReloadInterval").orElse(Duration.ofSeconds(DEFAULT_RELOAD_SECONDS)));
    }

    /** Reads every key and the names of the files they came from. */
    private ReloadingKeySelector.Loaded load(String identity, boolean anyAuthor, KeyCheck check)
            throws MessagingException {
        if (isTables()) {
            return tables();
        }
        List<Path> files = new ArrayList<>();
        List<KeySelection> keys = isSingleKey() ? List.of(singleKey(identity, files)) : keyList(identity, files);
        for (KeySelection k : keys) {
            check.check(k);
        }
        return new ReloadingKeySelector.Loaded(new FixedKeySelector(keys, anyAuthor), files);
    }

    private KeySelection singleKey(String identity, List<Path> files) throws MessagingException {
        String domain = p.required("domain");
        String selector = p.required("selector");
        boolean inline = p.string("privateKey").isPresent();
        if (!inline) {
            files.add(Path.of(p.required("privateKeyFile")));
        }
        try {
            SigningKey key = inline ? SigningKeyReader.read(p.string("privateKey").get())
                    : SigningKeyReader.read(p.file("privateKeyFile").orElseThrow());
            return new KeySelection(domain, selector, key, identity);
        } catch (KeyFormatException e) {
            throw p.error(inline ? "privateKey" : "privateKeyFile", "is not usable: " + e.getMessage());
        }
    }

    private List<KeySelection> keyList(String identity, List<Path> files) throws MessagingException {
        List<KeySelection> out = new ArrayList<>();
        for (String entry : p.string("keys").get().split(",")) {
            String[] parts = entry.strip().split(":", 3);
            if (parts.length != 3) {
                throw p.error("keys", "entries must be domain:selector:keyfile, got '" + entry.strip() + "'");
            }
            Path file = Path.of(parts[2].strip());
            files.add(file);
            try {
                SigningKey key = SigningKeyReader.read(file);
                out.add(new KeySelection(parts[0].strip(), parts[1].strip(), key, identity));
            } catch (KeyFormatException e) {
                throw p.error("keys", "entry '" + entry.strip() + "': " + e.getMessage());
            }
        }
        return out;
    }

    private ReloadingKeySelector.Loaded tables() throws MessagingException {
        if (p.string("keyTable").isEmpty() || p.string("signingTable").isEmpty()) {
            throw p.error("keyTable and signingTable go together");
        }
        Path keyTableFile = Path.of(p.required("keyTable"));
        String signingTable = p.required("signingTable");
        try {
            KeyTable keys = KeyTable.read(keyTableFile);
            List<Path> files = new ArrayList<>(List.of(keyTableFile, SigningTable.fileOf(signingTable)));
            files.addAll(keys.keyFiles());
            SigningTable table = SigningTable.read(signingTable);
            try {
                return new ReloadingKeySelector.Loaded(new TableKeySelector(keys, table,
                        p.bool("multipleSignatures", false)), files);
            } catch (KeyTableException e) {
                throw p.error(SigningTable.fileOf(signingTable) + ": " + e.getMessage());
            }
        } catch (KeyTableException e) {
            throw p.error(e.getMessage());
        }
    }
}
