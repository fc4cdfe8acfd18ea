package dev.inkan.spf;

import static dev.inkan.spf.SpfTestDns.evaluator;
import static dev.inkan.spf.SpfTestDns.ip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dns.ScriptedResolver;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Received-SPF (RFC 7208 §9.1): the keys, quoting, folding and reading back. */
class ReceivedSpfFieldTest {

    static final ScriptedResolver DNS = ScriptedResolver.empty()
            .txt("example.com", "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all")
            .txt("bad.example.com", "v=spf1 ip4:192.0.2.0/24 moo -all")
            .txt("mail.example.com", "v=spf1 a -all").a("mail.example.com", "192.0.2.1");

    @Test
    void passForMailFrom() {
        SpfVerdict verdict = evaluator(DNS).checkMailFrom(ip("192.0.2.1"), "mail.example.com", "bob@example.com");
        assertThat(verdict.receivedSpf().value()).isEqualTo("pass (mx.receiver.example: domain of bob@example.com"
                + " designates 192.0.2.1 as permitted sender) client-ip=192.0.2.1;"
                + " envelope-from=\"bob@example.com\"; helo=mail.example.com; receiver=mx.receiver.example;"
                + " identity=mailfrom; mechanism=\"ip4:192.0.2.0/24\"");
    }

