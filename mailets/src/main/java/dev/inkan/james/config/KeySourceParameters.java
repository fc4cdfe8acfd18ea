package dev.inkan.james.config;

import dev.inkan.crypto.KeyFormatException;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyReader;
import dev.inkan.keytable.FixedKeySelector;
import dev.inkan.keytable.KeySelection;
import dev.inkan.keytable.KeyTable;
import dev.inkan.keytable.KeyTableException;
import dev.inkan.keytable.SigningKeySelector;
import dev.inkan.keytable.SigningTable;
import dev.inkan.keytable.TableKeySelector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.mail.MessagingException;

/**
 * The signing-key parameters DkimSign and ArcSeal share. Exactly one source: a single key
 * ({@code domain}, {@code selector}, {@code privateKeyFile} or inline {@code privateKey}), a list
 * ({@code keys = domain:selector:/path, ...}, the KeyTable value syntax), or OpenDKIM's {@code keyTable}
 * with {@code signingTable} ({@code refile:} for wildcards) and {@code multipleSignatures}. Every key is
 * read at start-up, so a bad key stops James with one line instead of failing on the first mail.
 */
public final class KeySourceParameters {

    public static final Set<String> NAMES = Set.of("domain", "selector", "privateKey", "privateKeyFile", "keys",
            "keyTable", "signingTable", "multipleSignatures");

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
     */
    public SigningKeySelector selector(String identity, boolean anyAuthor, KeyCheck check) throws MessagingException {
        boolean list = p.string("keys").isPresent();
        if ((isSingleKey() ? 1 : 0) + (list ? 1 : 0) + (isTables() ? 1 : 0) != 1) {
            throw p.error("configure exactly one key source: privateKey/privateKeyFile (with domain and selector),"
                    + " keys, or keyTable with signingTable");
        }
        if (isTables()) {
            return tables();
        }
        List<KeySelection> keys = isSingleKey() ? List.of(singleKey(identity)) : keyList(identity);
        for (KeySelection k : keys) {
            check.check(k);
        }
        return new FixedKeySelector(keys, anyAuthor);
    }

    private KeySelection singleKey(String identity) throws MessagingException {
        String domain = p.required("domain");
        String selector = p.required("selector");
        boolean inline = p.string("privateKey").isPresent();
        try {
            SigningKey key = inline ? SigningKeyReader.read(p.string("privateKey").get())
                    : SigningKeyReader.read(p.file("privateKeyFile").orElseThrow());
            return new KeySelection(domain, selector, key, identity);
        } catch (KeyFormatException e) {
            throw p.error(inline ? "privateKey" : "privateKeyFile", "is not usable: " + e.getMessage());
        }
    }

    private List<KeySelection> keyList(String identity) throws MessagingException {
        List<KeySelection> out = new ArrayList<>();
        for (String entry : p.string("keys").get().split(",")) {
            String[] parts = entry.strip().split(":", 3);
            if (parts.length != 3) {
                throw p.error("keys", "entries must be domain:selector:keyfile, got '" + entry.strip() + "'");
            }
            try {
                SigningKey key = SigningKeyReader.read(Path.of(parts[2].strip()));
                out.add(new KeySelection(parts[0].strip(), parts[1].strip(), key, identity));
            } catch (KeyFormatException e) {
                throw p.error("keys", "entry '" + entry.strip() + "': " + e.getMessage());
            }
        }
        return out;
    }

    private SigningKeySelector tables() throws MessagingException {
        if (p.string("keyTable").isEmpty() || p.string("signingTable").isEmpty()) {
            throw p.error("keyTable and signingTable go together");
        }
        try {
            return new TableKeySelector(KeyTable.read(Path.of(p.required("keyTable"))),
                    SigningTable.read(p.required("signingTable")), p.bool("multipleSignatures", false));
        } catch (KeyTableException e) {
            throw p.error(e.getMessage());
        }
    }
}
