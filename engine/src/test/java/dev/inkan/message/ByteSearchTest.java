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

    @Test
    void the_relaxed_stop_search_skips_content_and_single_spaces_before_content_only() {
        check((b, from, end) -> ByteSearch.nextRelaxedStop(b, from, end), (b, k, end) -> b[k] >= 0 && b[k] <= 0x20
                && !(b[k] == ' ' && k + 1 < end && (b[k + 1] < 0 || b[k + 1] > 0x20)));
    }

    /**
     * Every pair of byte values at every position of a 32-byte round of four words, of the single words after it
     * and of the bytes at the end, including across each boundary.
     */
    @Test
    void the_relaxed_stop_search_is_exact_for_every_pair_of_bytes_in_every_lane() {
        byte[] b = new byte[44];
        for (int at = 0; at + 1 < b.length; at++) {
            for (int first = 0; first < 256; first++) {
                for (int second = 0; second < 256; second++) {
                    Arrays.fill(b, (byte) 'a');
                    b[at] = (byte) first;
                    b[at + 1] = (byte) second;
                    int expected = b.length;
                    for (int k = 0; k < b.length; k++) {
                        if (b[k] >= 0 && b[k] <= 0x20
                                && !(b[k] == ' ' && k + 1 < b.length && (b[k + 1] < 0 || b[k + 1] > 0x20))) {
                            expected = k;
                            break;
                        }
                    }
                    int found = ByteSearch.nextRelaxedStop(b, 0, b.length);
                    if (found != expected) {
                        assertThat(found).as("0x%02x 0x%02x at %d", first, second, at).isEqualTo(expected);
                    }
                }
            }
        }
    }

    /** Whether byte {@code k} of {@code b[..end)} matches. */
    private interface Match {
        boolean test(byte[] b, int k, int end);
    }

    private static void check(Search search, IntPredicate matches) {
        check(search, (b, k, end) -> matches.test(b[k]));
    }

    private interface Search {
        int next(byte[] b, int from, int end);
    }

    /** Random arrays of the bytes next to the boundaries, every start and a random end: the first match or end. */
    private static void check(Search search, Match matches) {
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
                    if (matches.test(b, k, end)) {
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
