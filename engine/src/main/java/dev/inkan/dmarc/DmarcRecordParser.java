package dev.inkan.dmarc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a DMARC Policy Record (RFC 9989 §4.7, §4.8; RFC 7489 §6.3, §6.4). The record is a tag=value list
 * in the DKIM style, but DMARC's error rules differ from RFC 6376 §3.2's (where one bad or repeated tag
 * voids the whole list), so this parser is DMARC's own rather than {@code dev.inkan.tagvalue}'s:
 *
 * <ul>
 *   <li>The first tag must be {@code v=DMARC1}, the value case-sensitive; otherwise the text is not a
 *       DMARC record and "MUST be ignored" (RFC 9989 §4.7 {@code v}; RFC 7489 §6.3). White space before
 *       it is tolerated.</li>
 *   <li>Tags are separated by {@code *WSP ";" *WSP} and written {@code name *WSP "=" *WSP value}
 *       (RFC 9989 §4.8). Tag names and keyword values compare case-insensitively, as ABNF strings do
 *       (RFC 5234 §2.3); only {@code DMARC1} is case-sensitive ({@code %s}).</li>
 *   <li>Unknown tags are ignored (§4.7). A spec that is not {@code name=value}, a value that breaks its
 *       tag's grammar, and a repeated tag (the first one counts) are discarded in favour of the default
 *       (§4.8) and described in {@link DmarcRecord#problems()}; the record stays usable.</li>
 *   <li>Report URIs: each must be an absolute URI (RFC 3986); the obsolete size suffix {@code !10m} is
 *       removed (RFC 9989 §4.8 {@code obs-dmarc-uri}); invalid ones are dropped.</li>
 * </ul>
 *
 * Thread-safe; never throws for any text.
 */
public final class DmarcRecordParser {

    /** The only version value (RFC 9989 §4.7 {@code v}). */
    public static final String VERSION = "DMARC1";

    private static final Pattern TAG_NAME = Pattern.compile("[A-Za-z]+");
    private static final Pattern REPORT_SIZE = Pattern.compile("![0-9]+[kmgtKMGT]?$");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private DmarcRecordParser() {
    }

    /** Reads {@code text}; a text whose first tag is not {@code v=DMARC1} is not a DMARC record. */
    public static DmarcRecordParse parse(String text) {
        String[] specs = text.split(";", -1);
        String version = specs[0].strip();
        int eq = version.indexOf('=');
        if (eq < 0 || !version.substring(0, eq).strip().equalsIgnoreCase("v")) {
            return DmarcRecordParse.notDmarc("does not start with v=DMARC1");
        }
        if (!stripWsp(version.substring(eq + 1)).equals(VERSION)) {
            return DmarcRecordParse.notDmarc("version is not DMARC1");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < specs.length; i++) {
            String spec = stripWsp(specs[i]);
            if (spec.isEmpty()) {
                if (i < specs.length - 1) {
                    problems.add("empty tag-spec ignored");
                }
                continue;
            }
            int equals = spec.indexOf('=');
            String name = equals < 0 ? spec : stripWsp(spec.substring(0, equals));
            if (equals < 0 || !TAG_NAME.matcher(name).matches()) {
                problems.add("malformed tag-spec \"" + printable(spec) + "\" ignored");
                continue;
            }
            String key = name.toLowerCase(Locale.ROOT);
            if (key.equals("v")) {
                problems.add("v= repeated after the first tag; ignored");
            } else if (tags.putIfAbsent(key, stripWsp(spec.substring(equals + 1))) != null) {
                problems.add("tag " + key + " repeated; the first one counts");
            }
        }
        return DmarcRecordParse.of(new Values(text, tags, problems).record());
    }

    /** The typed values of the known tags, read with their grammar; invalid values become defaults. */
    private static final class Values {
        private final String text;
        private final Map<String, String> tags;
        private final List<String> problems;
        private final Set<String> invalid = new LinkedHashSet<>();

        Values(String text, Map<String, String> tags, List<String> problems) {
            this.text = text;
            this.tags = tags;
            this.problems = problems;
        }

        DmarcRecord record() {
            DmarcPolicy p = policy("p");
            DmarcPolicy sp = policy("sp");
            DmarcPolicy np = policy("np");
            AlignmentMode adkim = alignment("adkim");
            AlignmentMode aspf = alignment("aspf");
            boolean testing = "y".equals(keyword("t", Set.of("y", "n"), "n"));
            PsdFlag psd = switch (keyword("psd", Set.of("y", "n", "u"), "u")) {
                case "y" -> PsdFlag.YES;
                case "n" -> PsdFlag.NO;
                default -> PsdFlag.UNKNOWN;
            };
            int pct = (int) number("pct", 3, 100, 100);
            long ri = number("ri", 10, 0xFFFF_FFFFL, 86_400);
            return new DmarcRecord(text, tags, p, sp, np, adkim, aspf, testing, psd, pct, uris("rua"), uris("ruf"),
                    failureOptions(), reportFormats(), ri, invalid, problems);
        }

        private DmarcPolicy policy(String tag) {
            String value = tags.get(tag);
            if (value == null) {
                return null;
            }
            DmarcPolicy policy = DmarcPolicy.parse(value).orElse(null);
            if (policy == null) {
                discard(tag, value);
            }
            return policy;
        }

        private AlignmentMode alignment(String tag) {
            return keyword(tag, Set.of("r", "s"), "r").equals("s") ? AlignmentMode.STRICT : AlignmentMode.RELAXED;
        }

        /** The lower-cased value when it is one of {@code allowed}, else the default. */
        private String keyword(String tag, Set<String> allowed, String fallback) {
            String value = tags.get(tag);
            if (value == null) {
                return fallback;
            }
            String lower = value.toLowerCase(Locale.ROOT);
            if (allowed.contains(lower)) {
                return lower;
            }
            discard(tag, value);
            return fallback;
        }

        /** RFC 7489 {@code pct = 1*3DIGIT} (0..100) and {@code ri = 1*DIGIT} (32-bit unsigned). */
        private long number(String tag, int maxDigits, long max, long fallback) {
            String value = tags.get(tag);
            if (value == null) {
                return fallback;
            }
            if (DIGITS.matcher(value).matches() && value.length() <= maxDigits && Long.parseLong(value) <= max) {
                return Long.parseLong(value);
            }
            discard(tag, value);
            return fallback;
        }

        /** RFC 9989 §4.8 {@code dmarc-urilist}: the absolute URIs, obsolete size suffixes removed. */
        private List<String> uris(String tag) {
            String value = tags.get(tag);
            if (value == null) {
                return List.of();
            }
            List<String> uris = new ArrayList<>();
            for (String item : value.split(",", -1)) {
                String uri = REPORT_SIZE.matcher(stripWsp(item)).replaceFirst("");
                if (isAbsoluteUri(uri)) {
                    uris.add(uri);
                } else {
                    problems.add("tag " + tag + ": \"" + printable(item.strip()) + "\" is not a URI; ignored");
                }
            }
            if (uris.isEmpty()) {
                invalid.add(tag);
            }
            return uris;
        }

        /** RFC 9989 §4.8 {@code dmarc-fo}: 0 or 1 (not both), d, s, each once, colon-separated. */
        private List<String> failureOptions() {
            String value = tags.get("fo");
            if (value == null) {
                return List.of("0");
            }
            List<String> options = new ArrayList<>();
            for (String item : value.split(":", -1)) {
                String option = stripWsp(item).toLowerCase(Locale.ROOT);
                if (!Set.of("0", "1", "d", "s").contains(option) || options.contains(option)) {
                    discard("fo", value);
                    return List.of("0");
                }
                options.add(option);
            }
            if (options.contains("0") && options.contains("1")) {
                discard("fo", value);
                return List.of("0");
            }
            return options;
        }

        /** RFC 7489 §6.3 {@code rf}: registered formats only (afrf); others are ignored (SHOULD). */
        private List<String> reportFormats() {
            String value = tags.get("rf");
            if (value == null) {
                return List.of("afrf");
            }
            for (String item : value.split(":", -1)) {
                if (!stripWsp(item).equalsIgnoreCase("afrf")) {
                    discard("rf", value);
                    return List.of("afrf");
                }
            }
            return List.of("afrf");
        }

        private void discard(String tag, String value) {
            invalid.add(tag);
            problems.add("tag " + tag + " has an invalid value \"" + printable(value) + "\"; discarded");
        }
    }

    private static boolean isAbsoluteUri(String text) {
        if (text.isEmpty() || text.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            return false;
        }
        try {
            return new URI(text).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Removes leading and trailing WSP (space, tab: RFC 5234), the only white space the grammar allows. */
    private static String stripWsp(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        return text.substring(start, end);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(60).forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
        return out.toString();
    }
}
