package dev.inkan.james.matchers;

import static org.assertj.core.api.Assertions.assertThat;

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

class SpfResultIsTest {

    static Collection<MailAddress> match(String condition, String resinfo) throws Exception {
        SpfResultIs matcher = new SpfResultIs();
        matcher.init(FakeMatcherConfig.builder().matcherName("SpfResultIs").condition(condition)
                .mailetContext(FakeMailContext.defaultContext()).build());
        Mail mail = FakeMail.builder().name("m").recipient("ann@example.net").build();
        ResultAttributes.put(mail, "spf", List.of(AuthResultsParser.parseResultInfo(resinfo).orElseThrow()));
        return matcher.match(mail);
    }

    @Test
    void routes_failures_and_filters_by_mail_from_or_helo_domain() throws Exception {
        assertThat(match("fail,softfail", "spf=softfail smtp.mailfrom=example.com")).hasSize(1);
        assertThat(match("fail,softfail", "spf=pass smtp.mailfrom=example.com")).isEmpty();
        assertThat(match("fail,example.com", "spf=fail smtp.mailfrom=joe@example.com")).hasSize(1);
        assertThat(match("none,mx.example.org", "spf=none smtp.helo=mx.example.org")).hasSize(1);
        assertThat(match("fail,example.com", "spf=fail smtp.mailfrom=other.example")).isEmpty();
    }
}
