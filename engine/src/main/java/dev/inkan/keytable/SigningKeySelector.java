package dev.inkan.keytable;

import java.util.List;

/** Chooses the keys that sign a message, from its author address (the From mailbox). */
public interface SigningKeySelector {

    /** The signatures to make for mail from {@code authorAddress}; empty when this signer should not sign it. */
    List<KeySelection> choose(String authorAddress);
}
