package dev.inkan.dns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.xbill.DNS.Name;

/**
 * A name as a protocol asks for it, checked against the DNS limits of RFC 1035 §2.3.4 (labels of 1 to
 * 63 octets, at most 255 octets on the wire, i.e. 253 characters without the trailing dot) and turned
 * into an absolute dnsjava {@link Name}.
 *
 * <p>The text is taken literally: every label becomes the label's UTF-8 octets, with no master-file
 * escapes ({@code \.}, {@code \DDD}) and no {@code @}, so text from a message header cannot smuggle
 * another name in. One trailing dot is accepted and ignored. Internationalised names must already be
 * A-labels (RFC 5890); this class does no IDNA conversion.
 *
 * @param name the absolute name, or {@code null} when the text is not a valid DNS name
 * @param problem why the text is not a valid DNS name, or {@code null} when it is
 */
record QueryName(Name name, String problem) {

    private static final int MAX_LABEL_OCTETS = 63;
    private static final int MAX_WIRE_OCTETS = 255;

    /** Checks {@code text} and builds its absolute name, or says why it cannot be one. */
    static QueryName of(String text) {
        Objects.requireNonNull(text, "name");
        String body = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (body.isEmpty()) {
            return invalid("empty name");
        }
        ByteArrayOutputStream wire = new ByteArrayOutputStream(body.length() + 2);
        for (String label : body.split("\\.", -1)) {
            byte[] octets = label.getBytes(StandardCharsets.UTF_8);
            if (octets.length == 0) {
                return invalid("empty label in \"" + text + "\"");
            }
            if (octets.length > MAX_LABEL_OCTETS) {
                return invalid("label longer than 63 octets in \"" + text + "\"");
            }
            wire.write(octets.length);
            wire.writeBytes(octets);
        }
        wire.write(0);
        if (wire.size() > MAX_WIRE_OCTETS) {
            return invalid("name longer than 253 characters: \"" + text + "\"");
        }
        try {
            return new QueryName(new Name(wire.toByteArray()), null);
        } catch (IOException e) {
            throw new UncheckedIOException("a checked name did not parse: " + text, e);
        }
    }

    private static QueryName invalid(String problem) {
        return new QueryName(null, problem);
    }

    boolean isValid() {
        return name != null;
    }

    /** The presentation form of {@code name} without its trailing dot; the root name is "". */
    static String withoutTrailingDot(Name name) {
        return name.equals(Name.root) ? "" : name.toString(true);
    }
}
