package dev.inkan.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Zone files with TXT strings over 255 bytes: refused when strict (as BIND does), read and listed for diagnosis. */
class OversizedTxtStringTest {

    static final String LONG = "v=DKIM1; p=" + "A".repeat(300);

    @Test
    void a_strict_load_refuses_the_zone_with_the_line() {
        assertThatThrownBy(() -> ZoneFileResolver.fromText("; one\nk.example. IN TXT \"" + LONG + "\"\n"))
                .isInstanceOf(ZoneFileException.class).hasMessageContaining("line 2");
    }

    @Test
    void splitting_keeps_the_value_and_lists_the_string_with_its_line() throws ZoneFileException {
        String zone = "$ORIGIN example.\n; \"quoted comment\n"
                + "k IN TXT ( \"short\"\n  \"" + LONG + "\" )\nok IN TXT \"fine\"\n";
        ZoneFileResolver dns = ZoneFileResolver.fromTextSplittingLongStrings(zone);
        assertThat(dns.txt("k.example").records()).containsExactly("short" + LONG);
        assertThat(dns.txt("ok.example").records()).containsExactly("fine");
        assertThat(dns.oversizedTxtStrings()).containsExactly(new OversizedTxtString(4, LONG.length(), LONG));
    }

    @Test
    void escapes_count_as_one_byte_and_are_never_split() throws ZoneFileException {
        String escaped = "\\\"" + "\\065".repeat(254) + "\\;x";  // 1 + 254 + 2 = 257 bytes
        ZoneFileResolver dns = ZoneFileResolver.fromTextSplittingLongStrings("e.example. IN TXT \"" + escaped + "\"\n");
        String value = "\"" + "A".repeat(254) + ";x";
        assertThat(dns.txt("e.example").records()).containsExactly(value);
        assertThat(dns.oversizedTxtStrings()).extracting(OversizedTxtString::octets).containsExactly(257);
    }

    @Test
    void strings_up_to_255_bytes_are_not_listed_and_other_errors_still_fail() throws ZoneFileException {
        assertThat(ZoneFileResolver.fromTextSplittingLongStrings("a.example. IN TXT \"" + "x".repeat(255) + "\"\n")
                .oversizedTxtStrings()).isEmpty();
        assertThatThrownBy(() -> ZoneFileResolver.fromTextSplittingLongStrings("a.example. IN TXT \"open\n"))
                .isInstanceOf(ZoneFileException.class);
        assertThatThrownBy(() -> ZoneFileResolver.fromTextSplittingLongStrings("a.example. IN A 300.1.1.1\n"))
                .isInstanceOf(ZoneFileException.class);
        assertThat(ZoneFileResolver.fromText("a.example. IN TXT \"x\"\n").oversizedTxtStrings()).isEqualTo(List.of());
    }
}
