package dev.inkan.spf;

import dev.inkan.message.Octets;
import dev.inkan.net.IpLiteral;
import dev.inkan.spf.SpfMacroString.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses SPF records per the RFC 7208 §12 ABNF. The whole record is checked before anything is
 * evaluated (§4.6): an unknown mechanism, a bad CIDR length, a bad macro, a second {@code redirect=} or
 * {@code exp=} (§6), a control or non-ASCII character (§3.1, §4.6.1: terms are separated by spaces only)
 * all make the record a syntax error. Unknown modifiers are checked ({@code name "=" macro-string}) and
 * otherwise ignored (§6).
 */
public final class SpfRecordParser {

    /** RFC 7208 §4.5 {@code version}. */
    public static final String VERSION = "v=spf1";

    /** RFC 7208 §4.6.1: {@code name "="}, name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." ). */
    private static final Pattern MODIFIER = Pattern.compile("([A-Za-z][A-Za-z0-9_.-]*)=(.*)", Pattern.DOTALL);

    /** The dual CIDR suffix of a and mx (§5.3, §5.4), matched as far left as it can reach. */
    private static final Pattern DUAL_CIDR = Pattern.compile("(.*?)(?:/([0-9]+))?(?://([0-9]+))?", Pattern.DOTALL);

    private SpfRecordParser() {
    }

    /**
     * Whether a TXT string is an SPF record: it begins with "v=spf1" (case-insensitive, §12) followed by a
     * space or the end (§4.5), so "v=spf10" is not one.
     */
    public static boolean isSpfRecord(String txt) {
        return txt.regionMatches(true, 0, VERSION, 0, VERSION.length())
                && (txt.length() == VERSION.length() || txt.charAt(VERSION.length()) == ' ');
    }

    /** Parses a record selected by {@link #isSpfRecord}; never throws. */
    public static SpfRecordParse parse(String text) {
        if (!isSpfRecord(text)) {
            return SpfRecordParse.error(text, "not an SPF record: it does not start with \"v=spf1\" and a space");
        }
        return parse(text, VERSION.length());
    }

    /**
     * Parses the terms of a record whose version prefix (checked by the caller: "v=spf1", or Sender ID's
     * "spf2.0/pra", RFC 4406 §3.1) is its first {@code termsStart} characters; the terms are RFC 7208's (§12
     * {@code terms *SP}). Never throws.
     */
    public static SpfRecordParse parse(String text, int termsStart) {
        if (termsStart < 0 || termsStart > text.length()
                || (termsStart < text.length() && text.charAt(termsStart) != ' ')) {
            return SpfRecordParse.error(text, "no space after the version of the record [RFC 7208 4.5]");
        }
        List<SpfDirective> directives = new ArrayList<>();
        SpfMacroString redirect = null;
        SpfMacroString explanation = null;
        for (String term : text.substring(termsStart).split(" ")) {
            if (term.isEmpty()) {
                continue; // 1*SP between terms, and trailing spaces (§12 record = version terms *SP)
            }
            Matcher modifier = MODIFIER.matcher(term);
            if (modifier.matches()) {
                String name = modifier.group(1).toLowerCase(Locale.ROOT);
                String value = modifier.group(2);
                boolean known = name.equals("redirect") || name.equals("exp");
                SpfMacroParse parsed = SpfMacroString.parse(value, known ? Kind.DOMAIN_SPEC : Kind.MODIFIER_VALUE);
                if (!parsed.isOk()) {
                    return SpfRecordParse.error(term, term + ": " + parsed.error());
                }
                if ((name.equals("redirect") && redirect != null) || (name.equals("exp") && explanation != null)) {
                    return SpfRecordParse.error(term, term + ": " + name + "= appears more than once [RFC 7208 6]");
                }
                if (name.equals("redirect")) {
                    redirect = parsed.value();
                } else if (name.equals("exp")) {
                    explanation = parsed.value();
                }
                continue;
            }
            Object directive = directive(term);
            if (directive instanceof String error) {
                return SpfRecordParse.error(term, term + ": " + error);
            }
            directives.add((SpfDirective) directive);
        }
        return SpfRecordParse.ok(new SpfRecord(text, directives, redirect, explanation));
    }

