package dev.inkan.cli;

import dev.inkan.crypto.KeyType;
import dev.inkan.crypto.SignatureAlgorithm;
import dev.inkan.message.Canonicalization;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for the DKIM vocabulary, written the way the RFCs and DNS records spell it. */
final class OptionConverters {

    private OptionConverters() {
    }

    /** {@code rsa} or {@code ed25519}, the k= names. */
    static final class KeyTypes implements ITypeConverter<KeyType>, Iterable<String> {
        @Override
        public KeyType convert(String value) {
            KeyType type = KeyType.fromTagName(value.strip());
            if (type == null) {
                throw new TypeConversionException("'" + value + "' is not a key type; use rsa or ed25519");
            }
            return type;
        }

        @Override
        public Iterator<String> iterator() {
            return List.of("rsa", "ed25519").iterator();
        }
    }

    /** {@code rsa-sha256} or {@code ed25519-sha256}, the a= names (rsa-sha1 is refused, RFC 8301 §3.1). */
    static final class Algorithms implements ITypeConverter<SignatureAlgorithm>, Iterable<String> {
        @Override
        public SignatureAlgorithm convert(String value) {
            SignatureAlgorithm algorithm = SignatureAlgorithm.fromTagName(value.strip());
            if (algorithm == null || algorithm == SignatureAlgorithm.RSA_SHA1) {
                throw new TypeConversionException("'" + value
                        + "' is not a signing algorithm; use rsa-sha256 or ed25519-sha256");
            }
            return algorithm;
        }

        @Override
        public Iterator<String> iterator() {
            return List.of("rsa-sha256", "ed25519-sha256").iterator();
        }
    }

    /** The c= value: {@code header/body}, or one name for the header with simple body (RFC 6376 §3.5). */
    static final class Canonicalizations implements ITypeConverter<CanonicalizationPair> {
        @Override
        public CanonicalizationPair convert(String value) {
            String[] parts = value.strip().split("/", -1);
            if (parts.length > 2) {
                throw new TypeConversionException("'" + value + "' is not HEADER/BODY, e.g. relaxed/relaxed");
            }
            Canonicalization header = one(parts[0], value);
            Canonicalization body = parts.length == 2 ? one(parts[1], value) : Canonicalization.SIMPLE;
            return new CanonicalizationPair(header, body);
        }

        private static Canonicalization one(String name, String value) {
            Canonicalization c = Canonicalization.fromTagName(name.strip());
            if (c == null) {
                throw new TypeConversionException("'" + value
                        + "' is not a canonicalization; use simple or relaxed, e.g. relaxed/relaxed");
            }
            return c;
        }
    }

    /** Seconds since 1970-01-01T00:00:00Z, as DKIM's t= and x= tags write time. */
    static final class EpochSeconds implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                long seconds = Long.parseLong(value.strip());
                if (seconds < 0) {
                    throw new TypeConversionException("'" + value + "' is before 1970; give seconds since the epoch");
                }
                return Instant.ofEpochSecond(seconds);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number of seconds since the epoch");
            }
        }
    }

    /** A positive number of seconds, decimals allowed ("2.5"). */
    static final class PositiveSeconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            BigDecimal seconds;
            try {
                seconds = new BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number of seconds");
            }
            if (seconds.signum() <= 0 || seconds.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw new TypeConversionException("'" + value + "' must be a positive number of seconds");
            }
            Duration duration = Duration.ofMillis(seconds.movePointRight(3).longValue());
            if (duration.isZero()) {
                throw new TypeConversionException("'" + value + "' is shorter than a millisecond");
            }
            return duration;
        }
    }

    /** A selector naming scheme: {@code yearhalf} or {@code date}. */
    static final class Schemes implements ITypeConverter<SelectorScheme> {
        @Override
        public SelectorScheme convert(String value) {
            for (SelectorScheme s : SelectorScheme.values()) {
                if (s.optionName().equalsIgnoreCase(value)) {
                    return s;
                }
            }
            throw new TypeConversionException("must be yearhalf or date, got '" + value + "'");
        }
    }

    /** A day written {@code YYYY-MM-DD}. */
    static final class Days implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("must be a day written YYYY-MM-DD, got '" + value + "'");
            }
        }
    }
}
