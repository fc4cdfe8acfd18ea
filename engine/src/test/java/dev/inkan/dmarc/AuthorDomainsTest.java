package dev.inkan.dmarc;

import static dev.inkan.dmarc.DmarcTesting.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dns.ScriptedResolver;
import dev.inkan.message.HeaderBlock;
import dev.inkan.message.HeaderField;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Author Domain from the header block: RFC 9989 §5.3.1, §11.5; RFC 7489 §6.6.1. */
class AuthorDomainsTest {

    private static final ScriptedResolver DNS = ScriptedResolver.fromZoneText("""
            _dmarc.bank.example. TXT "v=DMARC1; p=reject"
            _dmarc.shop.example. TXT "v=DMARC1; p=quarantine"
            _dmarc.news.example. TXT "v=DMARC1; p=none"
            _dmarc.xn--bcher-kva.example. TXT "v=DMARC1; p=reject"
            """);

    private static HeaderBlock headers(String... fields) {
        List<HeaderField> list = new ArrayList<>();
        for (String field : fields) {
            list.add(new HeaderField((field + "\r\n").getBytes(StandardCharsets.UTF_8)));
        }
        return new HeaderBlock(list);
    }

    private static DmarcVerdict evaluateFrom(DmarcConfig config, DkimInput dkim, String... fields) {
        DmarcRequest.Builder request = DmarcRequest.builder(headers(fields));
        if (dkim != null) {
            request.dkim(dkim);
        }
        return new DmarcEvaluator(config).evaluate(request.build());
    }

    private static DmarcVerdict evaluateFrom(DkimInput dkim, String... fields) {
        return evaluateFrom(DmarcConfig.rfc9989(DNS), dkim, fields);
    }

    @Test
    void a_single_from_with_display_name_comment_and_encoded_words() {
        AuthorDomains authors = AuthorDomains.from(headers("From: =?UTF-8?Q?Bj=C3=B6rn?= (boss) <b@Bank.Example.>"));
        assertThat(authors.domains()).containsExactly("bank.example");
        assertThat(authors.problem()).isNull();
    }

    /** RFC 9989 §5.3.1: "If the domain is a U-label, the domain MUST be converted to an A-label". */
    @Test
    void utf8_domains_become_a_labels() {
        AuthorDomains authors = AuthorDomains.from(headers("From: Jörg <jörg@Bücher.example>"));
        assertThat(authors.domains()).containsExactly("xn--bcher-kva.example");
        DmarcVerdict verdict = evaluateFrom(DkimInput.pass("xn--bcher-kva.example", "s"),
                "From: Jörg <jörg@bücher.example>");
        assertThat(verdict.result()).isEqualTo(DmarcResult.PASS);
        assertThat(verdict.toResultInfo().property("header", "from")).contains("xn--bcher-kva.example");
        assertThat(AuthorDomains.of("bücher.example").domains()).containsExactly("xn--bcher-kva.example");
    }

    /** RFC 9989 §4.2, §5.3.1: without a From field DMARC validation is not possible: permerror. */
    @Test
    void no_from_field_is_permerror() {
        DmarcVerdict verdict = evaluateFrom(null, "Subject: hello");
        assertThat(verdict.result()).isEqualTo(DmarcResult.PERMERROR);
        assertThat(verdict.reason()).isEqualTo(DmarcReason.NO_FROM);
        assertThat(verdict.authorDomain()).isNull();
        assertThat(verdict.toResultInfo().properties()).isEmpty();
    }

    /** RFC 7489 §6.6.1: a group without mailboxes has "no meaningful domains". */
    @Test
    void an_empty_group_or_a_bare_name_has_no_author_domain() {
        assertThat(evaluateFrom(null, "From: undisclosed-recipients:;").reason())
                .isEqualTo(DmarcReason.NO_AUTHOR_DOMAIN);
        assertThat(evaluateFrom(null, "From: Just A Name").reason()).isEqualTo(DmarcReason.NO_AUTHOR_DOMAIN);
    }

    @Test
    void a_group_with_one_mailbox_gives_its_domain() {
        assertThat(AuthorDomains.from(headers("From: Team: a@bank.example;")).domains()).containsExactly("bank.example");
    }

    @Test
    void address_literals_and_encoded_words_are_no_domain_names() {
        DmarcVerdict literal = evaluateFrom(null, "From: a@[192.0.2.1]");
        assertThat(literal.reason()).isEqualTo(DmarcReason.INVALID_AUTHOR_DOMAIN);
        assertThat(literal.comment()).contains("[192.0.2.1]");
        assertThat(evaluateFrom(null, "From: a@=?utf-8?q?bank?=.example").reason())
                .isEqualTo(DmarcReason.INVALID_AUTHOR_DOMAIN);
        assertThat(AuthorDomains.of(".bank.example", "bank..example", "-bank.example", "bank.example")
                .invalid()).containsExactly(".bank.example", "bank..example", "-bank.example");
    }

