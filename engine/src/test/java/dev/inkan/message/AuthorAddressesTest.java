package dev.inkan.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorAddressesTest {

    private static List<String> authors(String... fields) {
        List<HeaderField> list = new java.util.ArrayList<>();
        for (String f : fields) {
            list.add(HeaderField.of(f));
        }
        return AuthorAddresses.of(new HeaderBlock(list));
    }

    @Test
    void display_names_comments_encoded_words_and_folding() {
        assertThat(authors("From: \"Joe, Q.\" <joe@Example.COM>")).containsExactly("joe@example.com");
        assertThat(authors("From: =?UTF-8?B?5Y2w6ZGR?= <a@b.example> (comment)")).containsExactly("a@b.example");
        assertThat(authors("From: joe@example.com (Joe)")).containsExactly("joe@example.com");
        assertThat(authors("From: Joe\r\n <joe@example.com>")).containsExactly("joe@example.com");
    }

    @Test
    void several_mailboxes_groups_and_several_fields() {
        assertThat(authors("From: a@one.example, b@two.example")).containsExactly("a@one.example", "b@two.example");
        assertThat(authors("From: team: a@one.example, b@two.example;")).containsExactly("a@one.example", "b@two.example");
        assertThat(authors("From: a@one.example", "Subject: x", "From: c@three.example"))
                .containsExactly("a@one.example", "c@three.example");
    }

    @Test
    void no_from_or_no_address_gives_nothing() {
        assertThat(authors("Subject: x")).isEmpty();
        assertThat(authors("From: undisclosed-recipients:;")).isEmpty();
        assertThat(authors("From: just a name")).isEmpty();
    }
}
