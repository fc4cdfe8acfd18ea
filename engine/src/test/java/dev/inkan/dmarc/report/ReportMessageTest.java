package dev.inkan.dmarc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.junit.jupiter.api.Test;

/** The report email, read back with Mime4j: RFC 9990 §3.5.2's Subject, attachment type and name, the same XML. */
class ReportMessageTest {

    @Test
    void the_report_mail_carries_the_gzip_report_under_its_rfc_name() throws Exception {
        AggregateReport report = AggregateReport.of(AggregateReportTest.metadata(), List.of(AggregateReportTest.evaluate(
                AggregateReportTest.pipeline(), AggregateReportTest.signed(AggregateReportTest.MESSAGE), "192.0.2.10", 1)));
        byte[] mail = ReportMessage.build(report, "dmarc-reports@mx.example.net", "dmarc@example.com", "mx.example.net",
                "a1", Instant.parse("2026-12-07T01:00:00Z"));

        Message parsed = new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(mail));
        assertThat(parsed.getSubject()).isEqualTo("Report Domain: example.com Submitter: mx.example.net Report-ID: <"
                + report.metadata().reportId() + ">");
        assertThat(parsed.getMessageId()).isEqualTo("<" + report.metadata().reportId() + ">");
        Multipart parts = (Multipart) parsed.getBody();
        assertThat(parts.getBodyParts()).hasSize(2);
        var attachment = parts.getBodyParts().get(1);
        assertThat(attachment.getMimeType()).isEqualTo("application/gzip");
        assertThat(attachment.getFilename()).isEqualTo(ReportNames.filename("mx.example.net", "example.com",
                report.metadata().begin(), report.metadata().end(), "a1", true));
        byte[] gz = ((SingleBody) attachment.getBody()).getInputStream().readAllBytes();
        String xml = new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(xml).isEqualTo(AggregateReportXml.toXml(report));
        assertThat(new String(mail, StandardCharsets.US_ASCII).lines()).allMatch(line -> line.length() <= 998);
    }

    @Test
    void header_values_must_be_printable_ascii() {
        AggregateReport report = AggregateReport.of(AggregateReportTest.metadata(), List.of(
                new EvaluationRecord(AggregateReportTest.DAY.plusSeconds(5), "192.0.2.1", "example.com", "", null,
                        new PublishedPolicy("example.com", "none", null, null, "r", "r", "treewalk", "0", "n",
                                List.of(), List.of()), "none", false, false, List.of(), List.of(), null)));
        assertThatThrownBy(() -> ReportMessage.build(report, "a@b.example\r\nBcc: x@evil.example", "d@example.com",
                "mx.example.net", "a1", Instant.now())).hasMessageContaining("printable ASCII");
    }
}
