package dev.inkan.james.authres;

import dev.inkan.authres.AuthResultsFormatter;
import dev.inkan.authres.AuthResultsHeaders;
import dev.inkan.authres.AuthResultsParser;
import dev.inkan.authres.AuthenticationResults;
import dev.inkan.authres.ResultInfo;
import dev.inkan.james.message.HeaderEditor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
     * The field this thread wrote last: its unfolded value and the results it was formatted from. James runs a mail
     * through a processor's mailets on one thread, so the next Inkan mailet finds its field here and does not parse
     * it again (a fifth of what recording a result cost). Exact: the results a field was formatted from format to
     * the same text as those parsed back from it (AuthResultsFormatterTest), and formatting is all they are used
     * for; a field that differs in any character is parsed.
     */
    private static final ThreadLocal<Written> LAST_WRITTEN = new ThreadLocal<>();

    private record Written(String value, AuthenticationResults results) {
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
        boolean cleaned = mail.getAttribute(CLEANED).map(a -> a.getValue().value())
                .map(v -> authservId.equalsIgnoreCase(String.valueOf(v))).orElse(false);
        List<ResultInfo> all = new ArrayList<>();
        if (cleaned) {
            // a method recorded again (a mailet after an SMTP hook that checked the same) replaces its entries
            Set<String> methods = new HashSet<>();
            results.forEach(r -> methods.add(r.method().toLowerCase(Locale.ROOT)));
            ours(message, authservId).ifPresent(existing -> existing.results().stream()
                    .filter(r -> !methods.contains(r.method().toLowerCase(Locale.ROOT))).forEach(all::add));
        }
        all.addAll(results);
        AuthenticationResults written = AuthenticationResults.of(authservId, all);
        String field = AuthResultsFormatter.header(written);
        List<String> top = new ArrayList<>(1 + alsoOnTop.size());
        top.add(field);
        top.addAll(alsoOnTop);
        HeaderEditor.rewrite(message, top, line -> !claims(line, authservId));
        mail.setAttribute(new Attribute(CLEANED, AttributeValue.of(authservId.toLowerCase(Locale.ROOT))));
        LAST_WRITTEN.set(new Written(unfoldedValue(field.substring(0, field.length() - 2)), written));
    }

    /** The parsed field for {@code authservId} currently on the message, if any. */
    public static Optional<AuthenticationResults> ours(MimeMessage message, String authservId) throws MessagingException {
        for (String line : Collections.list(message.getAllHeaderLines())) {
            if (claims(line, authservId)) {
                String value = unfoldedValue(line);
                Written last = LAST_WRITTEN.get();
                if (last != null && last.value().equals(value)) {
                    return Optional.of(last.results());
                }
                return AuthResultsParser.parse(value).value();
            }
        }
        return Optional.empty();
    }

    private static String unfoldedValue(String line) {
        return AuthResultsHeaders.unfold(HeaderEditor.valueOf(line));
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
