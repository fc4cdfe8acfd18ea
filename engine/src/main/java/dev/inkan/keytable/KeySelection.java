package dev.inkan.keytable;

import dev.inkan.crypto.SigningKey;

/**
 * One signature to make for a message: d=, s=, the key and the optional i=.
 *
 * @param identity the i= value, or null
 */
public record KeySelection(String domain, String selector, SigningKey key, String identity) {
}
