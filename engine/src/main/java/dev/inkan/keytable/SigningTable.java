package dev.inkan.keytable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * OpenDKIM's SigningTable: lines {@code pattern keyname [identity]} choosing the key(s) for an author
 * address. Written {@code refile:/path}, patterns are wildcards ({@code *@example.com}, {@code *}) matched
 * against the whole address, in file order. Written as a plain path, a line's key is an exact address or
 * domain; the address is looked up first, then its domain. Keys compare case-insensitively.
 */
public final class SigningTable {

    /** One line: which key signs mail from matching addresses, and the optional i= to use. */
    public record Rule(String pattern, String keyName, String identity, Pattern regex) {

        boolean matches(String address) {
            return regex.matcher(address).matches();
        }
    }

    public static final String REFILE = "refile:";

    private final List<Rule> rules;
    private final boolean wildcards;

    private SigningTable(List<Rule> rules, boolean wildcards) {
        this.rules = List.copyOf(rules);
        this.wildcards = wildcards;
    }

    /** Reads {@code refile:/path} (wildcard patterns) or {@code /path} (exact addresses and domains). */
    public static SigningTable read(String location) throws KeyTableException {
        boolean wildcards = location.startsWith(REFILE);
        Path file = fileOf(location);
        List<Rule> rules = new ArrayList<>();
        for (TableLines.Line line : TableLines.read(file)) {
            String[] value = line.value().split("\\s+");
            if (value.length > 2) {
                throw new KeyTableException(file + ", line " + line.number() + ": expected 'pattern keyname [identity]'");
            }
            String pattern = line.key().toLowerCase(Locale.ROOT);
            rules.add(new Rule(pattern, value[0], value.length == 2 ? value[1] : null, toRegex(pattern, wildcards)));
        }
        return new SigningTable(rules, wildcards);
    }

    /** The file a location names: {@code refile:/path} or {@code /path}. */
    public static Path fileOf(String location) {
        return Path.of(location.startsWith(REFILE) ? location.substring(REFILE.length()) : location);
    }

    /** The rules applying to {@code address}, best first (file order for wildcards; address, then domain, otherwise). */
    public List<Rule> match(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        List<Rule> out = new ArrayList<>();
        if (wildcards) {
            for (Rule r : rules) {
                if (r.matches(lower)) {
                    out.add(r);
                }
            }
            return out;
        }
        String domain = lower.substring(lower.lastIndexOf('@') + 1);
        for (String key : List.of(lower, domain)) {
            for (Rule r : rules) {
                if (r.pattern().equals(key)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    public List<Rule> rules() {
        return rules;
    }

    private static Pattern toRegex(String pattern, boolean wildcards) {
        if (!wildcards) {
            return Pattern.compile(Pattern.quote(pattern));
        }
        String[] pieces = pattern.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pieces.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(pieces[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
