package dev.inkan.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.dns.LocalDnsServer;
import dev.inkan.dns.ScriptedResolver;
import dev.inkan.james.smtp.S25rCheck;
import dev.inkan.s25r.S25rChecker;
import dev.inkan.s25r.S25rRule;
import dev.inkan.s25r.S25rVerdict;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.core.Username;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * S25rCheck as James's SMTP server calls it, on a session of James's SMTP API (here, outside a server, so that the
 * cases a real server makes slow to reach are quick): parameters and their errors, one decision per connection,
 * {@code onTemperror}, skipped clients. Lives here, not in the mailets module: James 3.9's SMTP modules are not
 * served, and the mailet tests run again on 3.9 (james39-tests).
 */
class S25rCheckHookTest {

    static LocalDnsServer dns;

    @BeforeAll
    static void dns() throws Exception {
        dns = LocalDnsServer.start().records("""
                9.2.0.192.in-addr.arpa. PTR adsl123.example.jp.
                adsl123.example.jp. A 192.0.2.9
                """).servfail("10.2.0.192.in-addr.arpa");
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    private static S25rCheck hook(String... parameters) throws ConfigurationException {
        return hook(new S25rCheck(), parameters);
    }

    private static S25rCheck hook(S25rCheck hook, String... parameters) throws ConfigurationException {
        BaseHierarchicalConfiguration configuration = new BaseHierarchicalConfiguration();
        configuration.addProperty("dnsServers", dns.address());
        configuration.addProperty("dnsRetries", "0");
        for (int i = 0; i < parameters.length; i += 2) {
            configuration.addProperty(parameters[i], parameters[i + 1]);
        }
        hook.init(configuration);
        return hook;
    }

    /** An SMTP session from {@code client}, authenticated as {@code user} unless null, keeping its attachments. */
    private static SMTPSession session(String client, String user) throws Exception {
        return session(client, user, new HashMap<>());
    }

    private static SMTPSession session(String client, String user, Map<Object, Object> attachments) throws Exception {
        InetSocketAddress remote = new InetSocketAddress(InetAddress.getByName(client), 40025);
        return (SMTPSession) Proxy.newProxyInstance(S25rCheckHookTest.class.getClassLoader(),
                new Class<?>[] {SMTPSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddress" -> remote;
                    case "getUsername" -> user == null ? null : Username.of(user);
                    case "getSessionID" -> "test-session";
                    case "getAttachment" -> Optional.ofNullable(attachments.get(args[0]));
                    case "setAttachment" -> Optional.ofNullable(attachments.put(args[0], args[1]));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HookResult rcpt(S25rCheck hook, SMTPSession session) throws Exception {
        return hook.doRcpt(session, MaybeSender.getMailSender("bot@example.org"), new MailAddress("ann@example.net"));
    }

    @Test
    void a_flagged_client_is_refused_soft_once_per_connection() throws Exception {
        S25rCheck hook = hook();
        Map<Object, Object> attachments = new HashMap<>();
        SMTPSession session = session("192.0.2.9", null, attachments);
        HookResult first = rcpt(hook, session);
        assertThat(first.getResult()).isEqualTo(HookReturnCode.denySoft());
        assertThat(first.getSmtpRetCode()).isEqualTo("450");
        assertThat(first.getSmtpDescription()).isEqualTo("4.7.1 Client host rejected: adsl123.example.jp[192.0.2.9]"
                + " looks like a dynamic address (S25R rule 6); ask your provider for a static address with proper"
                + " reverse DNS, or relay through your provider's mail server");
        // the decision is kept for the connection: the next RCPT is answered from it, not from the DNS
        assertThat(attachments.values()).singleElement().isInstanceOfSatisfying(S25rVerdict.class,
                v -> assertThat(v.rule()).hasValue(S25rRule.RULE_6));
        assertThat(rcpt(hook, session)).isEqualTo(first);
        S25rChecker server = new S25rChecker(ScriptedResolver.empty()
                .ptr(InetAddress.getByName("192.0.2.9"), "mail.example.jp").a("mail.example.jp", "192.0.2.9"));
        attachments.replaceAll((key, verdict) -> server.check(((S25rVerdict) verdict).client()));
        assertThat(rcpt(hook, session)).isEqualTo(HookResult.DECLINED);
    }

    @Test
    void with_james_metric_system_each_connection_counts_its_verdict_dns_queries_and_time_once() throws Exception {
        RecordingMetricFactory metrics = new RecordingMetricFactory(); // James's own recording MetricFactory
        S25rCheck hook = hook(new S25rCheck(metrics));
        SMTPSession flagged = session("192.0.2.9", null);
        rcpt(hook, flagged);
        rcpt(hook, flagged); // the second RCPT of the connection: decided already
        rcpt(hook, session("192.0.2.10", null));

        assertThat(metrics.countForPrefixName("inkan_")).containsOnly(Map.entry("inkan_s25r_flagged", 1),
                Map.entry("inkan_s25r_temperror", 1), Map.entry("inkan_dns_queries", 3),
                Map.entry("inkan_dns_failures", 1));
        assertThat(metrics.executionTimesFor("inkan_time_S25rCheck")).hasSize(2);
    }

    @Test
    void skipped_and_allowed_clients_pass() throws Exception {
        assertThat(rcpt(hook(), session("192.0.2.9", "ann@example.net"))).isEqualTo(HookResult.DECLINED);
        assertThat(rcpt(hook("skipAuthenticated", "false"), session("192.0.2.9", "ann@example.net")).getSmtpRetCode())
                .isEqualTo("450");
        assertThat(rcpt(hook("skipNetworks", "192.0.2.0/24"), session("192.0.2.9", null))).isEqualTo(HookResult.DECLINED);
        assertThat(rcpt(hook("allow", "/^adsl[0-9]+\\.example\\.jp$/"), session("192.0.2.9", null)))
                .isEqualTo(HookResult.DECLINED);
        assertThat(rcpt(hook("deny", "192.0.2.9"), session("192.0.2.9", null)).getSmtpDescription())
                .isEqualTo("4.7.1 Client host rejected: [192.0.2.9] is on this server's deny list");
    }

    @Test
    void a_dns_failure_is_refused_as_temporary_unless_on_temperror_accept() throws Exception {
        HookResult refused = rcpt(hook(), session("192.0.2.10", null));
        assertThat(refused.getResult()).isEqualTo(HookReturnCode.denySoft());
        assertThat(refused.getSmtpDescription()).startsWith("4.7.1 Client host rejected: cannot find your hostname,"
                + " [192.0.2.10]: temporary DNS failure (PTR lookup failed: ");
        assertThat(rcpt(hook("onTemperror", "accept"), session("192.0.2.10", null))).isEqualTo(HookResult.DECLINED);
    }

    @Test
    void a_bad_parameter_stops_james_with_one_line_naming_it() {
        assertThatThrownBy(() -> hook("alow", "example.jp")).isInstanceOf(ConfigurationException.class)
                .hasMessage("S25rCheck: unknown parameters [alow]");
        assertThatThrownBy(() -> hook("allow", "example.jp 192.0.2.0/99"))
                .hasMessage("S25rCheck: parameter 'allow' has '192.0.2.0/99' is neither an address block,"
                        + " a /regular expression/ nor a domain");
        assertThatThrownBy(() -> hook("onTemperror", "reject"))
                .hasMessage("S25rCheck: parameter 'onTemperror' must be tempfail or accept, got 'reject'");
        assertThatThrownBy(() -> hook("skipNetworks", "10.0.0.0/8, nowhere"))
                .hasMessage("S25rCheck: parameter 'skipNetworks' has an invalid address block 'nowhere'");
    }
}
