package dev.inkan.it.harness;

import java.util.List;

/**
 * A James 3.8.1 server under test, as the example tests drive it: its SMTP and IMAP ports, domains, users and
 * address mappings, and its mail repositories. Either in the test JVM ({@link RunningJames}, provisioned through
 * James's Guice probes) or a separate process started as operators start James ({@link JamesProcess},
 * provisioned through WebAdmin); {@link JamesHost} picks one for a test class.
 */
public interface James extends AutoCloseable {

    int smtpPort();

    int imapPort();

    /** Adds {@code domain} unless James already has it. */
    James domain(String domain) throws Exception;

    /** A local mailbox user (its domain is added if needed); the password is {@link Mailboxes#PASSWORD}. */
    James user(String address) throws Exception;

    /**
     * An address mapping of James's RecipientRewriteTable, {@code localPart@domain} to {@code target}
     * ({@code james-cli AddAddressMapping localPart domain target}).
     */
    James addressMapping(String localPart, String domain, String target) throws Exception;

    /**
     * The messages (exact bytes as James would write them) of the mail repository {@code url}, e.g.
     * {@code memory://var/mail/error/}; empty when the repository does not exist (yet).
     */
    List<byte[]> repository(String url) throws Exception;

    @Override
    void close();
}
