package dev.inkan.james.smtp;

import dev.inkan.james.config.MailetParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.ex.ConfigurationException;

/**
 * The parameters of an Inkan SMTP hook: the child elements of its {@code <handler>} in {@code smtpserver.xml}, read
 * as a mailet's init parameters are. An element the hook does not know stops James at start-up, naming it (a typo
 * must not silently leave a check at its default).
 */
final class HandlerParameters {

    private HandlerParameters() {
    }

    static MailetParameters read(String owner, Configuration configuration, Set<String> known)
            throws ConfigurationException {
        List<String> unknown = new ArrayList<>();
        configuration.getKeys().forEachRemaining(key -> {
            if (!known.contains(key) && !key.startsWith("[@")) {
                unknown.add(key);
            }
        });
        if (!unknown.isEmpty()) {
            throw new ConfigurationException(owner + ": unknown parameters " + unknown);
        }
        return new MailetParameters(owner, name -> configuration.getString(name, null));
    }
}
