package dev.inkan.james.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javax.mail.MessagingException;
import org.apache.mailet.MailetException;

/**
 * Typed reading of mailet and matcher init parameters. Every problem becomes a {@link MailetException}
 * naming the mailet, the parameter and what is wrong, so James refuses to start with one clear line
 * instead of failing on the first mail.
 */
public final class MailetParameters {

    private final String owner;
    private final Function<String, String> lookup;

    /**
     * @param owner the mailet or matcher name used in error messages
     * @param lookup the init-parameter lookup (returns null when absent)
     */
    public MailetParameters(String owner, Function<String, String> lookup) {
        this.owner = owner;
        this.lookup = lookup;
    }

    /** The mailet or matcher name the messages start with. */
    public String owner() {
        return owner;
    }

    /** The trimmed value, empty when absent or blank. */
    public Optional<String> string(String name) {
        String v = lookup.apply(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    public String required(String name) throws MessagingException {
        return string(name).orElseThrow(() -> error(name, "is required"));
    }

    public boolean bool(String name, boolean defaultValue) throws MessagingException {
        Optional<String> v = string(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        switch (v.get().toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "on":
                return true;
            case "false": case "no": case "off":
                return false;
            default:
                throw error(name, "must be true or false, got '" + v.get() + "'");
        }
    }

    public int integer(String name, int defaultValue, int min, int max) throws MessagingException {
        Optional<String> v = string(name);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) {
                throw error(name, "must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw error(name, "must be a whole number, got '" + v.get() + "'");
        }
    }

    /** Whether {@code name} is set to {@code second}; {@code first} is the default; anything else is an error. */
    public boolean choice(String name, String first, String second) throws MessagingException {
        String value = string(name).orElse(first).toLowerCase(Locale.ROOT);
        if (!value.equals(first) && !value.equals(second)) {
            throw error(name, "must be " + first + " or " + second + ", got '" + value + "'");
        }
        return value.equals(second);
    }

    /** A duration written as seconds ("300") or with a unit: "30s", "10m", "2h", "7d". */
    public Optional<Duration> duration(String name) throws MessagingException {
        Optional<String> v = string(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        String text = v.get().toLowerCase(Locale.ROOT);
        char unit = text.charAt(text.length() - 1);
        long factor = unit == 's' ? 1 : unit == 'm' ? 60 : unit == 'h' ? 3600 : unit == 'd' ? 86400 : 0;
        String digits = factor == 0 ? text : text.substring(0, text.length() - 1);
        try {
            long seconds = Long.parseLong(digits) * (factor == 0 ? 1 : factor);
            if (seconds <= 0) {
                throw error(name, "must be positive, got '" + v.get() + "'");
            }
            return Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            throw error(name, "must be a duration like 300, 30s, 10m, 2h or 7d, got '" + v.get() + "'");
        }
    }

    /** A comma- or colon-separated list, trimmed, empty entries dropped; empty when absent. */
    public List<String> list(String name) {
        return string(name).map(v -> Arrays.stream(v.split("[,:]")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** A readable regular file. */
    public Optional<Path> file(String name) throws MessagingException {
        Optional<String> v = string(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(v.get());
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw error(name, "file " + path.toAbsolutePath() + " does not exist or is not readable");
        }
        return Optional.of(path);
    }

    public MailetException error(String name, String problem) {
        return new MailetException(owner + ": parameter '" + name + "' " + problem);
    }

    public MailetException error(String problem) {
        return new MailetException(owner + ": " + problem);
    }
}
