package dev.inkan.keytable;

import java.util.List;
import java.util.Locale;

/**
 * One or more keys configured directly (e.g. RSA + Ed25519 for one domain). They sign mail whose author
 * domain is their d= or a subdomain of it; with {@code signForeignDomains} they sign all mail, as an
 * operator re-signing forwarded mail with its own domain does.
 */
public final class FixedKeySelector implements SigningKeySelector {

    private final List<KeySelection> keys;
    private final boolean signForeignDomains;

    public FixedKeySelector(List<KeySelection> keys, boolean signForeignDomains) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one key is needed");
        }
        this.keys = List.copyOf(keys);
        this.signForeignDomains = signForeignDomains;
    }

    @Override
    public List<KeySelection> choose(String authorAddress) {
        if (signForeignDomains) {
            return keys;
        }
        String domain = authorAddress.substring(authorAddress.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return keys.stream().filter(k -> {
            String d = k.domain().toLowerCase(Locale.ROOT);
            return domain.equals(d) || domain.endsWith("." + d);
        }).toList();
    }
}
