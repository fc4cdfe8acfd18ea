package dev.inkan.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This host's name: the default authserv-id (RFC 8601 §2.5) and SPF receiver (RFC 7208 §9.1). */
final class LocalHost {

    private LocalHost() {
    }

    static String name() {
        try {
            String name = InetAddress.getLocalHost().getCanonicalHostName();
            return name == null || name.isBlank() ? "localhost" : name;
        } catch (UnknownHostException | SecurityException e) {
            return "localhost";
        }
    }
}
