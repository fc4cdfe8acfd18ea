package dev.inkan.dmarc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.dmarc.report.ReceivedReportReader.ReportFormatException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Reports other receivers send us, read back: our own RFC 9990 XML (plain, gzip, zip), the RFC 7489 format without
 * a namespace, and hostile input refused (DTD, external entity, XML bomb, compression bomb, nonsense).
 */
class ReceivedReportReaderTest {

    static final String RFC7489 = "<?xml version=\"1.0\"?>\n<feedback>\n<report_metadata><org_name>google.com</org_name>"
            + "<email>noreply-dmarc-support@google.com</email><report_id>1234567890</report_id>"
            + "<date_range><begin>1764979200</begin><end>1765065599</end></date_range></report_metadata>"
            + "<policy_published><domain>example.com</domain><adkim>r</adkim><aspf>r</aspf><p>reject</p><sp>reject</sp>"
            + "<pct>100</pct></policy_published>"
            + "<record><row><source_ip>192.0.2.10</source_ip><count>40</count><policy_evaluated><disposition>none"
            + "</disposition><dkim>pass</dkim><spf>pass</spf></policy_evaluated></row><identifiers><header_from>"
            + "example.com</header_from></identifiers><auth_results><dkim><domain>example.com</domain><result>pass"
            + "</result><selector>s1</selector></dkim><spf><domain>example.com</domain><result>pass</result></spf>"
            + "</auth_results></record>"
            + "<record><row><source_ip>203.0.113.9</source_ip><count>7</count><policy_evaluated><disposition>reject"
            + "</disposition><dkim>fail</dkim><spf>fail</spf></policy_evaluated></row><identifiers><header_from>"
            + "example.com</header_from></identifiers><auth_results><spf><domain>spoof.example</domain><result>pass"
            + "</result></spf></auth_results></record>\n</feedback>\n";

    @Test
    void an_rfc_7489_report_is_read_and_summarised() throws Exception {
        ReceivedReport report = ReceivedReportReader.read(RFC7489.getBytes(StandardCharsets.UTF_8));
        assertThat(report.orgName()).isEqualTo("google.com");
        assertThat(report.policyDomain()).isEqualTo("example.com");
        assertThat(report.messages()).isEqualTo(47);
        assertThat(report.rows().get(0).dkim()).containsExactly("example.com pass");
        assertThat(report.rows().get(1).spf()).containsExactly("spoof.example pass");

        ReportSummary summary = ReportSummary.of("example.com", List.of(report, report));
        assertThat(summary.messages()).isEqualTo(94);
        assertThat(summary.dmarcPass()).isEqualTo(80);
        assertThat(summary.sources().get(0).ip()).isEqualTo("192.0.2.10");
        assertThat(summary.sources().get(1).dispositions()).containsEntry("reject", 14L);
    }

    @Test
    void our_own_reports_read_back_plain_gzip_and_zip() throws Exception {
        AggregateReport ours = AggregateReport.of(AggregateReportTest.metadata(), List.of(AggregateReportTest.evaluate(
                AggregateReportTest.pipeline(), AggregateReportTest.signed(AggregateReportTest.MESSAGE), "192.0.2.10", 1)));
        byte[] xml = AggregateReportXml.toXml(ours).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        AggregateReportXml.writeGzip(ours, gz);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("report.xml"));
            z.write(xml);
        }
        for (byte[] form : List.of(xml, gz.toByteArray(), zip.toByteArray())) {
            ReceivedReport back = ReceivedReportReader.read(form);
            assertThat(back.reportId()).isEqualTo(ours.metadata().reportId());
            assertThat(back.rows()).singleElement().satisfies(r -> {
                assertThat(r.count()).isEqualTo(1);
                assertThat(r.dmarcPass()).isTrue();
                assertThat(r.disposition()).isEqualTo("pass");
            });
        }
    }

    @Test
    void hostile_or_broken_reports_are_refused_with_one_line() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE feedback [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<feedback><report_metadata><org_name>&x;</org_name></report_metadata></feedback>";
        assertThatThrownBy(() -> ReceivedReportReader.read(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ReportFormatException.class).hasMessageContaining("DTD");
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                + "<feedback>&lol2;</feedback>";
        assertThatThrownBy(() -> ReceivedReportReader.read(bomb.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ReportFormatException.class);
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(big)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                g.write(zeros);
            }
        }
        assertThat(big.size()).isLessThan(200_000);
        assertThatThrownBy(() -> ReceivedReportReader.read(big.toByteArray())).hasMessageContaining("MiB uncompressed");
        assertThatThrownBy(() -> ReceivedReportReader.read("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("root element <html>");
        assertThatThrownBy(() -> ReceivedReportReader.read("<feedback><report_metadata>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not a well-formed report");
        assertThatThrownBy(() -> ReceivedReportReader.read(RFC7489.replace("<count>7</count>", "<count>seven</count>")
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("not a number");
        String deep = "<feedback>" + "<a>".repeat(40) + "</a>".repeat(40) + "</feedback>";
        assertThatThrownBy(() -> ReceivedReportReader.read(deep.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("nested deeper");
    }
}
