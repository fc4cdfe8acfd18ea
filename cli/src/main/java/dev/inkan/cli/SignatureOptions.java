package dev.inkan.cli;

import dev.inkan.crypto.KeyFormatException;
import dev.inkan.crypto.SignatureAlgorithm;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyReader;
import dev.inkan.dkim.DkimSigningSpec;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * One signature to make: picocli fills one instance per {@code --domain ... --selector ... --key ...}
 * group on the command line, so repeating the group signs with several keys in one pass.
 */
final class SignatureOptions {

    @Option(names = "--domain", required = true, paramLabel = "DOMAIN", order = 1,
            description = "Signing domain (d=). Starts a new signature when repeated.")
    String domain;

    @Option(names = "--selector", required = true, paramLabel = "SELECTOR", order = 2,
            description = "Selector (s=) of the published key.")
    String selector;

    @Option(names = "--key", required = true, paramLabel = "FILE", order = 3,
            description = "Private key: PEM (PKCS#1 or PKCS#8; RSA or Ed25519) or a base64 Ed25519 seed.")
    Path key;

    @Option(names = "--algorithm", paramLabel = "ALG", order = 4,
            converter = OptionConverters.Algorithms.class, completionCandidates = OptionConverters.Algorithms.class,
            description = "${COMPLETION-CANDIDATES} (default: from the key type).")
    SignatureAlgorithm algorithm;

    @Option(names = "--identity", paramLabel = "ID", order = 5,
            description = "Agent or user identifier (i=), e.g. @mail.DOMAIN or user@DOMAIN.")
    String identity;

    /** A builder for this signature with its key read and its own options applied. */
    DkimSigningSpec.Builder builder() throws InputException {
        SigningKey signingKey;
        try {
            signingKey = SigningKeyReader.read(key);
        } catch (KeyFormatException e) {
            throw new InputException(e.getMessage());
        }
        String where = "signature d=" + domain + " s=" + selector + ": ";
        try {
            DkimSigningSpec.Builder builder = DkimSigningSpec.builder(signingKey, domain, selector).identity(identity);
            if (algorithm != null) {
                builder.algorithm(algorithm);
            }
            return builder;
        } catch (IllegalArgumentException e) {
            throw new InputException(where + e.getMessage());
        }
    }
}
