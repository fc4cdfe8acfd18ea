package dev.inkan.cli;

import dev.inkan.crypto.SignatureAlgorithm;
import dev.inkan.crypto.SigningKey;
import dev.inkan.dkim.DkimSigningSpec;
import picocli.CommandLine.Option;

/**
 * One DKIM signature to make: a key group ({@link KeyOptions}) with the DKIM-only a= and i=; repeating the group
 * signs with several keys in one pass.
 */
final class SignatureOptions extends KeyOptions {

    @Option(names = "--algorithm", paramLabel = "ALG", order = 4,
            converter = OptionConverters.Algorithms.class, completionCandidates = OptionConverters.Algorithms.class,
            description = "${COMPLETION-CANDIDATES} (default: from the key type).")
    SignatureAlgorithm algorithm;

    @Option(names = "--identity", paramLabel = "ID", order = 5,
            description = "Agent or user identifier (i=), e.g. @mail.DOMAIN or user@DOMAIN.")
    String identity;

    /** A builder for this signature with its key read and its own options applied. */
    DkimSigningSpec.Builder builder() throws InputException {
        SigningKey signingKey = signingKey();
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
