package dev.inkan.james.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** The authserv-id of this server's Authentication-Results (RFC 8601 §2.5): by default its host name. */
public final class AuthservIds {

    private AuthservIds() {
    }

    /** {@code authservId} when configured, else this host's canonical name, else "localhost". */
    public static String of(MailetParameters p) {
        return p.string("authservId").orElseGet(AuthservIds::hostName).toLowerCase(Locale.ROOT);
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
