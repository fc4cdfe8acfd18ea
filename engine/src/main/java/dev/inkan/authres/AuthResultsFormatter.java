package dev.inkan.authres;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Writes {@link AuthenticationResults} as RFC 8601 §2.2 text: the one-line value, a single resinfo, or the
 * complete folded header field. The one formatter every Inkan verdict goes through.
 *
 * <p>Method, result, ptype and property must be RFC 5321 §4.1.2 keywords; anything else is refused with an
 * {@link IllegalArgumentException} rather than written into a header that breaks the grammar. Values are
 * written bare when the grammar allows it (a token, or {@code [local-part] "@" domain-name}), otherwise as a
 * quoted-string. Comments and reasons are human text: runs of whitespace and control characters (CR, LF, ...)
 * become one space, and comments escape {@code (}, {@code )} and {@code \} as quoted-pairs (RFC 5322 §3.2.2).
 * No trailing whitespace is ever written.
 */
public final class AuthResultsFormatter {

    /** The header field name (RFC 8601 §2.2). */
    public static final String FIELD_NAME = "Authentication-Results";

    /** RFC 5322 §2.1.1: lines SHOULD be no more than 78 characters, excluding the CRLF. */
    public static final int LINE_LENGTH = 78;

    private static final String CRLF = "\r\n";

    /** The indentation of a folded line inside a resinfo, deeper than the resinfo's own line. */
    private static final String INNER_FOLD = CRLF + "\t  ";

    /**
     * The atoms of the results this thread formatted last, by identity. A James mail's results are formatted for
     * its attribute and again for every later mailet's field, which carries the earlier methods' results as well:
     * four mailets formatted fourteen resinfos per mail where four are new. A {@link ResultInfo} is immutable, so
     * the same object always gives the same atoms; only atoms that formatted without error are kept.
     */
    private static final ThreadLocal<IdentityHashMap<ResultInfo, List<String>>> RECENT =
            ThreadLocal.withInitial(IdentityHashMap::new);
    private static final int RECENT_SIZE = 64;

    private AuthResultsFormatter() {
    }

    /**
     * The unfolded header field value on one line, e.g. {@code example.com; spf=pass smtp.mailfrom=example.net},
     * or {@code example.org; none} without results (RFC 8601 §2.2 no-result).
     *
     * @throws IllegalArgumentException when a method, result, ptype or property is not a keyword, a value
     *     holds a line break or control character, or the version is not 1
     */
    public static String value(AuthenticationResults results) {
        return value(results, atomsOfEach(results));
    }

    private static String value(AuthenticationResults results, List<List<String>> atoms) {
        StringBuilder out = new StringBuilder(authservIdAndVersion(results));
        if (atoms.isEmpty()) {
            return out.append("; none").toString();
        }
        for (List<String> resinfo : atoms) {
            out.append("; ");
            appendJoined(out, resinfo);
        }
        return out.toString();
    }

    /** Each resinfo's atoms, computed once for both the one-line attempt and the folded form. */
    private static List<List<String>> atomsOfEach(AuthenticationResults results) {
        List<List<String>> atoms = new ArrayList<>(results.results().size());
        for (ResultInfo info : results.results()) {
            atoms.add(atoms(info));
        }
        return atoms;
    }

    private static void appendJoined(StringBuilder out, List<String> atoms) {
        for (int i = 0; i < atoms.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(atoms.get(i));
        }
    }

    /**
     * One resinfo without its leading {@code ;} (RFC 8601 §2.2): {@code method=result}, then
     * {@code (comment)}, {@code reason=...} and each {@code ptype.property=pvalue}. This is the text Inkan
     * passes between mailets; {@link AuthResultsParser#parseResultInfo} reads it back.
     *
     * @throws IllegalArgumentException as {@link #value}
     */
    public static String resultInfo(ResultInfo info) {
        return String.join(" ", atoms(info));
    }

