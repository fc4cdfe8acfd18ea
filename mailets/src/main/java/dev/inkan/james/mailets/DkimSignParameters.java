package dev.inkan.james.mailets;

import dev.inkan.crypto.SignatureAlgorithm;
import dev.inkan.dkim.DkimSigningOptions;
import dev.inkan.james.config.KeySourceParameters;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.keytable.KeySelection;
import dev.inkan.keytable.SigningKeySelector;
import dev.inkan.message.Canonicalization;
import dev.inkan.message.DomainKeysCanonicalization;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.mail.MessagingException;

/** DkimSign's init parameters, validated at start-up with one clear message per problem. */
final class DkimSignParameters {

    static final Set<String> NAMES = names();

    private final MailetParameters p;

    private static Set<String> names() {
        Set<String> names = new HashSet<>(KeySourceParameters.NAMES);
        names.addAll(List.of("algorithm", "headers", "oversignHeaders", "canonicalization", "expiration", "identity",
                "bodyLength", "signForeignDomains", "convertTo7Bit", "removeOldSignatures", "domainKeys",
                "domainKeysCanonicalization", "domainKeysHeaders"));
        return Set.copyOf(names);
    }

    DkimSignParameters(Function<String, String> lookup) {
        this.p = new MailetParameters("DkimSign", lookup);
    }

    boolean convertTo7Bit() throws MessagingException {
        return p.bool("convertTo7Bit", true);
    }

    /**
     * OpenDKIM's RemoveOldSignatures: remove the DKIM-Signature fields a message arrived with when it is signed
     * (default false, as OpenDKIM's default "no": earlier signatures stay below the new one).
     */
    boolean removeOldSignatures() throws MessagingException {
        return p.bool("removeOldSignatures", false);
    }

    /**
     * The keys (see {@link KeySourceParameters}; read again when their files change); each fixed key is checked
     * against the signing options.
     */
    SigningKeySelector keySelector(Clock clock) throws MessagingException {
        KeySourceParameters keys = new KeySourceParameters(p);
        if (!keys.isSingleKey() && p.string("algorithm").isPresent()) {
            throw p.error("algorithm", "applies to a single key (privateKey/privateKeyFile); with keys or tables"
                    + " each key's type decides (rsa-sha256 or ed25519-sha256)");
        }
        if (keys.isTables() && (p.string("signForeignDomains").isPresent() || p.string("identity").isPresent())) {
            throw p.error("signForeignDomains and identity apply to privateKey/keys; with a signing table use a"
                    + " '*' line for foreign mail and the table's identity column");
        }
        return keys.selector(p.string("identity").orElse(null), p.bool("signForeignDomains", false), this::check, clock);
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

    /**
     * DKIMproxy-style DomainKeys signing (RFC 4870) beside DKIM, with the same RSA key: {@code domainKeys=true},
     * {@code domainKeysCanonicalization} nofws (default) or simple, {@code domainKeysHeaders} the fields to list in
     * h= (default: every field of the message but MIME-Version, see DkimSign). Empty when off.
     */
    Optional<DomainKeysOptions> domainKeys() throws MessagingException {
        boolean on = p.bool("domainKeys", false);
        if (!on) {
            for (String name : List.of("domainKeysCanonicalization", "domainKeysHeaders")) {
                if (p.string(name).isPresent()) {
                    throw p.error(name, "applies only with domainKeys=true");
                }
            }
            return Optional.empty();
        }
        String c = p.string("domainKeysCanonicalization").orElse("nofws");
        DomainKeysCanonicalization canonicalization = DomainKeysCanonicalization.fromTagName(c.strip());
        if (canonicalization == null) {
            throw p.error("domainKeysCanonicalization", "must be nofws or simple; got '" + c + "'");
        }
        List<String> headers = p.list("domainKeysHeaders");
        return Optional.of(new DomainKeysOptions(canonicalization, headers.isEmpty() ? null : headers));
    }

    /** How DkimSign adds a DomainKey-Signature. */
    record DomainKeysOptions(DomainKeysCanonicalization canonicalization, List<String> headers) {
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
