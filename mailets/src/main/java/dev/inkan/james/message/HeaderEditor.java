package dev.inkan.james.message;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

/**
 * Header edits that keep every other field byte-for-byte and in order: new fields go on top (where
 * DKIM-Signature and Authentication-Results belong), existing raw lines are kept or dropped, never
 * re-folded. JavaMail's addHeader would instead append, or put some names first.
 */
public final class HeaderEditor {

    private HeaderEditor() {
    }

    /**
     * @param prepend complete fields ("Name: value", folding kept; a final CRLF is removed), top first
     * @param keep which existing raw header lines to keep
     */
    public static void rewrite(MimeMessage message, List<String> prepend, Predicate<String> keep)
            throws MessagingException {
        rewrite(message, Collections.list(message.getAllHeaderLines()), prepend, keep);
    }

    /** As {@link #rewrite(MimeMessage, List, Predicate)}, given the message's header {@code lines} just read. */
    public static void rewrite(MimeMessage message, List<String> lines, List<String> prepend, Predicate<String> keep)
            throws MessagingException {
        // each name once (removeHeader takes every field of that name), read from the lines as JavaMail reads it
        Set<String> names = new HashSet<>();
        for (String line : lines) {
            String name = javaMailName(line);
            if (names.add(name)) {
                message.removeHeader(name);
            }
        }
        for (String field : prepend) {
            message.addHeaderLine(field.endsWith("\r\n") ? field.substring(0, field.length() - 2) : field);
        }
        for (String line : lines) {
            if (keep.test(line)) {
                message.addHeaderLine(line);
            }
        }
    }

    /**
     * The field name of a raw header line exactly as JavaMail reads it ({@code String.trim}), which is how its
     * {@code removeHeader} and {@code setHeader} find the fields they change.
     */
    public static String javaMailName(String line) {
        int colon = line.indexOf(':');
        return (colon < 0 ? line : line.substring(0, colon)).trim();
    }

    /** The field name of a raw header line (text before the colon), trimmed. */
    public static String nameOf(String line) {
        int colon = line.indexOf(':');
        return (colon < 0 ? line : line.substring(0, colon)).strip();
    }

    /** The value of a raw header line (text after the colon), folding kept. */
    public static String valueOf(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(colon + 1);
    }
}
