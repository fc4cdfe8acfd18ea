package dev.inkan.james.matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.authres.AuthResultsParser;
import dev.inkan.james.attributes.ResultAttributes;
import java.util.Collection;
import java.util.List;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.Test;

/** DomainKeysResultIs and SenderIdResultIs on the results DomainKeysVerify and SenderIdCheck record. */
class HistoricResultMatchersTest {

    static Collection<MailAddress> match(ResultMatcher matcher, String method, String condition, String resinfo)
            throws Exception {
        matcher.init(FakeMatcherConfig.builder().matcherName(matcher.getClass().getSimpleName()).condition(condition)
                .mailetContext(FakeMailContext.defaultContext()).build());
        Mail mail = FakeMail.builder().name("m").recipient("ann@example.net").build();
        ResultAttributes.put(mail, method, List.of(AuthResultsParser.parseResultInfo(resinfo).orElseThrow()));
        return matcher.match(mail);
    }

    @Test
    void domainkeys_by_result_and_by_signing_or_sending_domain() throws Exception {
        String result = "domainkeys=pass header.d=yahoo.co.jp header.from=mail.yahoo.co.jp";
        assertThat(match(new DomainKeysResultIs(), "domainkeys", "pass", result)).hasSize(1);
        assertThat(match(new DomainKeysResultIs(), "domainkeys", "fail,permerror", result)).isEmpty();
        assertThat(match(new DomainKeysResultIs(), "domainkeys", "pass,yahoo.co.jp", result)).hasSize(1);
        assertThat(match(new DomainKeysResultIs(), "domainkeys", "pass,mail.yahoo.co.jp", result)).hasSize(1);
        assertThat(match(new DomainKeysResultIs(), "domainkeys", "pass,example.com", result)).isEmpty();
        assertThatThrownBy(() -> match(new DomainKeysResultIs(), "domainkeys", "softfail", result))
                .hasMessageContaining("neither a domainkeys result");
    }

    @Test
    void sender_id_by_result_and_pra_domain() throws Exception {
        String result = "sender-id=softfail header.resent-from=lists.example.org";
        assertThat(match(new SenderIdResultIs(), "sender-id", "fail,softfail", result)).hasSize(1);
        assertThat(match(new SenderIdResultIs(), "sender-id", "softfail,lists.example.org", result)).hasSize(1);
        assertThat(match(new SenderIdResultIs(), "sender-id", "softfail,example.com", result)).isEmpty();
        assertThat(match(new SenderIdResultIs(), "sender-id", "pass", result)).isEmpty();
    }
}
