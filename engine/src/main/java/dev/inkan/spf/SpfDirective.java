package dev.inkan.spf;

import java.util.Objects;

/**
 * One directive of a record (RFC 7208 §4.6.1): a qualifier and a mechanism.
 *
 * @param qualifier the qualifier, {@link SpfQualifier#PASS} when none was written
 * @param mechanism the parsed mechanism
 * @param text the term as written in the record, e.g. "-ip4:192.0.2.0/24" (the Received-SPF mechanism)
 */
public record SpfDirective(SpfQualifier qualifier, SpfMechanism mechanism, String text) {

    public SpfDirective {
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(text, "text");
    }
}
