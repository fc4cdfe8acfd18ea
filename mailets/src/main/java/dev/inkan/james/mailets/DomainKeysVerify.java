package dev.inkan.james.mailets;

import dev.inkan.authenticate.Method;
import dev.inkan.james.authenticate.AuthenticationParameters;
import dev.inkan.james.authenticate.MailAuthentication;
import dev.inkan.james.config.MailetParameters;
import dev.inkan.james.metrics.InkanMetrics;
import java.time.Clock;
import javax.inject.Inject;
import javax.mail.MessagingException;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;

/**
 * Verifies the DomainKeys signature of a mail (RFC 4870, historic): the one RFC 4870 §3.7.3 chooses for the
 * sending address (Sender, else From). Records the resinfo in the attribute {@code dev.inkan.domainkeys} and writes
 * {@code domainkeys=pass|fail|neutral|policy|permerror|temperror|none} with {@code header.d} and
 * {@code header.from} or {@code header.sender} into the message's one Authentication-Results field. DomainKeys is
 * rsa-sha1 with keys often under 1024 bits: that is verified, and said in the result's comment. A failure of its
 * own never stops the mail: it becomes {@code domainkeys=temperror} and a WARN log. Parameters: those of every
 * checking mailet (README).
 */
public class DomainKeysVerify extends GenericMailet {

    private final InkanMetrics metrics;
    private MailAuthentication pipeline;

    /** Counting nothing (no metric system given). */
    public DomainKeysVerify() {
        this.metrics = InkanMetrics.none();
    }

    /** As James builds it: results, DNS queries and time counted in James's metric system. */
    @Inject
    public DomainKeysVerify(MetricFactory metricFactory) {
        this.metrics = InkanMetrics.of(metricFactory);
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(AuthenticationParameters.NAMES);
        MailetParameters p = new MailetParameters("DomainKeysVerify", this::getInitParameter);
        pipeline = AuthenticationParameters.pipeline(p, Clock.systemUTC(), false, null, metrics);
    }

    @Override
    public void service(Mail mail) {
        pipeline.checkAndRecord(mail, Method.DOMAINKEYS, "DomainKeysVerify");
    }

    @Override
    public String getMailetInfo() {
        return "Inkan DomainKeysVerify: DomainKeys (RFC 4870) verification with Authentication-Results";
    }
}
