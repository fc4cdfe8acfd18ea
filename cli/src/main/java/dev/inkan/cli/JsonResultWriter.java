package dev.inkan.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inkan.arc.ArcVerdict;
import dev.inkan.authres.AuthResultsFormatter;
import dev.inkan.authres.AuthenticationResults;
import dev.inkan.dkim.DkimVerdict;
import java.io.PrintStream;
import java.util.List;

/**
 * One JSON object per message, one per line (JSON Lines):
 * <pre>{"file":"msg.eml","authenticationResults":"host; dkim=pass header.d=...",
 *  "dkim":[{"result":"pass","domain":"example.com","selector":"s1","algorithm":"rsa-sha256","reason":null,
 *  "reasonCode":null,"identity":null,"keyBits":2048,"testing":false,"bodyLength":null,"unsignedBodyBytes":0}],
 *  "arc":{"result":"pass","reason":null,"reasonCode":null,"oldestPass":0,"instances":2}}</pre>
 * {@code reason} is the human comment (null for a clean pass), {@code reasonCode} the engine's reason
 * name (null for a pass), {@code bodyLength} the l= value or null. For ARC (RFC 8617): {@code result} none,
 * pass or fail; {@code oldestPass} the instance of the oldest ARC-Message-Signature that still validates (0 when
 * all do; null unless the chain passed); {@code instances} the number of ARC sets (0 without a chain).
 */
final class JsonResultWriter implements ResultWriter {

    private final ObjectMapper json = new ObjectMapper();
    private final PrintStream out;

    JsonResultWriter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void write(String file, AuthenticationResults results, List<DkimVerdict> verdicts, ArcVerdict arc) {
        ObjectNode message = json.createObjectNode();
        message.put("file", file);
        message.put("authenticationResults", AuthResultsFormatter.value(results));
        ArrayNode dkim = message.putArray("dkim");
        for (DkimVerdict v : verdicts) {
            ObjectNode signature = dkim.addObject();
            signature.put("result", v.result().keyword());
            signature.put("domain", v.domain());
            signature.put("selector", v.selector());
            signature.put("algorithm", v.algorithm());
            signature.put("reason", v.comment());
            signature.put("reasonCode", v.reason() == null ? null : v.reason().name());
            signature.put("identity", v.identity());
            signature.put("keyBits", v.keyBits());
            signature.put("testing", v.testing());
            if (v.bodyLength() >= 0) {
                signature.put("bodyLength", v.bodyLength());
            } else {
                signature.putNull("bodyLength");
            }
            signature.put("unsignedBodyBytes", v.unsignedBodyBytes());
        }
        ObjectNode chain = message.putObject("arc");
        chain.put("result", arc.result().keyword());
        chain.put("reason", arc.comment() != null ? arc.comment() : arc.reason() == null ? null : arc.reason().text());
        chain.put("reasonCode", arc.passed() ? null : arc.reason().name());
        if (arc.oldestPass() >= 0) {
            chain.put("oldestPass", arc.oldestPass());
        } else {
            chain.putNull("oldestPass");
        }
        chain.put("instances", arc.instances());
        try {
            out.println(json.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        out.flush();
    }
}
