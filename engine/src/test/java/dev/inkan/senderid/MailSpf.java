package dev.inkan.senderid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inkan.interop.Peer;
import dev.inkan.interop.PeerProcess;
import dev.inkan.spf.SpfTestZone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test support: Mail::SPF (Debian libmail-spf-perl) as the Sender ID peer, through the interop harness
 * ({@link PeerProcess}, script {@code interop/mailspf_senderid.pl}): one perl process per batch, DNS from each
 * check's {@link SpfTestZone} through Net::DNS::Resolver::Programmable. A missing peer fails the test with the
 * command that installs it.
 */
final class MailSpf {

    static final String INSTALL_HINT = "the Sender ID interop test needs Mail::SPF and"
            + " Net::DNS::Resolver::Programmable: apt-get install libmail-spf-perl libnet-dns-resolver-programmable-perl";

    /** One check: {@code identity} is the PRA (scope pra) or the MAIL FROM (scope mfrom). */
    record Check(String id, SpfTestZone zone, SenderIdScope scope, String identity, String ip, String helo) {
    }

    /** What Mail::SPF said; {@code error} when it raised instead of answering. */
    record Answer(String id, String result, String text, String error) {
    }

    private MailSpf() {
    }

    /** Mail::SPF's version, or an AssertionError with the install hint. */
    static String version() {
        PeerProcess.Output probe = PeerProcess.runAllowingFailure(List.of("/usr/bin/perl", "-MMail::SPF",
                "-MNet::DNS::Resolver::Programmable", "-MJSON::PP", "-e", "print $Mail::SPF::VERSION"));
        if (probe.exitCode() != 0) {
            throw new AssertionError(INSTALL_HINT + "\n" + probe.stderr().strip());
        }
        return probe.stdout().strip();
    }

    /** Runs every check in one Mail::SPF process; answers by id. */
    static Map<String, Answer> run(List<Check> checks, String receiver, Path workDir) {
        version();
        SpfTestZone.Batch zones = new SpfTestZone.Batch();
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Check check : checks) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", check.id());
            json.put("zone", zones.id(check.zone()));
            json.put("scope", check.scope().id());
            json.put("identity", check.identity());
            json.put("ip", check.ip());
            json.put("helo", check.helo());
            json.put("receiver", receiver);
            cases.add(json);
        }
        Path batch = workDir.resolve("mailspf-batch.json");
        ObjectMapper mapper = new ObjectMapper();
        try {
            mapper.writeValue(batch.toFile(), Map.of("zones", zones.json(), "cases", cases));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (JsonNode line : PeerProcess.runJsonLines(List.of("/usr/bin/perl", Peer.script("mailspf_senderid.pl"),
                batch.toString()))) {
            Answer answer = new Answer(line.get("id").asText(), text(line, "result"), text(line, "text"),
                    text(line, "error"));
            answers.put(answer.id(), answer);
        }
        return answers;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