    /**
     * The complete header field {@code Authentication-Results: <value>} with CRLF line endings and a final
     * CRLF. One line when it fits in {@value #LINE_LENGTH} characters; otherwise each resinfo starts its own
     * line after {@code ;}, and a long resinfo is folded between its elements (and between the words of a
     * comment), never inside a keyword, token or quoted-string. Lines stay within {@value #LINE_LENGTH}
     * characters unless one element alone is longer. Unfolding (RFC 5322 §2.2.3) gives text that parses to an
     * equal model.
     *
     * @throws IllegalArgumentException as {@link #value}
     */
    public static String header(AuthenticationResults results) {
        List<List<String>> atomsOfEach = atomsOfEach(results);
        String oneLine = FIELD_NAME + ": " + value(results, atomsOfEach);
        if (oneLine.length() <= LINE_LENGTH) {
            return oneLine + CRLF;
        }
        StringBuilder out = new StringBuilder(oneLine.length() + 16 * results.results().size());
        out.append(FIELD_NAME).append(": ").append(authservIdAndVersion(results)).append(';');
        if (results.results().isEmpty()) {
            return out.append(CRLF).append("\tnone").append(CRLF).toString();
        }
        for (int i = 0; i < atomsOfEach.size(); i++) {
            List<String> atoms = atomsOfEach.get(i);
            if (i < atomsOfEach.size() - 1) {
                atoms = new ArrayList<>(atoms); // the atoms are shared (RECENT): the ";" goes on a copy
                int last = atoms.size() - 1;
                atoms.set(last, atoms.get(last) + ";");
            }
            out.append(CRLF).append('\t');
            appendFilled(out, atoms);
        }
        return out.append(CRLF).toString();
    }

    /** Appends atoms separated by spaces, folding before an atom that would pass the line length. */
    private static void appendFilled(StringBuilder out, List<String> atoms) {
        int column = 1;
        for (int i = 0; i < atoms.size(); i++) {
            String atom = atoms.get(i);
            if (i == 0) {
                out.append(atom);
                column += atom.length();
            } else if (column + 1 + atom.length() <= LINE_LENGTH) {
                out.append(' ').append(atom);
                column += 1 + atom.length();
            } else {
                out.append(INNER_FOLD).append(atom);
                column = INNER_FOLD.length() - CRLF.length() + atom.length();
            }
        }
    }

    /** RFC 8601 §2.2 {@code authserv-id [CFWS authres-version]}; the id is a value (§2.5), quoted if need be. */
    private static String authservIdAndVersion(AuthenticationResults results) {
        String id = AuthResultsSyntax.tokenOrQuoted(results.authservId());
        if (results.version() == null) {
            return id;
        }
        if (results.version() != 1) {
            throw new IllegalArgumentException("RFC 8601 defines authres-version 1 only (§2.6), not "
                    + results.version());
        }
        return id + " " + results.version();
    }

    /**
     * The unbreakable pieces of one resinfo, in order: {@code method=result}, the comment's words (the first
     * with its {@code (}, the last with its {@code )}), {@code reason=...}, then each propspec.
     */
    private static List<String> atoms(ResultInfo info) {
        IdentityHashMap<ResultInfo, List<String>> recent = RECENT.get();
        List<String> known = recent.get(info);
        if (known != null) {
            return known;
        }
        if (recent.size() >= RECENT_SIZE) {
            recent.clear();
        }
        List<String> atoms = List.copyOf(atomsOf(info));
        recent.put(info, atoms);
        return atoms;
    }

    private static List<String> atomsOf(ResultInfo info) {
        List<String> atoms = new ArrayList<>(4 + info.properties().size());
        atoms.add(keyword("method", info.method()) + "=" + keyword("result", info.result()));
        if (info.comment() != null) {
            atoms.addAll(commentAtoms(info.comment()));
        }
        if (info.reason() != null) {
            atoms.add("reason=" + AuthResultsSyntax.tokenOrQuoted(AuthResultsSyntax.normalizeText(info.reason())));
        }
        for (ResultProperty property : info.properties()) {
            atoms.add(keyword("ptype", property.type()) + "." + keyword("property", property.name()) + "="
                    + AuthResultsSyntax.value(property.value()));
        }
        return atoms;
    }

    private static List<String> commentAtoms(String comment) {
        String escaped = AuthResultsSyntax.escapeComment(AuthResultsSyntax.normalizeText(comment));
        List<String> atoms = new ArrayList<>(List.of(escaped.split(" ")));
        atoms.set(0, "(" + atoms.get(0));
        int last = atoms.size() - 1;
        atoms.set(last, atoms.get(last) + ")");
        return atoms;
    }

    private static String keyword(String what, String keyword) {
        if (!AuthResultsSyntax.isKeyword(keyword)) {
            throw new IllegalArgumentException(what + " '" + keyword
                    + "' is not a keyword (RFC 8601 §2.2, RFC 5321 §4.1.2: letters, digits and inner hyphens)");
        }
        return keyword;
    }
}
