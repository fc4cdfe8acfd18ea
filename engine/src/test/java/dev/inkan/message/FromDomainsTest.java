package dev.inkan.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.DefaultAddressParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FromDomainsTest {

    private static FromDomains of(String... fields) {
        List<HeaderField> list = new ArrayList<>();
        for (String field : fields) {
            list.add(new HeaderField((field + "\r\n").getBytes(StandardCharsets.UTF_8)));
        }
        return FromDomains.of(new HeaderBlock(list));
    }

    /** The plain forms are read without Mime4j, and must read exactly as Mime4j's strict parser reads them. */
    @ParameterizedTest
    @ValueSource(strings = {"joe@example.com", "Joe <joe@Example.COM>",
            "<joe@example.com>", "Joe<joe@example.com>", "Joe  Q\tPublic   <joe.q.public@mail.example.com>",
            "=?utf-8?q?J=C3=B6rg?= <j@example.com>", "a@b", "o'brien+tag@x-y.example", "{x}|~@example.com"})
    void plain_mailboxes_are_read_as_mime4j_reads_them(String value) throws Exception {
        String plain = FromDomains.plainMailboxDomain(value);
        assertThat(plain).isNotNull();
        List<Mailbox> mailboxes = DefaultAddressParser.DEFAULT.parseAddressList(value).flatten();
        assertThat(mailboxes).hasSize(1);
        assertThat(plain).isEqualTo(mailboxes.get(0).getDomain());
        assertThat(of("From: " + value).domains()).containsExactly(plain.toLowerCase(Locale.ROOT));
    }

    /** Anything else goes to Mime4j: quotes, comments, lists, groups, dots in names, brackets, white space inside. */
    @ParameterizedTest
    @ValueSource(strings = {"\"Joe, Q.\" <joe@example.com>", "joe@example.com (Joe)",
            "a@one.example, b@two.example", "team: a@one.example;", "Joe Q. Public <joe@example.com>",
            "<joe @example.com>", "joe@[192.0.2.1]", "a..b@example.com", ".a@example.com", "a@example.com.",
            "@example.com", "joe@", "a@b@c", "joe@example.com>", "Joe <joe@example.com", "x <a@b> <c@d>",
            "j\u00f6rg@example.com", "\"quoted\"@example.com", "Joe (c) <joe@example.com>", ""})
    void other_forms_are_left_to_mime4j(String value) {
        assertThat(FromDomains.plainMailboxDomain(value)).isNull();
    }

    @Test
    void one_mailbox_in_rfc5322_syntax() {
        FromDomains from = of("From: \"Joe, Q.\" <joe@Example.COM> (comment)");
        assertThat(from.fields()).isEqualTo(1);
        assertThat(from.domains()).containsExactly("example.com");
        assertThat(from.lenient()).isFalse();
    }

    @Test
    void every_field_and_mailbox_counts_groups_flattened() {
        FromDomains from = of("From: a@one.example, team: b@two.example, c@one.example;", "Subject: x",
                "From: d@three.example");
        assertThat(from.fields()).isEqualTo(2);
        assertThat(from.domains()).containsExactly("one.example", "two.example", "one.example", "three.example");
        assertThat(from.distinctDomains()).containsExactly("one.example", "two.example", "three.example");
    }

    @Test
    void empty_groups_and_bare_names_have_no_domain() {
        assertThat(of("From: undisclosed-recipients:;").domains()).isEmpty();
        FromDomains bare = of("From: just a name");
        assertThat(bare.domains()).isEmpty();
        assertThat(bare.withoutDomain()).isEqualTo(1);
        assertThat(of("Subject: none").fields()).isZero();
    }

    @Test
    void encoded_words_in_display_names_are_fine_and_never_decoded_in_addresses() {
        assertThat(of("From: =?UTF-8?B?5Y2w6ZGR?= <a@b.example>").domains()).containsExactly("b.example");
        assertThat(of("From: a@=?utf-8?q?x?=.example").domains()).containsExactly("=?utf-8?q?x?=.example");
    }

    @Test
    void utf8_headers_rfc6532_keep_their_unicode_domain() {
        FromDomains from = of("From: Jörg <jörg@bücher.example>");
        assertThat(from.domains()).containsExactly("bücher.example");
    }

    @Test
    void broken_syntax_is_read_leniently_so_the_domain_is_not_lost() {
        FromDomains from = of("From: <<<><joe@joe.com>>>");
        assertThat(from.domains()).containsExactly("joe.com");
        assertThat(from.lenient()).isTrue();
    }

    @Test
    void utf8_addresses_are_well_formed_under_rfc6532() {
        FromDomains from = of("From: Jörg <jörg@bücher.example>");
        assertThat(from.domains()).containsExactly("bücher.example");
        assertThat(from.lenient()).isFalse();
        assertThat(of("From: Jörg <<jörg@bücher.example>").lenient()).as("UTF-8 and broken").isTrue();
    }

    @Test
    void folded_fields_unfold() {
        assertThat(of("From: Joe\r\n <joe@example.com>").domains()).containsExactly("example.com");
    }
}
