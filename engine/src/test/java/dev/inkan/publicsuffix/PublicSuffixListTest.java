package dev.inkan.publicsuffix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicSuffixListTest {

    private static final PublicSuffixList LIST = PublicSuffixList.parse("""
            // comment lines and blank lines are ignored

            // ===BEGIN ICANN DOMAINS===
            com
            uk
            co.uk
            jp
            kobe.jp
            *.kobe.jp
            !city.kobe.jp
            公司.cn
            cn
            example.org  trailing words after white space are ignored
            // ===BEGIN PRIVATE DOMAINS===
            blogspot.com
            """, "test");

    @Test
    void plain_rules_pick_the_longest_match() {
        assertThat(LIST.registrableDomain("www.example.co.uk")).contains("example.co.uk");
        assertThat(LIST.publicSuffix("www.example.co.uk")).contains("co.uk");
        assertThat(LIST.registrableDomain("example.com")).contains("example.com");
        assertThat(LIST.registrableDomain("a.b.example.com")).contains("example.com");
        assertThat(LIST.registrableDomain("co.uk")).isEmpty();
        assertThat(LIST.isPublicSuffix("co.uk")).isTrue();
        assertThat(LIST.registrableDomain("x.example.org")).contains("x.example.org");
    }

    @Test
    void private_section_rules_count_too() {
        assertThat(LIST.registrableDomain("me.blogspot.com")).contains("me.blogspot.com");
    }

    @Test
    void wildcards_and_exceptions() {
        assertThat(LIST.registrableDomain("c.kobe.jp")).isEmpty();
        assertThat(LIST.registrableDomain("b.c.kobe.jp")).contains("b.c.kobe.jp");
        assertThat(LIST.registrableDomain("a.b.c.kobe.jp")).contains("b.c.kobe.jp");
        assertThat(LIST.registrableDomain("city.kobe.jp")).contains("city.kobe.jp");
        assertThat(LIST.registrableDomain("www.city.kobe.jp")).contains("city.kobe.jp");
    }

    @Test
    void unlisted_top_level_domains_follow_the_default_rule() {
        assertThat(LIST.registrableDomain("example")).isEmpty();
        assertThat(LIST.registrableDomain("a.b.example")).contains("b.example");
    }

    @Test
    void unicode_rules_match_both_forms_and_answers_keep_the_input_form() {
        assertThat(LIST.registrableDomain("www.食狮.公司.cn")).contains("食狮.公司.cn");
        assertThat(LIST.registrableDomain("www.xn--85x722f.xn--55qx5d.cn")).contains("xn--85x722f.xn--55qx5d.cn");
    }

    @Test
    void case_trailing_dot_and_non_domains() {
        assertThat(LIST.registrableDomain("WwW.Example.COM")).contains("example.com");
        assertThat(LIST.registrableDomain("www.example.com.")).contains("example.com");
        assertThat(LIST.registrableDomain(".example.com")).isEmpty();
        assertThat(LIST.registrableDomain("a..example.com")).isEmpty();
        assertThat(LIST.registrableDomain("")).isEmpty();
        assertThat(LIST.registrableDomain(null)).isEmpty();
    }

    @Test
    void malformed_rules_and_empty_lists_are_refused_with_the_line() {
        assertThatThrownBy(() -> PublicSuffixList.parse("com\nfoo..bar\n", "bad.dat"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.dat line 2");
        assertThatThrownBy(() -> PublicSuffixList.parse("com\nwww.*.example\n", "bad.dat"))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> PublicSuffixList.parse("// only comments\n", "empty.dat"))
                .hasMessageContaining("no rules");
    }

    @Test
    void the_bundled_snapshot_is_debians_and_operators_can_replace_it(@TempDir Path dir) throws IOException {
        PublicSuffixList bundled = PublicSuffixList.bundled();
        assertThat(bundled.source()).isEqualTo("bundled");
        assertThat(bundled.size()).isGreaterThan(9000);
        assertThat(bundled.registrableDomain("www.example.co.uk")).contains("example.co.uk");
        for (String file : new String[] {"PROVENANCE.txt", "LICENSE-MPL-2.0.txt"}) {
            assertThat(PublicSuffixList.class.getResource(file)).as(file).isNotNull();
        }

        Path replacement = dir.resolve("psl.dat");
        Files.writeString(replacement, "example\n", StandardCharsets.UTF_8);
        PublicSuffixList own = PublicSuffixList.load(replacement);
        assertThat(own.source()).isEqualTo(replacement.toString());
        assertThat(own.registrableDomain("a.b.example")).contains("b.example");
        assertThat(own.registrableDomain("www.example.co.uk")).contains("co.uk");
    }
}
