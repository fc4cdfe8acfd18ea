package dev.inkan.james.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dns.DnsLookups;
import dev.inkan.dns.QueryType;
import dev.inkan.dns.ScriptedResolver;
import dev.inkan.net.IpLiteral;
import dev.inkan.s25r.S25rChecker;
import dev.inkan.s25r.S25rList;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What S25rCheck answers a refused client: 450 4.7.1, the reason, and what its administrator can do. */
class S25rReplyTest {

    private final ScriptedResolver dns = ScriptedResolver.empty()
            .ptr(ip("192.0.2.1"), "softbank220012345678.bbtec.net").a("softbank220012345678.bbtec.net", "192.0.2.1")
            .ptr(ip("192.0.2.2"), "mx.example.jp").a("mx.example.jp", "198.51.100.2")
            .ptr(ip("192.0.2.25"), "mail.example.co.jp").a("mail.example.co.jp", "192.0.2.25");

    private static InetAddress ip(String text) {
        return IpLiteral.parse(text).orElseThrow();
    }

    private String reply(String client, String allow, String deny) {
        S25rChecker checker = new S25rChecker(new DnsLookups(dns), Duration.ofSeconds(5), S25rList.parse(allow),
                S25rList.parse(deny));
        return S25rReply.of(checker.check(ip(client))).map(S25rReply::toString).orElse("accepted");
    }

    @Test
    void a_dynamic_looking_client_is_told_which_rule_and_what_to_do() {
        assertThat(reply("192.0.2.1", "", "")).isEqualTo("450 4.7.1 Client host rejected:"
                + " softbank220012345678.bbtec.net[192.0.2.1] looks like a dynamic address (S25R rule 2); ask your"
                + " provider for a static address with proper reverse DNS, or relay through your provider's mail server");
    }

    @Test
    void a_client_without_a_confirmed_name_cannot_be_found() {
        assertThat(reply("192.0.2.99", "", "")).isEqualTo("450 4.7.1 Client host rejected: cannot find your hostname,"
                + " [192.0.2.99] (S25R rule 0: no PTR record for 192.0.2.99); a mail server needs a PTR record whose"
                + " name resolves back to its address");
        assertThat(reply("192.0.2.2", "", "")).startsWith("450 4.7.1 Client host rejected: cannot find your hostname,"
                + " [192.0.2.2] (S25R rule 0: PTR name mx.example.jp does not resolve back to 192.0.2.2)");
    }

    @Test
    void a_dns_failure_is_said_to_be_temporary() {
        dns.tempFail("1.2.0.192.in-addr.arpa", QueryType.PTR, "timed out");
        assertThat(reply("192.0.2.1", "", "")).isEqualTo("450 4.7.1 Client host rejected: cannot find your hostname,"
                + " [192.0.2.1]: temporary DNS failure (PTR lookup failed: timed out); try again later");
    }

    @Test
    void the_deny_list_is_named_and_passing_or_allowed_clients_get_no_reply() {
        assertThat(reply("192.0.2.25", "", "example.co.jp")).isEqualTo("450 4.7.1 Client host rejected:"
                + " mail.example.co.jp[192.0.2.25] is on this server's deny list");
        assertThat(reply("192.0.2.25", "", "")).isEqualTo("accepted");
        assertThat(reply("192.0.2.1", "bbtec.net", "")).isEqualTo("accepted");
    }
}