    @Test
    void foldedHeaderStaysWithinLineLengthAndUnfoldsToTheValue() {
        SpfVerdict verdict = evaluator(DNS).checkMailFrom(ip("2001:db8::25"), "mail.example.com",
                "a-rather-long-local-part@example.com");
        String header = verdict.receivedSpf().header();
        assertThat(header).startsWith("Received-SPF: pass (").endsWith("\r\n");
        for (String line : header.substring(0, header.length() - 2).split("\r\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(78);
        }
        assertThat(header.substring(0, header.length() - 2).replace("\r\n\t", " "))
                .isEqualTo("Received-SPF: " + verdict.receivedSpf().value());
        assertThat(verdict.receivedSpf().value()).contains("client-ip=\"2001:db8::25\";");
        assertThat(ReceivedSpfField.parse(header)).contains(verdict.receivedSpf());
    }

    @Test
    void nullSenderHeloIdentityAndErrors() {
        ReceivedSpfField nullSender = evaluator(DNS).checkMailFrom(ip("192.0.2.1"), "mail.example.com", "")
                .receivedSpf();
        assertThat(nullSender.get("envelope-from")).contains("");
        assertThat(nullSender.value()).contains("envelope-from=\"\";").contains("identity=mailfrom;")
                .contains("postmaster@mail.example.com");
        ReceivedSpfField helo = evaluator(DNS).checkHelo(ip("192.0.2.1"), "mail.example.com").receivedSpf();
        assertThat(helo.get("envelope-from")).isEmpty();
        assertThat(helo.get("identity")).contains("helo");
        assertThat(helo.get("mechanism")).contains("a");
        ReceivedSpfField error = evaluator(DNS).checkMailFrom(ip("192.0.2.1"), "x", "a@bad.example.com").receivedSpf();
        assertThat(error.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(error.get("mechanism")).isEmpty();
        assertThat(error.get("problem")).hasValueSatisfying(problem -> assertThat(problem).contains("moo"));
        ReceivedSpfField none = evaluator(DNS).checkMailFrom(ip("192.0.2.1"), "x", "a@nx.example.com").receivedSpf();
        assertThat(none.value()).startsWith("none (").contains("problem=");
    }

    @ParameterizedTest(name = "hostile HELO {0}")
    @ValueSource(strings = {"evil\r\nX-Injected: yes", "quo\"te\\back", "(paren) [1.2.3.4]", "", "sp ace;x=y",
        "ünïcode.example", "tab\there"})
    void hostileInputsNeverBreakTheField(String helo) {
        SpfVerdict verdict = evaluator(DNS).checkMailFrom(ip("192.0.2.1"), helo, "a@example.com");
        ReceivedSpfField field = verdict.receivedSpf();
        String header = field.header();
        assertThat(header.replace("\r\n\t", "").replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        assertThat(header.indexOf("\r\n")).isIn(header.length() - 2, header.indexOf("\r\n\t"));
        assertThat(ReceivedSpfField.parse(header)).contains(field);
        assertThat(field.get("helo")).hasValueSatisfying(value -> assertThat(value).doesNotContain("\r", "\n"));
    }

    @Test
    void readsTheRfcExamplesAndOtherVerifiersFields() {
        assertThat(ReceivedSpfField.parse("Received-SPF: pass (mybox.example.org: domain of\r\n"
                + " myname@example.com designates 192.0.2.1 as permitted sender)\r\n"
                + "    receiver=mybox.example.org; client-ip=192.0.2.1;\r\n"
                + "    envelope-from=\"myname@example.com\"; helo=foo.example.com;\r\n")).hasValueSatisfying(f -> {
                    assertThat(f.result()).isEqualTo(SpfResult.PASS);
                    assertThat(f.comment()).isEqualTo("mybox.example.org: domain of myname@example.com designates"
                            + " 192.0.2.1 as permitted sender");
                    assertThat(f.get("envelope-from")).contains("myname@example.com");
                    assertThat(f.get("helo")).contains("foo.example.com");
                });
        assertThat(ReceivedSpfField.parse("Received-SPF: fail (mybox.example.org: domain of\r\n"
                + "                  myname@example.com does not designate\r\n"
                + "                  192.0.2.1 as permitted sender)\r\n"
                + "                  identity=mailfrom; client-ip=192.0.2.1;\r\n"
                + "                  envelope-from=\"myname@example.com\";")).hasValueSatisfying(f ->
                    assertThat(f.get("identity")).contains("mailfrom"));
        assertThat(ReceivedSpfField.parse("Received-SPF: pass (mybox.example.org: domain of\r\n"
                + " myname@example.com designates 192.0.2.1 as permitted sender)\r\n"
                + "    receiver=mybox.example.org; client-ip=192.0.2.1;\r\n"
                + "    mechanism=ip4:192.0.2.1; envelope-from=\"myname@example.com\";\r\n"
                + "    helo=foo.example.com;")).hasValueSatisfying(f ->
                    assertThat(f.get("mechanism")).contains("ip4:192.0.2.1"));
        assertThat(ReceivedSpfField.parse("Neutral (abuse@kitterman.com: 192.0.2.3 is neither permitted nor denied"
                + " by domain of email.example.com) client-ip=2001:db8::3; envelope-from=\"strong-bad@email.example.com\";"
                + " helo=mx.example.org; receiver=abuse@kitterman.com; mechanism=?all; identity=mailfrom"))
                .hasValueSatisfying(f -> {
                    assertThat(f.result()).isEqualTo(SpfResult.NEUTRAL);
                    assertThat(f.get("client-ip")).contains("2001:db8::3");
                });
    }

    @ParameterizedTest(name = "not a Received-SPF field: {0}")
    @ValueSource(strings = {"", "Received-SPF:", "maybe (x)", "pass (unterminated", "pass key", "pass a=\"open",
        "pass a=b c=d", "pass a=b;\r\nX-Other: 1"})
    void rejectsMalformedFields(String field) {
        assertThat(ReceivedSpfField.parse(field)).isEmpty();
    }

    @Test
    void theCommentIsWrittenWordByWordInsideItsParentheses() {
        Function<String, String> header = comment -> new ReceivedSpfField(SpfResult.PASS, comment,
                List.of(new ReceivedSpfField.Pair("a", "b"))).header();
        assertThat(header.apply(null)).isEqualTo("Received-SPF: pass a=b\r\n");
        assertThat(header.apply("")).isEqualTo("Received-SPF: pass () a=b\r\n");
        assertThat(header.apply("   ")).isEqualTo("Received-SPF: pass () a=b\r\n");
        assertThat(header.apply("one")).isEqualTo("Received-SPF: pass (one) a=b\r\n");
        assertThat(header.apply(" two   words (x) ")).isEqualTo("Received-SPF: pass (two words \\(x\\)) a=b\r\n");
        String longComment = "mx.example.net: domain of someone@example.com designates 192.0.2.1 as permitted sender";
        assertThat(header.apply(longComment)).isEqualTo("Received-SPF: pass (mx.example.net: domain of someone@example.com"
                + " designates\r\n\t192.0.2.1 as permitted sender) a=b\r\n");
    }
}
