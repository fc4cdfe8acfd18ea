package dev.inkan.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This host's name: the default authserv-id (RFC 8601 §2.5) and SPF receiver (RFC 7208 §9.1). */
final class LocalHost {

    private LocalHost() {
    }

    /**
     * The name an option gave (validated: an authserv-id or receiver name is one header token, so a control
     * character such as CR or LF is a usage error), or this host's name when the option is absent.
     */
    static String nameOr(String given, String option) throws InputException {
        if (given == null) {
            return name();
        }
        if (given.isBlank() || given.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InputException(option + ": must be a non-empty name without control characters (CR, LF, ...)");
        }
        return given.strip();
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
