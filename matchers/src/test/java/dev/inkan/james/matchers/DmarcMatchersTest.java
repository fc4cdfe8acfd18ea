package dev.inkan.james.matchers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.authres.AuthResultsParser;
import dev.inkan.james.attributes.ResultAttributes;
import java.util.Collection;
import java.util.List;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.Test;

class DmarcMatchersTest {

    static Collection<MailAddress> match(GenericMatcher matcher, String condition, String resinfo) throws Exception {
        matcher.init(FakeMatcherConfig.builder().matcherName("m").condition(condition)
                .mailetContext(FakeMailContext.defaultContext()).build());
        Mail mail = FakeMail.builder().name("m").recipient("ann@example.net").build();
        ResultAttributes.put(mail, "dmarc", List.of(AuthResultsParser.parseResultInfo(resinfo).orElseThrow()));
        return matcher.match(mail);
    }

    static final String REJECTED = "dmarc=fail (p=reject dis=reject) header.from=bank.example policy.dmarc=reject";
    static final String OVERRIDDEN = "dmarc=fail (p=reject dis=none override=trusted_forwarder) header.from=bank.example policy.dmarc=none";

    @Test
    void result_and_from_domain() throws Exception {
        assertThat(match(new DmarcResultIs(), "fail", REJECTED)).hasSize(1);
        assertThat(match(new DmarcResultIs(), "fail,bank.example", REJECTED)).hasSize(1);
        assertThat(match(new DmarcResultIs(), "fail,other.example", REJECTED)).isEmpty();
        assertThat(match(new DmarcResultIs(), "pass", REJECTED)).isEmpty();
    }

    @Test
    void disposition_after_overrides() throws Exception {
        assertThat(match(new DmarcDispositionIs(), "reject", REJECTED)).hasSize(1);
        assertThat(match(new DmarcDispositionIs(), "reject", OVERRIDDEN)).isEmpty();
        assertThat(match(new DmarcDispositionIs(), "none", OVERRIDDEN)).hasSize(1);
        assertThat(match(new DmarcDispositionIs(), "quarantine,reject", "dmarc=temperror (dns)")).isEmpty();
        assertThat(match(new DmarcDispositionIs(), "none", "dmarc=none header.from=example.org")).hasSize(1);
    }
}
