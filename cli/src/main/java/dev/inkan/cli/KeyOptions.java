package dev.inkan.cli;

import dev.inkan.crypto.KeyFormatException;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyReader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * One key to sign or seal with: picocli fills one instance per {@code --domain ... --selector ... --key ...}
 * group on the command line, so the group can be repeated.
 */
class KeyOptions {

    @Option(names = "--domain", required = true, paramLabel = "DOMAIN", order = 1,
            description = "Signing domain (d=). Starts a new group when repeated.")
    String domain;

    @Option(names = "--selector", required = true, paramLabel = "SELECTOR", order = 2,
            description = "Selector (s=) of the published key.")
    String selector;

    @Option(names = "--key", required = true, paramLabel = "FILE", order = 3,
            description = "Private key: PEM (PKCS#1 or PKCS#8; RSA or Ed25519) or a base64 Ed25519 seed.")
    Path key;

    /** The private key, read from {@link #key}. */
    SigningKey signingKey() throws InputException {
        return read(key);
    }

    /** The private key in {@code file}, as every command reads one; a bad file is an input error. */
    static SigningKey read(Path file) throws InputException {
        try {
            return SigningKeyReader.read(file);
        } catch (KeyFormatException e) {
            throw new InputException(e.getMessage());
        }
    }
}
