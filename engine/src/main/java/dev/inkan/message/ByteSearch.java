package dev.inkan.message;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte searches eight bytes at a time (SWAR): most bytes of a message need no work, so the scans that find the
 * few that do read whole little-endian words. The classic "has a byte less than n" test flags the lowest
 * matching byte of a word exactly (a borrow only runs upwards from a matching byte).
 */
final class ByteSearch {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LF_BYTES = 0x0a0a0a0a0a0a0a0aL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_SEVEN_BITS = 0x7f7f7f7f7f7f7f7fL;
    private static final long ABOVE_SPACE_CARRY = 0x5f5f5f5f5f5f5f5fL;

    private ByteSearch() {
    }

    /** The index of the next LF in {@code [from, end)}, or {@code end}. */
    static int nextLf(byte[] b, int from, int end) {
        int i = from;
        for (; i + 8 <= end; i += 8) {
            long x = (long) LONGS.get(b, i) ^ LF_BYTES;
            long found = (x - LOW_BITS) & ~x & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < end; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return end;
    }

    /**
     * The index of the next byte in {@code [from, end)} that relaxed body canonicalization may have to change or
     * hold back, or {@code end}: a control character (0x00–0x1F: TAB, CR, LF and the rare others), or SP unless the
     * byte after it is above 0x20 (SP before white space, a line end or the end of the range). Printable ASCII,
     * 8-bit bytes and a single SP between them never stop the search, so ordinary prose only stops at line ends.
     *
     * <p>Per word: {@code t} has the high bit of each byte set when that byte is above 0x20 (the low seven bits
     * plus 0x5F carry into bit 7 from 0x21 on, masked first so no byte carries into its neighbour; OR-ing the
     * word itself counts 8-bit bytes as above). The same for the word one byte further on gives "the next byte
     * is above 0x20". Among bytes up to 0x20 only SP has bit 5 set, so shifting the word left by two puts "is
     * SP" into bit 7 of each such byte. A byte stops the search when it is neither above 0x20 nor an SP whose
     * next byte is. The result is exact, so the first match is the lowest flagged byte.
     */
    static int nextRelaxedStop(byte[] b, int from, int end) {
        int i = from;
        // Four words per round, tested together: one branch per 32 bytes instead of four. Prose has a line end
        // every 60-75 bytes, so most rounds find nothing and the few that do are resolved word by word below.
        for (; i + 33 <= end; i += 32) {
            long any = relaxedStops(b, i) | relaxedStops(b, i + 8) | relaxedStops(b, i + 16) | relaxedStops(b, i + 24);
            if (any != 0) {
                break;
            }
        }
        for (; i + 9 <= end; i += 8) {
            long found = relaxedStops(b, i);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < end; i++) {
            byte c = b[i];
            if (c >= 0 && c <= ' ' && !(c == ' ' && i + 1 < end && isAboveSpace(b[i + 1]))) {
                return i;
            }
        }
        return end;
    }

    /** The high bit of each of the eight bytes from {@code i} that stops {@link #nextRelaxedStop}; reads nine. */
    private static long relaxedStops(byte[] b, int i) {
        long x = (long) LONGS.get(b, i);
        long next = (long) LONGS.get(b, i + 1);
        long above = ((x & LOW_SEVEN_BITS) + ABOVE_SPACE_CARRY) | x;
        long nextAbove = ((next & LOW_SEVEN_BITS) + ABOVE_SPACE_CARRY) | next;
        return ~(above | ((x << 2) & nextAbove)) & HIGH_BITS;
    }

    /** Printable ASCII other than SP, DEL, or an 8-bit byte. */
    static boolean isAboveSpace(byte c) {
        return c > ' ' || c < 0;
    }
}
