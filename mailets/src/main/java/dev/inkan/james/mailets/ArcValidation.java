package dev.inkan.james.mailets;

import dev.inkan.authres.ResultInfo;
import dev.inkan.james.attributes.ResultAttributes;
import dev.inkan.james.authres.AuthResultsField;
import java.util.List;
import javax.mail.MessagingException;
import org.apache.mailet.Mail;

/** How ArcVerify and ArcSeal record an arc= result. */
final class ArcValidation {

    private ArcValidation() {
    }

    /** The attribute {@code dev.inkan.arc} and the arc= entry of our one Authentication-Results field. */
    static void record(Mail mail, String authservId, List<ResultInfo> result) throws MessagingException {
        ResultAttributes.put(mail, "arc", result);
        AuthResultsField.add(mail, authservId, result);
    }
}
