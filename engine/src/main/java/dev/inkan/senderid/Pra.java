package dev.inkan.senderid;

import java.util.Objects;

/**
 * A message's Purported Responsible Address (RFC 4407 §2): the one mailbox of the field it was taken from.
 *
 * @param header which field it came from
 * @param localPart the mailbox's local-part, unquoted
 * @param domain the mailbox's domain as written (RFC 4406 §4 step 2: "the domain part of the address")
 */
public record Pra(PraHeader header, String localPart, String domain) {

    public Pra {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(localPart, "localPart");
        Objects.requireNonNull(domain, "domain");
    }

    /** {@code local-part@domain}: the &lt;sender&gt; of check_host() (RFC 4406 §4.1 d). */
    public String address() {
        return localPart + "@" + domain;
    }
}
