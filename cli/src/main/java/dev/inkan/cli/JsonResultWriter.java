package dev.inkan.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inkan.arc.ArcVerdict;
import dev.inkan.authres.AuthResultsFormatter;
import dev.inkan.authres.AuthenticationResults;
import dev.inkan.dkim.DkimVerdict;
import dev.inkan.dmarc.DmarcVerdict;
import dev.inkan.domainkeys.DomainKeysVerdict;
import dev.inkan.senderid.SenderIdVerdict;
import dev.inkan.spf.SpfVerdict;
import java.io.PrintStream;

/**
 * One JSON object per message, one per line (JSON Lines):
 * <pre>{"file":"msg.eml","authenticationResults":"host; dkim=pass header.d=...",
 *  "dkim":[{"result":"pass","domain":"example.com","selector":"s1","algorithm":"rsa-sha256","reason":null,
 *  "reasonCode":null,"identity":null,"keyBits":2048,"testing":false,"bodyLength":null,"unsignedBodyBytes":0}],
 *  "arc":{"result":"pass","reason":null,"reasonCode":null,"oldestPass":0,"instances":2},
 *  "spf":{"result":"pass",...},"dmarc":{"result":"fail","domain":"example.com","policy":"reject","policyTag":"p",
 *  "disposition":"reject","override":null,...}}</pre>
 * {@code reason} is the human comment (null for a clean pass), {@code reasonCode} the engine's reason
 * name (null for a pass), {@code bodyLength} the l= value or null. For ARC (RFC 8617): {@code result} none,
 * pass or fail; {@code oldestPass} the instance of the oldest ARC-Message-Signature that still validates (0 when
 * all do; null unless the chain passed); {@code instances} the number of ARC sets (0 without a chain). With
 * --ip, {@code spf} and {@code dmarc}: DMARC's {@code policy} is what the domain owner asked for (null when no
 * record applied), {@code disposition} what to do after t=, pct and overrides. {@code domainkeys}: the DomainKeys
 * verdict (RFC 4870) as a list of one, empty without a DomainKey-Signature; with --ip, {@code senderId}: Sender ID
 * for the PRA (RFC 4406/4407), {@code header} the field the PRA came from.
 */
final class JsonResultWriter implements ResultWriter {

    private final ObjectMapper json = new ObjectMapper();
    private final PrintStream out;

    JsonResultWriter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void write(String file, AuthenticationResults results, MessageVerdicts verdicts) {
        ObjectNode message = json.createObjectNode();
        message.put("file", file);
        message.put("authenticationResults", AuthResultsFormatter.value(results));
        ArrayNode dkim = message.putArray("dkim");
        ArcVerdict arc = verdicts.arc();
        for (DkimVerdict v : verdicts.dkim()) {
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
        if (verdicts.spf() != null) {
            spf(message.putObject("spf"), verdicts.spf());
        }
        ArrayNode domainKeys = message.putArray("domainkeys");
        for (DomainKeysVerdict v : verdicts.domainKeys()) {
            ObjectNode dk = domainKeys.addObject();
            dk.put("result", v.result().keyword());
            dk.put("domain", v.domain());
            dk.put("selector", v.selector());
            dk.put("sender", v.sender() == null ? null : v.sender().address());
            dk.put("senderHeader", v.sender() == null ? null : v.sender().header());
            dk.put("reason", v.comment());
            dk.put("reasonCode", v.reason() == null ? null : v.reason().name());
            dk.put("keyBits", v.keyBits());
            dk.put("testing", v.testing());
        }
        if (verdicts.senderId() != null) {
            SenderIdVerdict v = verdicts.senderId();
            ObjectNode senderId = message.putObject("senderId");
            senderId.put("result", v.result().keyword());
            senderId.put("pra", v.identity());
            senderId.put("header", v.header() == null ? null : v.header().fieldName());
            senderId.put("domain", v.domain());
            senderId.put("reason", v.comment());
        }
        if (verdicts.dmarc() != null) {
            dmarc(message.putObject("dmarc"), verdicts.dmarc());
        }
        try {
            out.println(json.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        out.flush();
    }

    private static void spf(ObjectNode node, SpfVerdict v) {
        node.put("result", v.result().keyword());
        node.put("reason", v.comment());
        node.put("reasonCode", v.reason().name());
        node.put("identity", v.identity().keyword());
        node.put("domain", v.domain());
        node.put("explanation", v.explanation());
    }

    /** {@code policy}: what the domain owner asked for; {@code disposition}: after t=, pct and overrides. */
    private static void dmarc(ObjectNode node, DmarcVerdict v) {
        node.put("result", v.result().keyword());
        node.put("domain", v.authorDomain());
        node.put("policy", v.policy() == null ? null : v.policy().requested().keyword());
        node.put("policyTag", v.policy() == null ? null : v.policy().tag().tagName());
        node.put("disposition", v.disposition().keyword());
        node.put("override", v.policy() == null || v.policy().override() == null ? null : v.policy().override().reportName());
        node.put("reason", v.comment());
        node.put("reasonCode", v.reason().name());
    }
}
