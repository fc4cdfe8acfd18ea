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
    private static final long EXCLAMATION_BYTES = 0x2121212121212121L;

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
     * The bytes relaxed body canonicalization may have to change or hold back among the eight from {@code i}
     * (reads nine: the ninth is only looked at as the next byte): the high bit of each flagged byte's lane, lane 0
     * lowest. Flagged: every control character (0x00–0x1F: TAB, CR, LF and the rare others), and SP unless the
     * next byte is above 0x20 (SP before white space or a line end). Printable ASCII, 8-bit bytes and a single SP
     * between them are not, so in prose only line ends are.
     *
     * <p>Three operations find the bytes up to 0x20, the classic "has a byte less than n" test: {@code (x - 0x21..)
     * & ~x} sets the high bit of every such byte (8-bit bytes excluded by {@code ~x}). Its borrow runs upwards, so a
     * '!' (0x21) right after such a byte is flagged too; that costs a needless stop now and then, never a missed
     * one (the caller must take any flagged byte as a place to look, not as proof). Among the bytes up to 0x20 only
     * SP has bit 5 set: shifting the word left by two puts "is SP" into bit 7 of its lane, and SP is cleared where
     * the next byte (the same test on the word one byte on) is above 0x20.
     */
    static long relaxedStopCandidates(byte[] b, int i) {
        long x = (long) LONGS.get(b, i);
        long next = (long) LONGS.get(b, i + 1);
        long upToSpace = (x - EXCLAMATION_BYTES) & ~x;
        long nextUpToSpace = (next - EXCLAMATION_BYTES) & ~next;
        return upToSpace & ~((x << 2) & ~nextUpToSpace) & HIGH_BITS;
    }

    /**
     * The lanes of a word whose flags are in each byte's high bit, as the low eight bits of an int (lane 0 is bit 0).
     * The multiplication moves bit 8k to bit 56 + k: each flag meets exactly one byte of the constant there and the
     * partial products never overlap, so nothing carries.
     */
    static int lanes(long highBits) {
        return (int) (((highBits >>> 7) * 0x0102040810204080L) >>> 56);
    }

    /** Printable ASCII other than SP, DEL, or an 8-bit byte. */
    static boolean isAboveSpace(byte c) {
        return c > ' ' || c < 0;
    }
}
