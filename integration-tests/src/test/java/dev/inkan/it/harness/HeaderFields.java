package dev.inkan.it.harness;

import dev.inkan.authres.AuthResultsHeaders;
import dev.inkan.authres.AuthResultsParse;
import dev.inkan.authres.AuthResultsParser;
import dev.inkan.authres.AuthenticationResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The fields of a raw header block, for assertions: values unfolded, in order. */
public final class HeaderFields {

    private HeaderFields() {
    }

    /** The unfolded values of every field named {@code name} (case-insensitive), top first. */
    public static List<String> values(String headerBlock, String name) {
        List<String> out = new ArrayList<>();
        String wanted = name.toLowerCase(Locale.ROOT);
        for (String field : headerBlock.split("\r\n(?![ \t])")) {
            int colon = field.indexOf(':');
            if (colon > 0 && field.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                out.add(AuthResultsHeaders.unfold(field.substring(colon + 1)).strip());
            }
        }
        return out;
    }

    /** The name of every field, top first, as written. */
    public static List<String> names(String headerBlock) {
        List<String> out = new ArrayList<>();
        for (String field : headerBlock.split("\r\n(?![ \t])")) {
            int colon = field.indexOf(':');
            if (colon > 0) {
                out.add(field.substring(0, colon).strip());
            }
        }
        return out;
    }

    /** Every Authentication-Results field, parsed; a malformed one fails the test. */
    public static List<AuthenticationResults> authResults(String headerBlock) {
        List<AuthenticationResults> out = new ArrayList<>();
        for (String value : values(headerBlock, "Authentication-Results")) {
            AuthResultsParse<AuthenticationResults> parse = AuthResultsParser.parse(value);
            if (parse instanceof AuthResultsParse.Parsed<AuthenticationResults> parsed) {
                out.add(parsed.result());
            } else {
                throw new AssertionError("malformed Authentication-Results '" + value + "': " + parse);
            }
        }
        return out;
    }

    /** The Authentication-Results fields claiming {@code authservId}. */
    public static List<AuthenticationResults> authResults(String headerBlock, String authservId) {
        return authResults(headerBlock).stream().filter(a -> a.authservId().equalsIgnoreCase(authservId)).toList();
    }
}
