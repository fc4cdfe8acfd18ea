package dev.inkan.senderid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.message.HeaderBlock;
import dev.inkan.message.HeaderField;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 4407 §2, step by step: which field gives the PRA, and when there is none. */
class PraSelectorTest {

    private static final String RECEIVED = "Received: from a.example by b.example; Mon, 1 Jan 2024 00:00:00 +0000";

    /** name, header fields top to bottom (separated by "|"), expected "Header address" or "none: problem part". */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("from only (step 4)", "From: joe@example.com|To: x@example.net", "From joe@example.com"),
                Arguments.of("sender before from (step 3)", "From: joe@example.com|Sender: list@lists.example.org",
                        "Sender list@lists.example.org"),
                Arguments.of("two senders: none, even with one From (step 3 -> 6)",
                        "Sender: a@example.org|Sender: b@example.org|From: joe@example.com", "none: 2 non-empty Sender"),
                Arguments.of("empty sender ignored", "Sender:   \t|From: joe@example.com", "From joe@example.com"),
                Arguments.of("folded white space only sender ignored", "Sender: \r\n \t|From: joe@example.com",
                        "From joe@example.com"),
                Arguments.of("two froms: none (step 4 -> 6)", "From: a@example.com|From: b@example.com",
                        "none: 2 non-empty From"),
                Arguments.of("no from at all", "Subject: hi|To: x@example.net", "none: 0 non-empty From"),
                Arguments.of("resent-from before sender (step 2)",
                        "Resent-From: fwd@forwarder.example|" + RECEIVED + "|Sender: s@example.org|From: joe@example.com",
                        "Resent-From fwd@forwarder.example"),
                Arguments.of("resent-sender of the same block (step 1)",
                        "Resent-From: a@forwarder.example|Resent-Sender: b@forwarder.example|" + RECEIVED
                                + "|From: joe@example.com", "Resent-Sender b@forwarder.example"),
                Arguments.of("resent-sender of an older block: Received between (step 1 -> 2)",
                        "Resent-From: new@forwarder.example|" + RECEIVED + "|Resent-Sender: old@older.example|"
                                + "Resent-From: old-from@older.example|From: joe@example.com",
                        "Resent-From new@forwarder.example"),
                Arguments.of("resent-sender of an older block: Return-Path between (step 1 -> 2)",
                        "Resent-From: new@forwarder.example|Return-Path: <x@y.example>|Resent-Sender: old@older.example"
                                + "|From: joe@example.com", "Resent-From new@forwarder.example"),
                Arguments.of("resent-sender above its resent-from", "Resent-Sender: s@forwarder.example|" + RECEIVED
                        + "|Resent-From: f@forwarder.example|From: joe@example.com", "Resent-Sender s@forwarder.example"),
                Arguments.of("empty resent-from does not block the resent-sender", "Resent-From:  |" + RECEIVED
                        + "|Resent-Sender: s@forwarder.example|From: joe@example.com", "Resent-Sender s@forwarder.example"),
                Arguments.of("first of several resent-from", "Resent-From: first@a.example|" + RECEIVED
                        + "|Resent-From: second@b.example|From: joe@example.com", "Resent-From first@a.example"),
                Arguments.of("malformed resent-sender: none, no fall-back (step 5 -> 6)",
                        "Resent-Sender: a@x.example, b@y.example|From: joe@example.com", "none: Resent-Sender holds 2"),
                Arguments.of("two mailboxes in from", "From: a@example.com, b@example.com", "none: From holds 2"),
                Arguments.of("empty group in from", "From: Undisclosed recipients:;", "none: From holds 0"),
                Arguments.of("group of one mailbox", "From: Team: joe@example.com;", "From joe@example.com"),
                Arguments.of("no domain", "From: joe", "none: From is not a valid address"),
                Arguments.of("no domain, 8-bit (read leniently)", "From: j\u00f6e", "none: From has no domain"),
                Arguments.of("hopelessly malformed", "From: <<<joe@", "none: From is not a valid address"),
                Arguments.of("display name, comment, case of the domain kept",
                        "From: \"Joe Q. Public\" <joe@Example.COM> (home)", "From joe@Example.COM"),
                Arguments.of("folded", "From: Joe Public\r\n <joe@example.com>", "From joe@example.com"),
                Arguments.of("field names are case-insensitive", "SENDER: s@example.org|fRoM: joe@example.com",
                        "Sender s@example.org"),
                Arguments.of("quoted local-part", "From: \"joe smith\"@example.com", "From joe smith@example.com"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void selects(String name, String fields, String expected) {
        PraSelection selection = PraSelector.select(headers(fields.split("\\|")));
        if (expected.startsWith("none: ")) {
            assertThat(selection.found()).as(String.valueOf(selection.pra())).isFalse();
            assertThat(selection.problem()).contains(expected.substring("none: ".length())).contains("RFC 4407 2");
        } else {
            assertThat(selection.found()).as(selection.problem()).isTrue();
            assertThat(selection.pra().header().fieldName() + " " + selection.pra().address()).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("utf8")
    void internationalisedMailbox(String field, String expected) {
        PraSelection selection = PraSelector.select(new HeaderBlock(
                List.of(new HeaderField((field + "\r\n").getBytes(StandardCharsets.UTF_8)))));
        assertThat(selection.found()).as(selection.problem()).isTrue();
        assertThat(selection.pra().address()).isEqualTo(expected);
    }

    static Stream<Arguments> utf8() {
        return Stream.of(Arguments.of("From: Jöe <jöe@example.com>", "jöe@example.com"),
                Arguments.of("From: Jöe Public <joe@example.com>", "joe@example.com"));
    }

    static HeaderBlock headers(String... texts) {
        List<HeaderField> fields = new ArrayList<>();
        for (String text : texts) {
            fields.add(HeaderField.of(text));
        }
        return new HeaderBlock(fields);
    }
}
