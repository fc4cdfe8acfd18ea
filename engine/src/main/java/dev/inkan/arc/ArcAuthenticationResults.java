package dev.inkan.arc;

import dev.inkan.authres.AuthenticationResults;
import dev.inkan.message.HeaderField;
import java.util.Optional;

/**
 * An ARC-Authentication-Results field (RFC 8617 §4.1.1): {@code i=N;} then an RFC 8601 authres-payload. A
 * payload that does not parse is kept with its error: the seal covers the field whatever it says, and RFC 8617
 * §5.2 judges only the set's structure and signatures.
 *
 * @param field the field as it appears in the message
 * @param instance the instance tag
 * @param payload the authres-payload text after {@code i=N;}, folding kept
 * @param results the parsed payload, or null when it is malformed
 * @param payloadError why the payload did not parse, or null
 */
public record ArcAuthenticationResults(HeaderField field, int instance, String payload, AuthenticationResults results,
        String payloadError) {

    /** The parsed results, when the payload follows RFC 8601. */
    public Optional<AuthenticationResults> parsed() {
        return Optional.ofNullable(results);
    }
}
