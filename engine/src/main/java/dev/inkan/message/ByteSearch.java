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
    private static final long BELOW_EXCLAMATION = 0x2121212121212121L;

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
     * The index of the next byte in {@code [from, end)} that is SP or a control character (0x00–0x20), or
     * {@code end}; 8-bit bytes do not count.
     */
    static int nextSpaceOrControl(byte[] b, int from, int end) {
        int i = from;
        for (; i + 8 <= end; i += 8) {
            long x = (long) LONGS.get(b, i);
            long found = (x - BELOW_EXCLAMATION) & ~x & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < end; i++) {
            byte c = b[i];
            if (c >= 0 && c <= ' ') {
                return i;
            }
        }
        return end;
    }
}