    /**
     * RFC 9989 §11.5 (RFC 7489 §6.6.1): several From fields or mailboxes: each domain is evaluated and the
     * strictest failing policy applies, so an attacker's aligned second domain does not hide the spoofed one.
     */
    @Test
    void several_author_domains_the_strictest_failing_policy_decides() {
        DmarcVerdict verdict = evaluateFrom(DkimInput.pass("news.example", "s"),
                "From: ceo@bank.example, promo@shop.example, editor@news.example");
        assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(verdict.authorDomain()).isEqualTo("bank.example");
        assertThat(verdict.disposition()).isEqualTo(DmarcPolicy.REJECT);
        assertThat(verdict.authorVerdicts()).extracting(DmarcVerdict::result)
                .containsExactly(DmarcResult.FAIL, DmarcResult.FAIL, DmarcResult.PASS);
        assertThat(verdict.toResultInfo().comment()).startsWith("3 author domains; p=reject dis=reject");

        DmarcVerdict twoFields = evaluateFrom(DkimInput.pass("news.example", "s"), "From: editor@news.example",
                "From: ceo@bank.example");
        assertThat(twoFields.authorDomain()).isEqualTo("bank.example");
        assertThat(twoFields.result()).isEqualTo(DmarcResult.FAIL);
    }

    /** RFC 9989 §4.4: alignment cannot occur with a repeated or malformed From, so such a message never passes. */
    @Test
    void a_repeated_or_malformed_from_never_passes() {
        DmarcVerdict repeated = evaluateFrom(DkimInput.pass("news.example", "s"), "From: editor@news.example",
                "From: editor@news.example");
        assertThat(repeated.result()).isEqualTo(DmarcResult.PERMERROR);
        assertThat(repeated.reason()).isEqualTo(DmarcReason.REPEATED_FROM);
        assertThat(repeated.comment()).contains("2 From fields");

        DmarcVerdict malformed = evaluateFrom(DkimInput.pass("news.example", "s"), "From: <<<><editor@news.example>>>");
        assertThat(malformed.result()).isEqualTo(DmarcResult.PERMERROR);
        assertThat(malformed.reason()).isEqualTo(DmarcReason.MALFORMED_FROM);

        assertThat(evaluateFrom(DkimInput.pass("news.example", "s"), "From: Editor <editor@news.example>").result())
                .as("the same author, one well-formed field").isEqualTo(DmarcResult.PASS);
    }

    @Test
    void several_from_fields_with_one_domain_are_one_author_domain() {
        AuthorDomains authors = AuthorDomains.from(headers("From: a@bank.example", "From: b@BANK.example"));
        assertThat(authors.fromFields()).isEqualTo(2);
        assertThat(authors.domains()).containsExactly("bank.example");
    }

    @Test
    void several_author_domains_that_all_pass_or_have_no_policy() {
        DmarcVerdict verdict = evaluateFrom(DkimInput.pass("bank.example", "s"), "From: a@bank.example, b@other.test");
        assertThat(verdict.result()).isEqualTo(DmarcResult.PASS);
        assertThat(verdict.authorVerdicts()).extracting(DmarcVerdict::result)
                .containsExactly(DmarcResult.PASS, DmarcResult.NONE);
    }

    @Test
    void several_author_domains_can_be_refused_or_limited() {
        DmarcConfig refuse = DmarcConfig.rfc9989(DNS).toBuilder()
                .multipleAuthorDomains(DmarcConfig.MultipleAuthorDomains.PERMERROR).build();
        DmarcVerdict refused = evaluateFrom(refuse, null, "From: a@bank.example, b@shop.example");
        assertThat(refused.reason()).isEqualTo(DmarcReason.MULTIPLE_AUTHOR_DOMAINS);
        assertThat(evaluateFrom(refuse, null, "From: a@bank.example, b@bank.example").result())
                .as("one domain twice is one author domain").isEqualTo(DmarcResult.FAIL);

        DmarcConfig two = DmarcConfig.rfc9989(DNS).toBuilder().maxAuthorDomains(2).build();
        assertThat(evaluateFrom(two, null, "From: a@bank.example, b@shop.example, c@news.example").reason())
                .isEqualTo(DmarcReason.TOO_MANY_AUTHOR_DOMAINS);
    }

    @Test
    void a_temperror_of_one_author_domain_outranks_passes_but_not_a_fail() {
        ScriptedResolver dns = ScriptedResolver.fromZoneText("""
                _dmarc.bank.example. TXT "v=DMARC1; p=reject"
                _dmarc.news.example. TXT "v=DMARC1; p=none"
                """).tempFail("_dmarc.shop.example", "timed out");
        DmarcVerdict temp = evaluateFrom(DmarcConfig.rfc9989(dns), DkimInput.pass("news.example", "s"),
                "From: a@news.example, b@shop.example");
        assertThat(temp.result()).isEqualTo(DmarcResult.TEMPERROR);
        DmarcVerdict fail = evaluateFrom(DmarcConfig.rfc9989(dns), null, "From: a@bank.example, b@shop.example");
        assertThat(fail.result()).isEqualTo(DmarcResult.FAIL);
        assertThat(evaluate(dns, "bank.example", List.of(), null).disposition()).isEqualTo(DmarcPolicy.REJECT);
    }
}
