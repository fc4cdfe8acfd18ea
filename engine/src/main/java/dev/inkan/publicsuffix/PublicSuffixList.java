package dev.inkan.publicsuffix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Public Suffix List (<a href="https://publicsuffix.org/list/">publicsuffix.org</a> format) and its
 * algorithm: the public suffix of a domain and the registrable domain one label below it. RFC 7489 §3.2
 * uses the registrable domain as the Organizational Domain of DMARC.
 *
 * <p>Format read: one rule per line, read up to the first white space; lines starting with {@code //}
 * and blank lines are ignored; a rule is a domain, a wildcard {@code *.domain}, or an exception
 * {@code !domain}. Both sections (ICANN and PRIVATE) are used, as the official test vectors do.
 *
 * <p>Algorithm: the default rule is {@code *} (an unlisted top-level domain is a public suffix of one
 * label); of the rules that match, an exception prevails (the public suffix is the exception without its
 * leftmost label), else the rule with the most labels. Labels compare after lower-casing and conversion of
 * U-labels to A-labels (RFC 5890), so a rule written in Unicode matches its Punycode form and the other way
 * round; answers keep the input's own form, lower-cased.
 *
 * <p>Immutable and thread-safe. {@link #bundled()} is the snapshot shipped in the jar (see PROVENANCE.txt
 * beside it); operators replace it with {@link #load(Path)}.
 */
public final class PublicSuffixList {

    /** The bundled list's resource name, beside this class. */
    public static final String BUNDLED_RESOURCE = "public_suffix_list.dat";

    private final Set<String> rules;
    private final Set<String> wildcards;
    private final Set<String> exceptions;
    private final String source;

    private PublicSuffixList(Set<String> rules, Set<String> wildcards, Set<String> exceptions, String source) {
        this.rules = Set.copyOf(rules);
        this.wildcards = Set.copyOf(wildcards);
        this.exceptions = Set.copyOf(exceptions);
        this.source = source;
    }

    /** The list bundled in the jar: Debian's {@code publicsuffix} 20230209 snapshot (see PROVENANCE.txt). */
    public static PublicSuffixList bundled() {
        return Bundled.LIST;
    }

    /**
     * Reads a list file (UTF-8).
     *
     * @throws IOException the file cannot be read
     * @throws IllegalArgumentException the file holds a malformed rule (the line is named) or no rule, or is not
     *     UTF-8 text
     */
    public static PublicSuffixList load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is not UTF-8 text (a Public Suffix List is a UTF-8 text file)");
        }
    }

    /** Parses list text; {@code source} names it in messages. */
    public static PublicSuffixList parse(String text, String source) {
        try {
            return parse(new StringReader(text), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a list from {@code reader} (not closed); {@code source} names it in messages.
     *
     * @throws IllegalArgumentException a malformed rule (empty label, misplaced {@code *} or {@code !}) or
     *     no rule at all
     */
    public static PublicSuffixList parse(Reader reader, String source) throws IOException {
        Set<String> rules = new HashSet<>();
        Set<String> wildcards = new HashSet<>();
        Set<String> exceptions = new HashSet<>();
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String rule = firstWord(line);
            if (rule.isEmpty() || rule.startsWith("//")) {
                continue;
            }
            String where = source + " line " + number + ": ";
            if (rule.startsWith("!")) {
                exceptions.add(key(rule.substring(1), where));
            } else if (rule.startsWith("*.")) {
                wildcards.add(key(rule.substring(2), where));
            } else {
                rules.add(key(rule, where));
            }
        }
        if (rules.isEmpty() && wildcards.isEmpty()) {
            throw new IllegalArgumentException(source + ": no rules; not a Public Suffix List");
        }
        return new PublicSuffixList(rules, wildcards, exceptions, source);
    }

    /** Where the list came from: the file path, or "bundled" for {@link #bundled()}. */
    public String source() {
        return source;
    }

    /** The number of rules: plain, wildcard and exception. */
    public int size() {
        return rules.size() + wildcards.size() + exceptions.size();
    }

    /**
     * The public suffix of {@code domain} ({@code "co.uk"} for {@code "www.example.co.uk"}), lower-cased in
     * the input's form; empty for a name that is not a domain (null, empty, an empty label such as a
     * leading dot). One trailing dot (an absolute name) is ignored.
     */
    public Optional<String> publicSuffix(String domain) {
        String[] labels = labels(domain);
        if (labels == null) {
            return Optional.empty();
        }
        return Optional.of(tail(labels, suffixLabels(labels)));
    }

    /**
     * The registrable domain of {@code domain}: its public suffix plus one label ({@code "example.co.uk"}
     * for {@code "www.example.co.uk"}), lower-cased in the input's form. Empty when {@code domain} is
     * itself a public suffix or not a domain, as in the official test vectors.
     */
    public Optional<String> registrableDomain(String domain) {
        String[] labels = labels(domain);
        if (labels == null) {
            return Optional.empty();
        }
        int suffix = suffixLabels(labels);
        return labels.length > suffix ? Optional.of(tail(labels, suffix + 1)) : Optional.empty();
    }

    /** True when {@code domain} is a public suffix (its registrable domain would need one more label). */
    public boolean isPublicSuffix(String domain) {
        String[] labels = labels(domain);
        return labels != null && suffixLabels(labels) == labels.length;
    }

    /** The number of labels of the public suffix: the prevailing rule's (exception: one fewer). */
    private int suffixLabels(String[] labels) {
        int n = labels.length;
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = normalise(labels[i]);
        }
        for (int i = 0; i < n; i++) {
            if (exceptions.contains(join(keys, i))) {
                return n - i - 1;
            }
        }
        for (int i = 0; i < n; i++) {
            if (rules.contains(join(keys, i)) || (i + 1 < n && wildcards.contains(join(keys, i + 1)))) {
                return n - i;
            }
        }
        return 1;
    }

    private static String[] labels(String domain) {
        if (domain == null) {
            return null;
        }
        String name = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        if (name.isEmpty()) {
            return null;
        }
        String[] labels = name.toLowerCase(Locale.ROOT).split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty()) {
                return null;
            }
        }
        return labels;
    }

    private static String tail(String[] labels, int count) {
        return join(labels, labels.length - count);
    }

    private static String join(String[] labels, int from) {
        return String.join(".", Arrays.asList(labels).subList(from, labels.length));
    }

    private static String key(String rule, String where) {
        if (rule.isEmpty()) {
            throw new IllegalArgumentException(where + "empty rule");
        }
        String[] labels = rule.toLowerCase(Locale.ROOT).split("\\.", -1);
        StringBuilder key = new StringBuilder(rule.length());
        for (String label : labels) {
            if (label.isEmpty() || label.contains("*") || label.contains("!")) {
                throw new IllegalArgumentException(where + "malformed rule \"" + rule + "\"");
            }
            key.append(key.length() == 0 ? "" : ".").append(normalise(label));
        }
        return key.toString();
    }

    /** A lower-case label as an A-label; a label IDNA cannot convert is kept as it is. */
    private static String normalise(String label) {
        for (int i = 0; i < label.length(); i++) {
            if (label.charAt(i) >= 0x80) {
                try {
                    return IDN.toASCII(label, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    return label;
                }
            }
        }
        return label;
    }

    private static String firstWord(String line) {
        String stripped = line.strip();
        for (int i = 0; i < stripped.length(); i++) {
            if (Character.isWhitespace(stripped.charAt(i))) {
                return stripped.substring(0, i);
            }
        }
        return stripped;
    }

    private static final class Bundled {
        static final PublicSuffixList LIST = read();

        private static PublicSuffixList read() {
            try (InputStream in = PublicSuffixList.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                Objects.requireNonNull(in, "the bundled " + BUNDLED_RESOURCE + " is missing from the jar");
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "bundled");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled " + BUNDLED_RESOURCE, e);
            }
        }
    }
}
