package dev.inkan.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inkan.diagnosis.Finding;
import dev.inkan.diagnosis.RecordReport;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Writes what {@code inkan check} found, per record: for people, the record and its status, then each finding with
 * its code, message and fix (and, when a key was given and the record is not right, the zone-file record to publish);
 * or with --json one object per record per line:
 * <pre>{"record":"s1._domainkey.example.com TXT","status":"error","findings":[{"severity":"error",
 *  "code":"no-modulus","message":"...","fix":"..."}],"publish":{"name":"s1._domainkey.example.com",
 *  "value":"v=DKIM1; k=rsa; p=...","zone":"s1._domainkey.example.com. IN TXT ( \"...\" \"...\" )\n"}}</pre>
 * {@code publish} is present when a key was given.
 */
final class CheckReportWriter {

    private final ObjectMapper json = new ObjectMapper();
    private final PrintStream out;
    private final boolean asJson;

    CheckReportWriter(PrintStream out, boolean asJson) {
        this.out = out;
        this.asJson = asJson;
    }

    void write(CheckCommand.CheckedRecord checked) {
        if (asJson) {
            out.println(json(checked));
        } else {
            text(checked);
        }
    }

    private void text(CheckCommand.CheckedRecord checked) {
        RecordReport report = checked.report();
        out.println(report.record() + ": " + report.statusKeyword());
        for (Finding f : report.findings()) {
            out.println("  " + f.severity().keyword() + " [" + f.code() + "] " + f.message());
            if (!f.fix().isEmpty()) {
                out.println("      fix: " + f.fix());
            }
        }
        if (checked.publish() != null && report.hasErrors()) {
            out.println("  the record to publish, as a zone-file line with strings of at most 255 bytes:");
            checked.publish().zoneText("DKIM key " + checked.publish().ownerName()).lines()
                    .forEach(line -> out.println("    " + line));
        }
        out.println();
    }

    private String json(CheckCommand.CheckedRecord checked) {
        RecordReport report = checked.report();
        ObjectNode node = json.createObjectNode();
        node.put("record", report.record());
        node.put("status", report.statusKeyword());
        ArrayNode findings = node.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode finding = findings.addObject();
            finding.put("severity", f.severity().keyword());
            finding.put("code", f.code());
            finding.put("message", f.message());
            finding.put("fix", f.fix());
        }
        if (checked.publish() != null) {
            ObjectNode publish = node.putObject("publish");
            publish.put("name", checked.publish().ownerName());
            publish.put("value", checked.publish().value());
            publish.put("zone", checked.publish().zoneText("DKIM key " + checked.publish().ownerName()));
        }
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
