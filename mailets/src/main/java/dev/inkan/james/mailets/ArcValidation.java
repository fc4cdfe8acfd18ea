package dev.inkan.james.mailets;

import dev.inkan.arc.ArcValidator;
import dev.inkan.arc.ArcValidatorConfig;
import dev.inkan.authres.ResultInfo;
import dev.inkan.james.attributes.ResultAttributes;
import dev.inkan.james.authres.AuthResultsField;
import dev.inkan.james.config.DnsParameters;
import dev.inkan.james.config.KeyPolicyParameters;
import dev.inkan.james.config.MailetParameters;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.mail.MessagingException;
import org.apache.mailet.Mail;

/** The ARC validation parameters ArcVerify and ArcSeal share, and how both record an arc= result. */
final class ArcValidation {

    static final Set<String> NAMES = names();

    private ArcValidation() {
    }

    private static Set<String> names() {
        Set<String> names = new HashSet<>(DnsParameters.NAMES);
        names.addAll(KeyPolicyParameters.NAMES);
        names.add("authservId");
        return Set.copyOf(names);
    }

    /** {@code minimumKeyBits} (default 1024, RFC 8301 §3.2), {@code allowSha1} (default false), DNS settings. */
    static ArcValidator validator(MailetParameters p) throws MessagingException {
        return new ArcValidator(ArcValidatorConfig.builder(DnsParameters.resolver(p))
                .keyPolicy(KeyPolicyParameters.read(p))
                .build());
    }

    /** The attribute {@code dev.inkan.arc} and the arc= entry of our one Authentication-Results field. */
    static void record(Mail mail, String authservId, ResultInfo result) throws MessagingException {
        ResultAttributes.put(mail, "arc", List.of(result));
        AuthResultsField.add(mail, authservId, List.of(result));
    }
}
