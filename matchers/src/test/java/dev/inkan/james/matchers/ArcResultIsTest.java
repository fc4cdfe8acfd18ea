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

class ArcResultIsTest {

    static Collection<MailAddress> match(String condition, String resinfo) throws Exception {
        ArcResultIs matcher = new ArcResultIs();
        matcher.init(FakeMatcherConfig.builder().matcherName("ArcResultIs").condition(condition)
                .mailetContext(FakeMailContext.defaultContext()).build());
        Mail mail = FakeMail.builder().name("m").recipient("ann@example.net").build();
        ResultAttributes.put(mail, "arc", List.of(AuthResultsParser.parseResultInfo(resinfo).orElseThrow()));
        return matcher.match(mail);
    }

    @Test
    void routes_on_the_chain_result() throws Exception {
        assertThat(match("pass", "arc=pass header.oldest-pass=0 smtp.remote-ip=192.0.2.1")).hasSize(1);
        assertThat(match("fail", "arc=pass header.oldest-pass=0")).isEmpty();
        assertThat(match("fail,none", "arc=none")).hasSize(1);
    }

    @Test
    void arc_results_have_no_domain_to_filter_on() {
        assertThatThrownBy(() -> match("pass,example.com", "arc=pass")).hasMessageContaining("'example.com' is neither");
    }
}
