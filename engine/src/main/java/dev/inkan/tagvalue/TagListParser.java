package dev.inkan.tagvalue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parser for the RFC 6376 §3.2 tag=value list:
 * <pre>
 * tag-list  =  tag-spec *( ";" tag-spec ) [ ";" ]
 * tag-spec  =  [FWS] tag-name [FWS] "=" [FWS] tag-value [FWS]
 * tag-name  =  ALPHA *ALNUMPUNC
 * tag-value =  [ tval *( 1*(WSP / FWS) tval ) ]
 * </pre>
 * Rules enforced: every tag-spec has a valid tag-name and an '='; a tag appears at most once
 * ("Tags with duplicate names MUST NOT occur within a single tag-list; if a tag name does occur more
 * than once, the entire tag-list is invalid"); only the final ';' may be followed by nothing.
 * Values keep internal white space; control characters other than folding white space are an error.
 */
public final class TagListParser {

    private TagListParser() {
    }

    public static TagListParse parse(String text) {
        Map<String, Tag> tags = new LinkedHashMap<>();
        int length = text.length();
        int pos = 0;
        while (pos < length) {
            int specEnd = text.indexOf(';', pos);
            if (specEnd < 0) {
                specEnd = length;
            }
            int nameStart = skipFws(text, pos, specEnd);
            if (nameStart == specEnd) {
                // Empty tag-spec: allowed only as the trailing "[;]" (nothing but white space remains).
                if (specEnd == length) {
                    break;
                }
                return TagListParse.error("empty tag-spec at offset " + pos);
            }
            int eq = text.indexOf('=', nameStart);
            if (eq < 0 || eq > specEnd) {
                return TagListParse.error("tag-spec without '=' at offset " + nameStart);
            }
            String name = text.substring(nameStart, trimFwsEnd(text, nameStart, eq));
            if (!isTagName(name)) {
                return TagListParse.error("invalid tag name '" + printable(name) + "'");
            }
            int valueStart = skipFws(text, eq + 1, specEnd);
            int valueEnd = trimFwsEnd(text, valueStart, specEnd);
            String value = text.substring(valueStart, valueEnd);
            String badChar = invalidValueCharacter(value);
            if (badChar != null) {
                return TagListParse.error("tag '" + name + "' has " + badChar + " in its value");
            }
            if (tags.put(name, new Tag(name, value, eq + 1, specEnd)) != null) {
                return TagListParse.error("duplicate tag '" + name + "'");
            }
            pos = specEnd + 1;
        }
        return TagListParse.ok(new TagList(text, tags));
    }

    private static boolean isFws(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static int skipFws(String text, int from, int to) {
        int i = from;
        while (i < to && isFws(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimFwsEnd(String text, int from, int to) {
        int i = to;
        while (i > from && isFws(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    static boolean isTagName(String name) {
        if (name.isEmpty() || !isAlpha(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A description of the first character a tag-value may not hold, or null. */
    private static String invalidValueCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && !isFws(c) || c == 0x7f) {
                return String.format("control character 0x%02x", (int) c);
            }
        }
        return null;
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.length() > 40 ? out.substring(0, 40) + "..." : out.toString();
    }
}
