package dev.inkan.s25r;

import dev.inkan.net.IpLiteral;
import dev.inkan.net.IpNetwork;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An operator's allow or deny list of SMTP clients. Each entry is one of:
 * <ul>
 *   <li>an address or address block: {@code 192.0.2.7}, {@code 192.0.2.0/24}, {@code 2001:db8::/32};</li>
 *   <li>a regular expression between slashes, ignoring case as a Postfix {@code regexp:} table does:
 *       {@code /^mail[0-9]*\.example\.jp$/}. Like Postfix's {@code check_client_access} it is tried on the
 *       client's forward-confirmed name and on its address text ({@code /^192\.0\.2\.7$/});</li>
 *   <li>a domain: {@code example.jp} (or {@code .example.jp}) is that name and every name below it
 *       ({@code mx1.example.jp}), compared with the forward-confirmed name only.</li>
 * </ul>
 * In a parameter, entries are separated by commas or white space. In a file, one entry starts each line; the rest
 * of the line is ignored (so a Postfix {@code white_list} with lines like {@code /\.google\.com$/ OK} loads as it
 * is), and empty lines and lines starting with {@code #} are skipped. Immutable.
 */
public final class S25rList {

    private enum Kind { ADDRESS, REGEX, DOMAIN }

    private record Entry(Kind kind, String text, IpNetwork network, Pattern regex, String domain) {
    }

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");

    private final List<Entry> entries;

    private S25rList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static S25rList empty() {
        return new S25rList(List.of());
    }

    /**
     * The entries of {@code text}, separated by commas or white space.
     *
     * @throws IllegalArgumentException naming the first entry that is none of the three kinds
     */
    public static S25rList parse(String text) {
        List<Entry> entries = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ',' || Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int end = tokenEnd(text, i);
            entries.add(entry(text.substring(i, end)));
            i = end;
        }
        return new S25rList(entries);
    }

    /**
     * The entries of a file, one at the start of each line.
     *
     * @throws IllegalArgumentException naming the line of the first bad entry
     */
    public static S25rList read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                entries.add(entry(line.substring(0, tokenEnd(line, 0))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        return new S25rList(entries);
    }

    /** This list followed by {@code other}'s entries. */
    public S25rList and(S25rList other) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(other.entries);
        return new S25rList(all);
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Whether some entry says something about names (a regular expression or a domain). */
    boolean hasNameEntries() {
        return entries.stream().anyMatch(e -> e.kind != Kind.ADDRESS);
    }

    /** The first entry (as written) matching the client's address: a block holding it, or a regex on its text. */
    public Optional<String> matchAddress(InetAddress client) {
        String text = IpLiteral.format(client);
        for (Entry e : entries) {
            if (e.kind == Kind.ADDRESS && e.network.contains(client)
                    || e.kind == Kind.REGEX && e.regex.matcher(text).find()) {
                return Optional.of(e.text);
            }
        }
        return Optional.empty();
    }

    /** The first entry (as written) matching a forward-confirmed host name: a regex, or a domain at or above it. */
    public Optional<String> matchName(String hostName) {
        String name = hostName.toLowerCase(Locale.ROOT);
        for (Entry e : entries) {
            if (e.kind == Kind.REGEX && e.regex.matcher(name).find()
                    || e.kind == Kind.DOMAIN && (name.equals(e.domain) || name.endsWith("." + e.domain))) {
                return Optional.of(e.text);
            }
        }
        return Optional.empty();
    }

    /** Where the token starting at {@code start} ends: a {@code /regex/} runs to its closing unescaped slash. */
    private static int tokenEnd(String text, int start) {
        int i = start;
        if (text.charAt(start) == '/') {
            i++;
            while (i < text.length() && text.charAt(i) != '/') {
                i += text.charAt(i) == '\\' ? 2 : 1;
            }
            i = Math.min(i + 1, text.length());
        }
        while (i < text.length() && text.charAt(i) != ',' && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static Entry entry(String token) {
        Optional<IpNetwork> network = IpNetwork.parse(token);
        if (network.isPresent()) {
            return new Entry(Kind.ADDRESS, token, network.get(), null, null);
        }
        if (token.startsWith("/")) {
            if (token.length() <= 2 || !token.endsWith("/")) {
                throw new IllegalArgumentException("'" + token + "' is not a /regular expression/");
            }
            try {
                return new Entry(Kind.REGEX, token, null,
                        Pattern.compile(token.substring(1, token.length() - 1), Pattern.CASE_INSENSITIVE), null);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + token + "' is not a valid regular expression: "
                        + e.getDescription());
            }
        }
        String domain = (token.startsWith(".") ? token.substring(1) : token).toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (!DOMAIN.matcher(domain).matches() || domain.chars().allMatch(
                ch -> ch == '.' || Character.isDigit(ch))) {
            throw new IllegalArgumentException("'" + token + "' is neither an address block, a /regular expression/"
                    + " nor a domain");
        }
        return new Entry(Kind.DOMAIN, token, null, null, domain);
    }
}
