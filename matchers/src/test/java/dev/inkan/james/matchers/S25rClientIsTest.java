package dev.inkan.james.matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetException;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** S25rClientIs on mails from clients of every kind, with the reverse DNS from a zone file. */
class S25rClientIsTest {

    @TempDir
    static Path dir;
    static String zone;

    @BeforeAll
    static void zone() throws Exception {
        zone = Files.writeString(dir.resolve("s25r.zone"), """
                1.2.0.192.in-addr.arpa. PTR p1234-ipbf01funabasi.chiba.ocn.ne.jp.
                p1234-ipbf01funabasi.chiba.ocn.ne.jp. A 192.0.2.1
                25.2.0.192.in-addr.arpa. PTR mail.example.co.jp.
                mail.example.co.jp. A 192.0.2.25
                66.2.0.192.in-addr.arpa. PTR mx.example.jp.
                mx.example.jp. A 198.51.100.66
                """).toString();
    }

    static S25rClientIs matcher(String condition) throws Exception {
        S25rClientIs matcher = new S25rClientIs();
        matcher.init(FakeMatcherConfig.builder().matcherName("S25rClientIs").condition(condition)
                .mailetContext(FakeMailContext.defaultContext()).build());
        return matcher;
    }

    static Mail mail(String remoteAddr) throws Exception {
        return FakeMail.builder().name("m").sender("x@example.org").recipient("ann@example.net").remoteAddr(remoteAddr)
                .build();
    }

    static Collection<MailAddress> match(String condition, String remoteAddr) throws Exception {
        return matcher(condition + "; dnsZoneFile=" + zone).match(mail(remoteAddr));
    }

    @Test
    void matches_clients_the_rules_flag_and_not_servers() throws Exception {
        assertThat(match("flagged", "192.0.2.1")).extracting(MailAddress::asString).containsExactly("ann@example.net");
        assertThat(match("flagged", "192.0.2.25")).isEmpty();
        assertThat(match("pass", "192.0.2.25")).hasSize(1);
        assertThat(match("flagged", "192.0.2.99")).as("no PTR: rule 0").hasSize(1);
        assertThat(match("flagged", "192.0.2.66")).as("PTR not forward-confirmed: rule 0").hasSize(1);
    }

    @Test
    void a_single_rule_can_be_asked_for() throws Exception {
        assertThat(match("rule0", "192.0.2.66")).hasSize(1);
        assertThat(match("rule0", "192.0.2.1")).isEmpty();
        assertThat(match("rule1", "192.0.2.1")).hasSize(1);
        assertThat(match("RULE2,rule3", "192.0.2.1")).isEmpty();
    }

    @Test
    void allow_and_deny_lists_decide_first() throws Exception {
        assertThat(match("flagged; allow=ocn.ne.jp", "192.0.2.1")).isEmpty();
        assertThat(match("allowed; allow=192.0.2.0/24, 203.0.113.1", "192.0.2.1")).hasSize(1);
        assertThat(match("flagged,denied; deny=/^mail\\./", "192.0.2.25")).hasSize(1);
        assertThat(match("denied; deny=example.co.jp; allow=192.0.2.25", "192.0.2.25")).isEmpty();
    }

    @Test
    void local_authenticated_and_addressless_mail_never_matches() throws Exception {
        assertThat(match("flagged", "127.0.0.1")).isEmpty();
        assertThat(match("flagged,pass", "127.0.0.1")).isEmpty();
        Mail authenticated = mail("192.0.2.1");
        authenticated.setAttribute(new org.apache.mailet.Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of("ann")));
        assertThat(matcher("flagged; dnsZoneFile=" + zone).match(authenticated)).isEmpty();
        assertThat(matcher("flagged; dnsZoneFile=" + zone + "; skipAuthenticated=false").match(authenticated))
                .hasSize(1);
        assertThat(match("flagged; skipNetworks=::1", "127.0.0.1")).as("localhost: PTR missing in this zone")
                .hasSize(1);
    }

    @Test
    void a_dns_server_that_does_not_answer_is_temperror() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String dns = "; dnsServers=127.0.0.1:" + silent.getLocalPort() + "; dnsTimeout=1; dnsRetries=0"
                    + "; dnsBudget=300";
            assertThat(matcher("temperror" + dns).match(mail("192.0.2.1"))).hasSize(1);
            assertThat(matcher("flagged,denied" + dns).match(mail("192.0.2.1"))).isEmpty();
        }
    }

    @Test
    void a_bad_condition_stops_james_with_one_line() {
        assertThatThrownBy(() -> matcher("")).isInstanceOf(MailetException.class)
                .hasMessage("S25rClientIs: the condition needs at least one outcome, e.g. S25rClientIs=flagged,denied");
        assertThatThrownBy(() -> matcher("dynamic")).hasMessageStartingWith("S25rClientIs: 'dynamic' is not an S25R"
                + " outcome (flagged, rule0 to rule6, denied, temperror, allowed, pass)");
        assertThatThrownBy(() -> matcher("flagged; allowlist=example.jp"))
                .hasMessageStartingWith("S25rClientIs: 'allowlist=example.jp' is not a parameter (name=value) of [allow,");
        assertThatThrownBy(() -> matcher("flagged; allow=a.example; allow=b.example"))
                .hasMessage("S25rClientIs: parameter 'allow' is given twice");
        assertThatThrownBy(() -> matcher("flagged; allow=10.0.0.0/33"))
                .hasMessageStartingWith("S25rClientIs: parameter 'allow' has '10.0.0.0/33' is neither");
        assertThatThrownBy(() -> matcher("flagged; dnsTimeout=0"))
                .hasMessage("S25rClientIs: parameter 'dnsTimeout' must be between 1 and 60, got 0");
    }
}
