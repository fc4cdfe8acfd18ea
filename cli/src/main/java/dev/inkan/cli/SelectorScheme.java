package dev.inkan.cli;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the next DKIM selector of a domain is named when its key is rotated. Selectors are free names (RFC 6376
 * §3.1); a name that says when the key was made tells an operator at a glance which key is current and which
 * may be revoked, and never reuses a name whose old record a resolver may still cache.
 *
 * <ul>
 *   <li>{@link #YEARHALF}: {@code s2026a} (January to June), {@code s2026b} (July to December): {@code s2026a} →
 *   {@code s2026b} → {@code s2027a}, and never a half-year before the current one;</li>
 *   <li>{@link #DATE}: the day, {@code 20261207}.</li>
 * </ul>
 * Both keep a prefix of letters and hyphens the old selector had ({@code mail2026a}, {@code k-20261207}).
 */
enum SelectorScheme {

    YEARHALF(Pattern.compile("([a-z-]*)(\\d{4})([ab])")) {
        @Override
        String next(String old, LocalDate today) {
            Matcher m = shape.matcher(old.toLowerCase(Locale.ROOT));
            int current = today.getYear() * 2 + (today.getMonthValue() <= 6 ? 0 : 1);
            if (!m.matches()) {
                return name("s", current);
            }
            int after = Integer.parseInt(m.group(2)) * 2 + (m.group(3).equals("a") ? 0 : 1) + 1;
            return name(m.group(1), Math.max(after, current));
        }

        private String name(String prefix, int halfYears) {
            return prefix + halfYears / 2 + (halfYears % 2 == 0 ? "a" : "b");
        }
    },

    DATE(Pattern.compile("([a-z-]*)(\\d{8})")) {
        @Override
        String next(String old, LocalDate today) {
            Matcher m = shape.matcher(old.toLowerCase(Locale.ROOT));
            String day = today.format(DateTimeFormatter.BASIC_ISO_DATE);
            if (m.matches() && m.group(2).compareTo(day) >= 0) {
                throw new IllegalArgumentException("selector '" + old + "' is dated " + m.group(2)
                        + ", not before " + day + ": the date scheme names one selector a day; give --selector");
            }
            return (m.matches() ? m.group(1) : "") + day;
        }
    };

    final Pattern shape;

    SelectorScheme(Pattern shape) {
        this.shape = shape;
    }

    /** The selector that follows {@code old} on {@code today}; IllegalArgumentException when there is none. */
    abstract String next(String old, LocalDate today);

    /** The scheme {@code selector} is named by, if any. */
    static Optional<SelectorScheme> of(String selector) {
        String lower = selector.toLowerCase(Locale.ROOT);
        for (SelectorScheme scheme : values()) {
            if (scheme.shape.matcher(lower).matches()) {
                return Optional.of(scheme);
            }
        }
        return Optional.empty();
    }

    /** The option value: {@code yearhalf}, {@code date}. */
    String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
