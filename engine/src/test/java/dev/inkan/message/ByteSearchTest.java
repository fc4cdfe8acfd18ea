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
    void the_space_or_control_search_stops_at_0x00_to_0x20_only() {
        check((b, from, end) -> ByteSearch.nextSpaceOrControl(b, from, end), c -> c >= 0 && c <= 0x20);
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
