package dev.inkan.dns;

import java.io.IOException;

/**
 * A zone file that does not parse as an RFC 1035 §5 master file. The message is one line meant for the
 * operator who wrote the file: where ({@code "zone file keys.zone, line 7"}) and what dnsjava objected to.
 */
public class ZoneFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public ZoneFileException(String message) {
        super(message);
    }
}
