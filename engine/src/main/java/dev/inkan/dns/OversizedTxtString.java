package dev.inkan.dns;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A quoted character-string of a zone file longer than the 255 octets a DNS character-string can hold (RFC 1035
 * §3.3: one length octet). Operators write one when they paste a 2048-bit DKIM key as a single string; BIND refuses
 * the whole zone ({@code named-checkzone}: "ran out of space"), and so does dnsjava's {@code Master}. Found by
 * {@link #scan(byte[])} so that {@link ZoneFileResolver#fromFileSplittingLongStrings} can load the zone anyway and a
 * diagnosis can say where the string is.
 *
 * @param line the zone file line where the string starts (1-based)
 * @param octets the string's length in octets, escapes decoded
 * @param text the string's octets as UTF-8 text, escapes decoded
 */
public record OversizedTxtString(int line, int octets, String text) {

    /** RFC 1035 §3.3: a character-string is a length octet and at most 255 octets. */
    public static final int MAX_OCTETS = 255;

    public OversizedTxtString {
        Objects.requireNonNull(text, "text");
    }

    /** What {@link #scan(byte[])} found: the over-long strings, and the zone with each one split into legal ones. */
    record Scan(List<OversizedTxtString> oversized, byte[] splitZone) {
    }

    /**
     * Finds the quoted strings of master-file text (RFC 1035 §5.1: {@code "..."} with {@code \X} and {@code \DDD}
     * escapes; {@code ;} starts a comment outside quotes) longer than {@value #MAX_OCTETS} octets, and rewrites each
     * as several adjacent quoted strings of at most {@value #MAX_OCTETS} octets, never splitting an escape. Adjacent
     * strings of one TXT record are joined again by the resolver (RFC 7208 §3.3, RFC 6376 §3.6.2.2), so the records
     * keep their value. Line breaks are kept, so dnsjava's line numbers stay right.
     */
    static Scan scan(byte[] zone) {
        List<OversizedTxtString> found = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream(zone.length + 16);
        int line = 1;
        int i = 0;
        while (i < zone.length) {
            byte b = zone[i];
            if (b == ';') {
                while (i < zone.length && zone[i] != '\n') {
                    out.write(zone[i++]);
                }
            } else if (b == '"') {
                int start = line;
                List<byte[]> units = new ArrayList<>();
                int octets = 0;
                ByteArrayOutputStream decoded = new ByteArrayOutputStream();
                i++;
                while (i < zone.length && zone[i] != '"') {
                    int length = zone[i] == '\\' ? escapeLength(zone, i) : 1;
                    byte[] unit = Arrays.copyOfRange(zone, i, Math.min(zone.length, i + length));
                    for (byte u : unit) {
                        line += u == '\n' ? 1 : 0;
                    }
                    units.add(unit);
                    decoded.write(decode(unit));
                    octets++;
                    i += length;
                }
                if (i >= zone.length) { // unterminated: left as written, for dnsjava to report
                    out.write('"');
                    units.forEach(out::writeBytes);
                    continue;
                }
                i++; // the closing quote
                writeStrings(out, units);
                if (octets > MAX_OCTETS) {
                    found.add(new OversizedTxtString(start, octets, decoded.toString(StandardCharsets.UTF_8)));
                }
                continue;
            } else {
                line += b == '\n' ? 1 : 0;
                out.write(b);
                i++;
            }
        }
        return new Scan(List.copyOf(found), out.toByteArray());
    }

    /** {@code \DDD} is four bytes, {@code \X} two (RFC 1035 §5.1). */
    private static int escapeLength(byte[] zone, int at) {
        boolean digits = at + 3 < zone.length && isDigit(zone[at + 1]) && isDigit(zone[at + 2])
                && isDigit(zone[at + 3]);
        return digits ? 4 : 2;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static int decode(byte[] unit) {
        if (unit.length == 4) {
            return Integer.parseInt(new String(unit, 1, 3, StandardCharsets.US_ASCII)) & 0xFF;
        }
        return unit[unit.length - 1] & 0xFF;
    }

    /** The units as quoted strings of at most {@value #MAX_OCTETS} octets each, separated by a space. */
    private static void writeStrings(ByteArrayOutputStream out, List<byte[]> units) {
        out.write('"');
        for (int n = 0; n < units.size(); n++) {
            if (n > 0 && n % MAX_OCTETS == 0) {
                out.writeBytes("\" \"".getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes(units.get(n));
        }
        out.write('"');
    }
}
