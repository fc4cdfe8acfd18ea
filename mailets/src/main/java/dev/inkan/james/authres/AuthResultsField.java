package dev.inkan.james.authres;

import dev.inkan.authres.AuthResultsFormatter;
import dev.inkan.authres.AuthResultsHeaders;
import dev.inkan.authres.AuthResultsParser;
import dev.inkan.authres.AuthenticationResults;
import dev.inkan.authres.ResultInfo;
import dev.inkan.james.message.HeaderEditor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

/**
 * The message's one Authentication-Results field for our authserv-id, which each Inkan mailet extends.
 * The first Inkan mailet to touch a mail removes every field claiming our authserv-id (RFC 8601 §5: they
 * came from outside and are forged or stale) and records that in the mail attribute
 * {@value #CLEANED_NAME}; later ones merge their results into the field already there.
 */
public final class AuthResultsField {

    public static final String CLEANED_NAME = "dev.inkan.authres.authservId";
    private static final AttributeName CLEANED = AttributeName.of(CLEANED_NAME);

    /**
     * The field this thread wrote last: its header line and the results it was formatted from. James runs a mail
     * through a processor's mailets on one thread, so the next Inkan mailet finds its field here and does not parse
     * it again (a fifth of what recording a result cost). Exact: the results a field was formatted from format to
     * the same text as those parsed back from it (AuthResultsFormatterTest), and formatting is all they are used
     * for; a line that differs in any character is parsed.
     */
    private static final ThreadLocal<Written> LAST_WRITTEN = new ThreadLocal<>();

    private record Written(String line, AuthenticationResults results) {
    }

    private AuthResultsField() {
    }

    /**
     * Adds {@code results} to the message's field for {@code authservId}, creating it on top if needed; entries of
     * the same methods already in our field are replaced.
     */
    public static void add(Mail mail, String authservId, List<ResultInfo> results) throws MessagingException {
        add(mail, authservId, results, List.of());
    }

    /**
     * As {@link #add(Mail, String, List)}, with {@code alsoOnTop} (complete fields, e.g. Received-SPF) put right
     * below our field in the same rewrite of the header.
     */
    public static void add(Mail mail, String authservId, List<ResultInfo> results, List<String> alsoOnTop)
            throws MessagingException {
        MimeMessage message = mail.getMessage();
        List<String> lines = Collections.list(message.getAllHeaderLines());
        boolean cleaned = mail.getAttribute(CLEANED).map(a -> a.getValue().value())
                .map(v -> authservId.equalsIgnoreCase(String.valueOf(v))).orElse(false);
        List<ResultInfo> all = new ArrayList<>();
        if (cleaned) {
            // a method recorded again (a mailet after an SMTP hook that checked the same) replaces its entries
            Optional<AuthenticationResults> existing = ours(lines, authservId);
            if (existing.isPresent()) {
                for (ResultInfo kept : existing.get().results()) {
                    if (!recordsMethod(results, kept.method())) {
                        all.add(kept);
                    }
                }
            }
        }
        all.addAll(results);
        AuthenticationResults written = AuthenticationResults.of(authservId, all);
        String field = AuthResultsFormatter.header(written);
        String line = field.substring(0, field.length() - 2);
        if (alsoOnTop.isEmpty() && soleFieldOnTopIsOurs(lines, authservId)) {
            // our field, already on top, is the message's only Authentication-Results: replaced where it stands,
            // which is what the rewrite below would leave, without taking every other field out and back in
            String name = AuthResultsFormatter.FIELD_NAME;
            message.setHeader(name, line.substring(name.length() + 2));
        } else {
            List<String> top = new ArrayList<>(1 + alsoOnTop.size());
            top.add(field);
            top.addAll(alsoOnTop);
            HeaderEditor.rewrite(message, lines, top, existing -> !claims(existing, authservId));
        }
        mail.setAttribute(new Attribute(CLEANED, AttributeValue.of(authservId.toLowerCase(Locale.ROOT))));
        LAST_WRITTEN.set(new Written(line, written));
    }

    private static boolean recordsMethod(List<ResultInfo> results, String method) {
        for (ResultInfo result : results) {
            if (result.method().equalsIgnoreCase(method)) {
                return true;
            }
        }
        return false;
    }

    /** The parsed field for {@code authservId} currently on the message, if any. */
    public static Optional<AuthenticationResults> ours(MimeMessage message, String authservId)
            throws MessagingException {
        return ours(Collections.list(message.getAllHeaderLines()), authservId);
    }

    private static Optional<AuthenticationResults> ours(List<String> lines, String authservId) {
        for (String line : lines) {
            if (claims(line, authservId)) {
                Written last = LAST_WRITTEN.get();
                if (last != null && last.line().equals(line)) {
                    return Optional.of(last.results());
                }
                return AuthResultsParser.parse(AuthResultsHeaders.unfold(HeaderEditor.valueOf(line))).value();
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the first header line claims {@code authservId} and no other line is an Authentication-Results field
     * (names read as JavaMail reads them, which is how {@code setHeader} finds the fields it replaces).
     */
    private static boolean soleFieldOnTopIsOurs(List<String> lines, String authservId) {
        if (lines.isEmpty() || !claims(lines.get(0), authservId)) {
            return false;
        }
        for (int i = 1; i < lines.size(); i++) {
            if (HeaderEditor.javaMailName(lines.get(i)).equalsIgnoreCase(AuthResultsFormatter.FIELD_NAME)) {
                return false;
            }
        }
        return true;
    }

    private static boolean claims(String line, String authservId) {
        int start = 0;
        while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        String name = AuthResultsFormatter.FIELD_NAME;
        if (!line.regionMatches(true, start, name, 0, name.length())) {
            return false; // most lines: not one to cut out and parse
        }
        return AuthResultsHeaders.isAuthenticationResults(HeaderEditor.nameOf(line))
                && AuthResultsHeaders.claimsAuthservId(HeaderEditor.valueOf(line), authservId);
    }
}
