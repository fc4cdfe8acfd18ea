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
        String field = AuthResultsFormatter.header(AuthenticationResults.of(authservId, all));
        List<String> top = new ArrayList<>(1 + alsoOnTop.size());
        top.add(field);
        top.addAll(alsoOnTop);
        HeaderEditor.rewrite(message, top, line -> !claims(line, authservId));
        mail.setAttribute(new Attribute(CLEANED, AttributeValue.of(authservId.toLowerCase(Locale.ROOT))));
    }

    /** The parsed field for {@code authservId} currently on the message, if any. */
    public static Optional<AuthenticationResults> ours(MimeMessage message, String authservId) throws MessagingException {
        for (String line : Collections.list(message.getAllHeaderLines())) {
            if (claims(line, authservId)) {
                return AuthResultsParser.parse(AuthResultsHeaders.unfold(HeaderEditor.valueOf(line))).value();
            }
        }
        return Optional.empty();
    }

    private static boolean claims(String line, String authservId) {
        return AuthResultsHeaders.isAuthenticationResults(HeaderEditor.nameOf(line))
                && AuthResultsHeaders.claimsAuthservId(HeaderEditor.valueOf(line), authservId);
    }
}
