package dev.inkan.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class ByteSearchTest {

    private static final byte[] ALPHABET = {'\n', '\r', 0x01, 0x0b, (byte) 0x8a, (byte) 0xff, (byte) 0xa0, 'a', ' ', '!',
        0x00, 0x09, 0x20, 0x21, 0x7f};

    @Test
    void the_lf_search_finds_every_lf_exactly() {
        check((b, from, end) -> ByteSearch.nextLf(b, from, end), c -> c == '\n');
    }

    /** Every pair of byte values at every pair of neighbouring lanes, the ninth byte (the next one) included. */
    @Test
    void relaxed_stop_candidates_flag_every_stop_and_only_a_rare_exclamation_mark_besides() {
        byte[] b = new byte[9];
        for (int at = 0; at < 8; at++) {
            for (int first = 0; first < 256; first++) {
                for (int second = 0; second < 256; second++) {
                    Arrays.fill(b, (byte) 'a');
                    b[at] = (byte) first;
                    b[at + 1] = (byte) second;
                    checkCandidates(b);
                }
            }
        }
        Random random = new Random(6376);
        for (int round = 0; round < 200_000; round++) {
            for (int k = 0; k < b.length; k++) {
                b[k] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            checkCandidates(b);
        }
    }

    private static void checkCandidates(byte[] b) {
        long flags = ByteSearch.relaxedStopCandidates(b, 0);
        for (int k = 0; k < 8; k++) {
            boolean flagged = (flags >>> (8 * k) & 0xff) == 0x80;
            boolean stop = b[k] >= 0 && b[k] <= 0x20 && !(b[k] == ' ' && (b[k + 1] < 0 || b[k + 1] > 0x20));
            boolean exclamation = b[k] == '!' || b[k] == ' ' && b[k + 1] == '!';
            if (flagged != stop && !(flagged && exclamation)) {
                assertThat(flagged).as("lane %d of %s", k, Arrays.toString(b)).isEqualTo(stop);
            }
        }
        assertThat(flags & ~0x8080808080808080L).isZero();
    }

    @Test
    void lanes_gathers_the_high_bits_in_order() {
        Random random = new Random(1);
        for (int round = 0; round < 10_000; round++) {
            int expected = random.nextInt(256);
            long highBits = 0;
            for (int k = 0; k < 8; k++) {
                if ((expected >>> k & 1) != 0) {
                    highBits |= 0x80L << (8 * k);
                }
            }
            assertThat(ByteSearch.lanes(highBits)).isEqualTo(expected);
        }
    }

    private interface Search {
        int next(byte[] b, int from, int end);
    }

    /** Random arrays of the bytes next to the boundaries, every start and a random end: the first match or end. */
    private static void check(Search search, IntPredicate matches) {
        Random random = new Random(7208);
        for (int round = 0; round < 3000; round++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int k = 0; k < b.length; k++) {
                b[k] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            int end = b.length == 0 ? 0 : random.nextInt(b.length + 1);
            for (int from = 0; from <= end; from++) {
                int expected = end;
                for (int k = from; k < end; k++) {
                    if (matches.test(b[k])) {
                        expected = k;
                        break;
                    }
                }
                assertThat(search.next(b, from, end)).as(Arrays.toString(b) + " from " + from + " to " + end)
                        .isEqualTo(expected);
            }
        }
    }
}
