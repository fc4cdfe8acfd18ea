package dev.inkan.james.attributes;

import dev.inkan.authres.AuthResultsFormatter;
import dev.inkan.authres.AuthResultsParser;
import dev.inkan.authres.ResultInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

/**
 * Results as mail attributes of plain types, which survive James's queues: attribute
 * {@code dev.inkan.<method>} (e.g. {@code dev.inkan.dkim}) holds a list of strings, one RFC 8601 resinfo
 * per result ({@code dkim=pass header.d=example.com header.s=sel ...}). Matchers and later mailets parse
 * them back with the engine.
 */
public final class ResultAttributes {

    public static final String PREFIX = "dev.inkan.";

    private ResultAttributes() {
    }

    public static AttributeName name(String method) {
        return AttributeName.of(PREFIX + method);
    }

    public static void put(Mail mail, String method, List<ResultInfo> results) {
        List<AttributeValue<?>> values = new ArrayList<>();
        for (ResultInfo r : results) {
            values.add(AttributeValue.of(AuthResultsFormatter.resultInfo(r)));
        }
        mail.setAttribute(new Attribute(name(method), AttributeValue.of(values)));
    }

    /** The results recorded for {@code method}; empty when none were recorded. Unreadable entries are skipped. */
    public static List<ResultInfo> get(Mail mail, String method) {
        List<ResultInfo> out = new ArrayList<>();
        mail.getAttribute(name(method)).ifPresent(attribute -> {
            Object value = attribute.getValue().value();
            if (value instanceof Collection<?>) {
                for (Object item : (Collection<?>) value) {
                    Object text = item instanceof AttributeValue<?> ? ((AttributeValue<?>) item).value() : item;
                    AuthResultsParser.parseResultInfo(String.valueOf(text)).value().ifPresent(out::add);
                }
            }
        });
        return out;
    }
}
