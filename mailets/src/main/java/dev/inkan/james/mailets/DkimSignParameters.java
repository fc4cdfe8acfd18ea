package dev.inkan.james.mailets;

import dev.inkan.crypto.KeyFormatException;
import dev.inkan.crypto.SignatureAlgorithm;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyReader;
import dev.inkan.dkim.DkimSigningOptions;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.keytable.FixedKeySelector;
import dev.inkan.keytable.KeySelection;
import dev.inkan.keytable.KeyTable;
import dev.inkan.keytable.KeyTableException;
import dev.inkan.keytable.SigningKeySelector;
import dev.inkan.keytable.SigningTable;
import dev.inkan.keytable.TableKeySelector;
import dev.inkan.message.Canonicalization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.mail.MessagingException;

/** DkimSign's init parameters, validated at start-up with one clear message per problem. */
final class DkimSignParameters {

    static final Set<String> NAMES = Set.of("domain", "selector", "privateKey", "privateKeyFile", "algorithm",
            "keys", "keyTable", "signingTable", "multipleSignatures", "headers", "oversignHeaders",
            "canonicalization", "expiration", "identity", "bodyLength", "signForeignDomains", "convertTo7Bit");

    private final MailetParameters p;

    DkimSignParameters(Function<String, String> lookup) {
        this.p = new MailetParameters("DkimSign", lookup);
    }

    boolean convertTo7Bit() throws MessagingException {
        return p.bool("convertTo7Bit", true);
    }

    /** Exactly one key source: a single key, a "keys" list, or keyTable + signingTable. */
    SigningKeySelector keySelector() throws MessagingException {
        boolean single = p.string("privateKey").isPresent() || p.string("privateKeyFile").isPresent();
        boolean list = p.string("keys").isPresent();
        boolean tables = p.string("keyTable").isPresent() || p.string("signingTable").isPresent();
        if ((single ? 1 : 0) + (list ? 1 : 0) + (tables ? 1 : 0) != 1) {
            throw p.error("configure exactly one key source: privateKey/privateKeyFile (with domain and selector),"
                    + " keys, or keyTable with signingTable");
        }
        if (!single && p.string("algorithm").isPresent()) {
            throw p.error("algorithm", "applies to a single key (privateKey/privateKeyFile); with keys or tables"
                    + " each key's type decides (rsa-sha256 or ed25519-sha256)");
        }
        if (tables) {
            if (p.string("signForeignDomains").isPresent() || p.string("identity").isPresent()) {
                throw p.error("signForeignDomains and identity apply to privateKey/keys; with a signing table use a"
                        + " '*' line for foreign mail and the table's identity column");
            }
            return tableSelector();
        }
        List<KeySelection> keys = single ? List.of(singleKey()) : keyList();
        return new FixedKeySelector(keys, p.bool("signForeignDomains", false));
    }

    private KeySelection singleKey() throws MessagingException {
        String domain = p.required("domain");
        String selector = p.required("selector");
        SigningKey key;
        try {
            key = p.string("privateKey").isPresent() ? SigningKeyReader.read(p.string("privateKey").get())
                    : SigningKeyReader.read(p.file("privateKeyFile").orElseThrow());
        } catch (KeyFormatException e) {
            throw p.error("privateKey", "is not usable: " + e.getMessage());
        }
        KeySelection selection = new KeySelection(domain, selector, key, p.string("identity").orElse(null));
        check(selection);
        return selection;
    }

    /** "keys": comma-separated domain:selector:keyfile entries (the KeyTable value syntax). */
    private List<KeySelection> keyList() throws MessagingException {
        List<KeySelection> out = new ArrayList<>();
        for (String entry : p.string("keys").get().split(",")) {
            String[] parts = entry.strip().split(":", 3);
            if (parts.length != 3) {
                throw p.error("keys", "entries must be domain:selector:keyfile, got '" + entry.strip() + "'");
            }
            try {
                SigningKey key = SigningKeyReader.read(Path.of(parts[2].strip()));
                out.add(new KeySelection(parts[0].strip(), parts[1].strip(), key, p.string("identity").orElse(null)));
            } catch (KeyFormatException e) {
                throw p.error("keys", "entry '" + entry.strip() + "': " + e.getMessage());
            }
            check(out.get(out.size() - 1));
        }
        return out;
    }

    private SigningKeySelector tableSelector() throws MessagingException {
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

    /** The a= of a single configured key, or null when the key type decides. */
    SignatureAlgorithm algorithm() throws MessagingException {
        if (p.string("algorithm").isEmpty()) {
            return null;
        }
        SignatureAlgorithm algorithm = SignatureAlgorithm.fromTagName(p.string("algorithm").get());
        if (algorithm == null) {
            throw p.error("algorithm", "must be rsa-sha256 or ed25519-sha256");
        }
        return algorithm;
    }

    /** Builds a spec once at start-up, so that a key/algorithm/identity mismatch fails now, not per mail. */
    private void check(KeySelection k) throws MessagingException {
        try {
            options().specFor(k.key(), k.domain(), k.selector(), algorithm(), k.identity());
        } catch (IllegalArgumentException e) {
            throw p.error("key d=" + k.domain() + " s=" + k.selector() + " cannot sign: " + e.getMessage());
        }
    }

    DkimSigningOptions options() throws MessagingException {
        Canonicalization[] c = canonicalization(p.string("canonicalization").orElse("relaxed/relaxed"));
        List<String> headers = p.list("headers");
        Set<String> oversign = Set.of("from");
        if (p.string("oversignHeaders").isPresent()) {
            boolean none = "none".equalsIgnoreCase(p.string("oversignHeaders").get());
            oversign = none ? Set.of() : new HashSet<>(p.list("oversignHeaders"));
        }
        return new DkimSigningOptions(c[0], c[1], headers.isEmpty() ? null : headers, oversign,
                p.duration("expiration").orElse(null), p.bool("bodyLength", false), true);
    }

    private Canonicalization[] canonicalization(String value) throws MessagingException {
        String[] parts = value.split("/", -1);
        Canonicalization header = Canonicalization.fromTagName(parts[0].strip());
        Canonicalization body = parts.length == 2 ? Canonicalization.fromTagName(parts[1].strip()) : Canonicalization.SIMPLE;
        if (parts.length > 2 || header == null || body == null) {
            throw p.error("canonicalization", "must be header/body with simple or relaxed, e.g. relaxed/relaxed; got '"
                    + value + "'");
        }
        return new Canonicalization[] {header, body};
    }
}
