package dev.inkan.it.harness;

import dev.inkan.authres.AuthResultsHeaders;
import dev.inkan.authres.AuthResultsParse;
import dev.inkan.authres.AuthResultsParser;
import dev.inkan.authres.AuthenticationResults;
import dev.inkan.tagvalue.SignatureTags;
import dev.inkan.tagvalue.Tag;
import dev.inkan.tagvalue.TagListParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /**
     * The tags of the one field named {@code name} (a DKIM-Signature, DomainKey-Signature), parsed; the values as
     * written, with folding white space removed.
     */
    public static Map<String, String> signatureTags(String headerBlock, String name) {
        List<String> fields = values(headerBlock, name);
        if (fields.size() != 1) {
            throw new AssertionError("expected one " + name + " field, found " + fields.size() + " in\n" + headerBlock);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Tag tag : TagListParser.parse(fields.get(0)).list().tags()) {
            out.put(tag.name(), SignatureTags.withoutFws(tag.value()));
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

    /** The ARC-Authentication-Results of instance {@code i}, parsed as the Authentication-Results it carries. */
    public static AuthenticationResults arcAuthenticationResults(String headerBlock, int i) {
        String prefix = "i=" + i + ";";
        List<String> aar = values(headerBlock, "ARC-Authentication-Results").stream()
                .filter(v -> v.startsWith(prefix)).toList();
        if (aar.size() != 1) {
            throw new AssertionError(aar.size() + " ARC-Authentication-Results with i=" + i + " in\n" + headerBlock);
        }
        AuthResultsParse<AuthenticationResults> parse = AuthResultsParser.parse(aar.get(0).substring(prefix.length()));
        if (parse instanceof AuthResultsParse.Parsed<AuthenticationResults> parsed) {
            return parsed.result();
        }
        throw new AssertionError("malformed ARC-Authentication-Results '" + aar.get(0) + "': " + parse);
    }

    /** The Authentication-Results fields claiming {@code authservId}. */
    public static List<AuthenticationResults> authResults(String headerBlock, String authservId) {
        return authResults(headerBlock).stream().filter(a -> a.authservId().equalsIgnoreCase(authservId)).toList();
    }
}
