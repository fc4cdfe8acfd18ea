package dev.inkan.james.matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.authres.AuthResultsParser;
import dev.inkan.authres.ResultInfo;
import dev.inkan.james.attributes.ResultAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMatcherConfig;
import org.junit.jupiter.api.Test;

class DkimResultIsTest {

    static Collection<MailAddress> match(String condition, String... resinfos) throws Exception {
        DkimResultIs matcher = new DkimResultIs();
        matcher.init(FakeMatcherConfig.builder().matcherName("DkimResultIs").condition(condition)
                .mailetContext(FakeMailContext.defaultContext()).build());
        Mail mail = FakeMail.builder().name("m").recipient("ann@example.net").build();
        if (resinfos.length > 0) {
            List<ResultInfo> results = new ArrayList<>();
            for (String r : resinfos) {
                results.add(AuthResultsParser.parseResultInfo(r).orElseThrow());
            }
            ResultAttributes.put(mail, "dkim", results);
        }
        return matcher.match(mail);
    }

    @Test
    void matches_by_result() throws Exception {
        assertThat(match("pass", "dkim=pass header.d=example.com")).containsExactly(new MailAddress("ann@example.net"));
        assertThat(match("fail", "dkim=pass header.d=example.com")).isEmpty();
        assertThat(match("fail,permerror", "dkim=pass header.d=a.example", "dkim=permerror header.d=b.example")).hasSize(1);
        assertThat(match("none", "dkim=none")).hasSize(1);
    }

    @Test
    void matches_by_result_and_signing_domain() throws Exception {
        assertThat(match("fail,example.com", "dkim=fail header.d=example.com")).hasSize(1);
        assertThat(match("fail,example.com", "dkim=fail header.d=other.example", "dkim=pass header.d=example.com")).isEmpty();
        assertThat(match("pass,Example.COM", "dkim=pass header.d=example.com")).hasSize(1);
    }

    @Test
    void mail_without_recorded_results_does_not_match() throws Exception {
        assertThat(match("fail")).isEmpty();
        assertThat(match("none")).isEmpty();
    }

    @Test
    void a_bad_condition_fails_at_start() {
        assertThatThrownBy(() -> match("")).hasMessageContaining("needs at least one result");
        assertThatThrownBy(() -> match("passed")).hasMessageContaining("'passed' is neither a dkim result");
        assertThatThrownBy(() -> match("example.com,fail")).hasMessageContaining("'example.com' is neither");
    }
}
