package dev.inkan.arc;

import dev.inkan.authres.AuthResultsFormatter;
import dev.inkan.authres.AuthenticationResults;
import dev.inkan.authres.ResultInfo;
import java.util.List;

/**
 * Writes an ARC-Authentication-Results field (RFC 8617 §4.1.1): {@code i=N;} then the authres-payload written
 * by the one Authentication-Results formatter. When the field is longer than a line, each resinfo starts a new
 * line and long ones are folded; folding only ever inserts a line break before an existing space, so unfolding
 * (RFC 5322 §2.2.3) gives back exactly the one-line value.
 */
final class ArcResultsWriter {

    private static final int MAX_LINE = 78;

    private ArcResultsWriter() {
    }

    /** The field, CRLF-terminated. */
    static String field(int instance, String authservId, List<ResultInfo> results) {
        String value = "i=" + instance + "; " + AuthResultsFormatter.value(AuthenticationResults.of(authservId, results));
        String oneLine = ArcFieldParser.AUTHENTICATION_RESULTS + ": " + value;
        if (oneLine.length() <= MAX_LINE) {
            return oneLine + "\r\n";
        }
        return fold(oneLine) + "\r\n";
    }

    /**
     * Breaks before the space after each ';' that ends a resinfo (the first line keeps {@code i=N;} and the
     * authserv-id), and before any space where the next word would pass column 78.
     */
    private static String fold(String text) {
        String[] words = text.split(" ", -1);
        StringBuilder out = new StringBuilder(text.length() + 32).append(words[0]);
        int column = words[0].length();
        for (int i = 1; i < words.length; i++) {
            String word = words[i];
            boolean resinfoStart = i >= 4 && words[i - 1].endsWith(";");
            if (resinfoStart || column + 1 + word.length() > MAX_LINE) {
                out.append("\r\n");
                column = 0;
            }
            out.append(' ').append(word);
            column += 1 + word.length();
        }
        return out.toString();
    }
}
