package dev.inkan.cli;

import java.nio.charset.StandardCharsets;

/** Test messages, as bytes, in both line-ending styles. */
final class Messages {

    static final String TEXT = "From: Alice <alice@example.com>\n"
            + "To: bob@example.org\n"
            + "Subject: lunch\n"
            + "Date: Tue, 14 Nov 2023 22:13:20 +0000\n"
            + "Message-ID: <lunch@example.com>\n"
            + "\n"
            + "Noon at the usual place?\n"
            + "\n"
            + "-- \n"
            + "Alice\n";

    private Messages() {
    }

    static byte[] lf() {
        return TEXT.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] crlf() {
        return TEXT.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A header block of 1001 fields: over the engine's limit of 1000. */
    static byte[] tooManyHeaderFields() {
        StringBuilder text = new StringBuilder("From: alice@example.com\r\n");
        for (int i = 0; i < 1000; i++) {
            text.append("X-Trace-").append(i).append(": hop\r\n");
        }
        return text.append("\r\nbody\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
