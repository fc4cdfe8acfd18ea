package dev.inkan.s25r;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.net.IpLiteral;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S25rListTest {

    private static InetAddress ip(String text) {
        return IpLiteral.parse(text).orElseThrow();
    }

    @Test
    void address_blocks_match_addresses_only() {
        S25rList list = S25rList.parse("192.0.2.0/24, 2001:db8::/32 198.51.100.7");
        assertThat(list.size()).isEqualTo(3);
        assertThat(list.matchAddress(ip("192.0.2.99"))).hasValue("192.0.2.0/24");
        assertThat(list.matchAddress(ip("::ffff:192.0.2.1"))).hasValue("192.0.2.0/24");
        assertThat(list.matchAddress(ip("2001:db8:1::25"))).hasValue("2001:db8::/32");
        assertThat(list.matchAddress(ip("198.51.100.7"))).hasValue("198.51.100.7");
        assertThat(list.matchAddress(ip("198.51.100.8"))).isEmpty();
        assertThat(list.matchName("192.0.2.99")).isEmpty();
    }

    @Test
    void domains_match_the_name_and_every_name_below_it() {
        S25rList list = S25rList.parse(".google.com example.jp.");
        assertThat(list.matchName("mail-gx0-f21.google.com")).hasValue(".google.com");
        assertThat(list.matchName("google.com")).hasValue(".google.com");
        assertThat(list.matchName("MX1.Example.JP")).hasValue("example.jp.");
        assertThat(list.matchName("notexample.jp")).isEmpty();
        assertThat(list.matchName("example.jp.evil.example")).isEmpty();
        assertThat(list.matchAddress(ip("192.0.2.1"))).isEmpty();
    }

    @Test
    void regular_expressions_match_the_name_or_the_address_text_ignoring_case() {
        S25rList list = S25rList.parse("/^mail[0-9]{1,3}\\.example\\.jp$/,/^192\\.0\\.2\\.7$/");
        assertThat(list.size()).as("the comma inside {1,3} does not split the entry").isEqualTo(2);
        assertThat(list.matchName("MAIL12.example.jp")).hasValue("/^mail[0-9]{1,3}\\.example\\.jp$/");
        assertThat(list.matchName("mail1234.example.jp")).isEmpty();
        assertThat(list.matchAddress(ip("192.0.2.7"))).hasValue("/^192\\.0\\.2\\.7$/");
        assertThat(list.matchAddress(ip("192.0.2.70"))).isEmpty();
    }

    @Test
    void a_postfix_white_list_file_loads_as_it_is(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("white_list"), """
                # S25R client permission specifications for Postfix
                #/^223-123-45-67\\.example\\.net$/ OK

                /\\.google\\.com$/ OK
                /^223\\.123\\.45\\.67$/     OK
                203.0.113.0/24
                example.co.jp  # a comment after the entry
                """);
        S25rList list = S25rList.read(file);
        assertThat(list.size()).isEqualTo(4);
        assertThat(list.matchName("mail-gx0-f21.google.com")).hasValue("/\\.google\\.com$/");
        assertThat(list.matchAddress(ip("223.123.45.67"))).hasValue("/^223\\.123\\.45\\.67$/");
        assertThat(list.matchAddress(ip("203.0.113.9"))).hasValue("203.0.113.0/24");
        assertThat(list.matchName("smtp.example.co.jp")).hasValue("example.co.jp");
        assertThat(list.matchName("223-123-45-67.example.net")).as("a commented-out line").isEmpty();
    }

    @Test
    void a_bad_entry_is_named() {
        assertThatThrownBy(() -> S25rList.parse("example.jp, /[a-z/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'/[a-z/' is not a valid regular expression");
        assertThatThrownBy(() -> S25rList.parse("192.0.2.0/33")).hasMessageContaining("'192.0.2.0/33' is neither");
        assertThatThrownBy(() -> S25rList.parse("192.0.2")).hasMessageContaining("'192.0.2' is neither");
        assertThatThrownBy(() -> S25rList.parse("mail@example.jp")).hasMessageContaining("is neither");
        assertThatThrownBy(() -> S25rList.parse("/unclosed")).hasMessageContaining("is not a /regular expression/");
        assertThatThrownBy(() -> S25rList.parse("//")).hasMessageContaining("is not a /regular expression/");
    }

    @Test
    void a_bad_line_of_a_file_is_named_by_its_number(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("deny"), "# deny\nexample.jp\n10.0.0.0/99 REJECT\n");
        assertThatThrownBy(() -> S25rList.read(file)).hasMessageStartingWith("line 3: '10.0.0.0/99' is neither");
    }
}