    /** {@code [qualifier] mechanism}: an {@link SpfDirective}, or the error text. */
    private static Object directive(String term) {
        SpfQualifier qualifier = SpfQualifier.of(term.charAt(0));
        String body = qualifier == null ? term : term.substring(1);
        qualifier = qualifier == null ? SpfQualifier.PASS : qualifier;
        int end = 0;
        while (end < body.length() && body.charAt(end) != ':' && body.charAt(end) != '/') {
            end++;
        }
        String name = body.substring(0, end).toLowerCase(Locale.ROOT);
        String args = body.substring(end);
        Object mechanism = switch (name) {
            case "all" -> args.isEmpty() ? new SpfMechanism.All() : "all takes no argument [RFC 7208 5.1]";
            case "include" -> required(args, "include").map(SpfMechanism.Include::new);
            case "exists" -> required(args, "exists").map(SpfMechanism.Exists::new);
            case "ptr" -> args.isEmpty() ? new SpfMechanism.Ptr(null)
                    : required(args, "ptr").map(SpfMechanism.Ptr::new);
            case "a", "mx" -> hostMechanism(name, args);
            case "ip4" -> network(args, false);
            case "ip6" -> network(args, true);
            default -> "unknown mechanism \"" + name + "\" [RFC 7208 5, 12]";
        };
        if (mechanism instanceof Parsed<?> parsed) {
            mechanism = parsed.result();
        }
        return mechanism instanceof SpfMechanism m ? new SpfDirective(qualifier, m, term) : mechanism;
    }

    /** {@code ":" domain-spec} for include, exists and ptr. */
    private static Parsed<SpfMacroString> required(String args, String name) {
        if (!args.startsWith(":")) {
            return Parsed.error(name + " needs \":\" and a domain [RFC 7208 5]");
        }
        SpfMacroParse parsed = SpfMacroString.parse(args.substring(1), Kind.DOMAIN_SPEC);
        return parsed.isOk() ? Parsed.ok(parsed.value()) : Parsed.error(parsed.error());
    }

    /** a and mx: {@code [ ":" domain-spec ] [ dual-cidr-length ]} (§5.3, §5.4). */
    private static Object hostMechanism(String name, String args) {
        Matcher matcher = DUAL_CIDR.matcher(args);
        if (!matcher.matches()) {
            return "malformed arguments";
        }
        String domain = matcher.group(1);
        int ip4 = matcher.group(2) == null ? 32 : prefix(matcher.group(2), 32);
        int ip6 = matcher.group(3) == null ? 128 : prefix(matcher.group(3), 128);
        if (ip4 < 0 || ip6 < 0) {
            return "invalid CIDR length [RFC 7208 5.6: /0-32, //0-128, no leading zeros]";
        }
        SpfMacroString spec = null;
        if (!domain.isEmpty()) {
            Parsed<SpfMacroString> parsed = required(domain, name);
            if (parsed.error() != null) {
                return parsed.error();
            }
            spec = parsed.value();
        }
        return name.equals("a") ? new SpfMechanism.A(spec, ip4, ip6) : new SpfMechanism.Mx(spec, ip4, ip6);
    }

    /** ip4 / ip6: {@code ":" network [ cidr-length ]} (§5.6). */
    private static Object network(String args, boolean ip6) {
        if (!args.startsWith(":")) {
            return (ip6 ? "ip6" : "ip4") + " needs \":\" and a network [RFC 7208 5.6]";
        }
        String rest = args.substring(1);
        int slash = rest.indexOf('/');
        String address = slash < 0 ? rest : rest.substring(0, slash);
        int max = ip6 ? 128 : 32;
        int prefix = max;
        if (slash >= 0) {
            String digits = rest.substring(slash + 1);
            prefix = Octets.allDigits(digits) ? prefix(digits, max) : -1;
            if (prefix < 0) {
                return "invalid CIDR length \"" + rest.substring(slash) + "\" [RFC 7208 5.6]";
            }
        }
        byte[] octets = ip6 ? IpLiteral.parseIp6(address) : IpLiteral.parseIp4(address);
        if (octets == null) {
            return "\"" + address + "\" is not an " + (ip6 ? "IPv6 address [RFC 4291 2.2]" : "IPv4 dotted quad"
                    + " [RFC 7208 5.6: four numbers 0-255, no leading zeros, no omitted parts]");
        }
        return ip6 ? new SpfMechanism.Ip6(octets, prefix) : new SpfMechanism.Ip4(octets, prefix);
    }

    /**
     * A CIDR length (§5.6: {@code "0" / %x31-39 0*1DIGIT} for IPv4, {@code 0*2DIGIT} for IPv6), or -1 when
     * it is empty, has a leading zero or exceeds {@code max}.
     */
    private static int prefix(String digits, int max) {
        if (digits.isEmpty() || digits.length() > 3 || (digits.length() > 1 && digits.charAt(0) == '0')) {
            return -1;
        }
        int value = Integer.parseInt(digits);
        return value <= max ? value : -1;
    }

    /** A value or an error text, inside this parser. */
    private record Parsed<T>(T value, String error) {
        static <T> Parsed<T> ok(T value) {
            return new Parsed<>(value, null);
        }

        static <T> Parsed<T> error(String error) {
            return new Parsed<>(null, error);
        }

        <R> Parsed<R> map(java.util.function.Function<T, R> f) {
            return error == null ? ok(f.apply(value)) : error(error);
        }

        Object result() {
            return error == null ? value : error;
        }
    }
}
