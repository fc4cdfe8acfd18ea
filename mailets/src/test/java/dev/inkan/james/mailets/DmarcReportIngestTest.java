package dev.inkan.james.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.reports.store.JdbcReportStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;
import javax.activation.DataHandler;
import javax.mail.Session;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.util.ByteArrayDataSource;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports arriving at the rua address: stored once; hostile attachments refused; the mail always goes on. */
class DmarcReportIngestTest {

    static final String REPORT = "<?xml version=\"1.0\"?><feedback><report_metadata><org_name>yahoo.com</org_name>"
            + "<email>x@yahoo.com</email><report_id>y-1</report_id><date_range><begin>1796428800</begin><end>1796515199"
            + "</end></date_range></report_metadata><policy_published><domain>example.com</domain><p>none</p>"
            + "</policy_published><record><row><source_ip>192.0.2.10</source_ip><count>3</count><policy_evaluated>"
            + "<disposition>none</disposition><dkim>pass</dkim><spf>fail</spf></policy_evaluated></row><identifiers>"
            + "<header_from>example.com</header_from></identifiers><auth_results/></record></feedback>";

    @TempDir
    Path dir;

    static Mail mail(byte[] attachment, String type, String filename) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setSubject("Report Domain: example.com Submitter: yahoo.com Report-ID: <y-1>");
        MimeMultipart multipart = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("This is a DMARC aggregate report.");
        multipart.addBodyPart(text);
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment, type)));
        file.setFileName(filename);
        multipart.addBodyPart(file);
        message.setContent(multipart);
        message.saveChanges();
        return FakeMail.builder().name("r").recipient("dmarc@example.com").mimeMessage(message).build();
    }

    static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void a_gzip_report_is_stored_once_and_a_hostile_one_refused() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("reports");
        DmarcReportIngest ingest = new DmarcReportIngest();
        ingest.init(DkimMailetsTest.config("DmarcReportIngest", "dmarcStore", url));

        Mail report = mail(gzip(REPORT), "application/gzip", "yahoo.com!example.com!1796428800!1796515199.xml.gz");
        ingest.service(report);
        assertThat(report.getAttribute(DmarcReportIngest.OUTCOME).orElseThrow().getValue().value().toString())
                .isEqualTo("stored yahoo.com y-1 (example.com, 3 messages)");
        Mail again = mail(gzip(REPORT), "application/gzip", "again.xml.gz");
        ingest.service(again);
        assertThat(again.getAttribute(DmarcReportIngest.OUTCOME).orElseThrow().getValue().value().toString())
                .startsWith("already stored");

        Mail hostile = mail(("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/shadow\">]>"
                + "<feedback>&e;</feedback>").getBytes(StandardCharsets.UTF_8), "text/xml", "evil.xml");
        ingest.service(hostile);
        assertThat(hostile.getAttribute(DmarcReportIngest.OUTCOME).orElseThrow().getValue().value().toString())
                .contains("refused evil.xml: report with a DTD refused");
        assertThat(hostile.getState()).isNotEqualTo(Mail.GHOST);

        assertThat(JdbcReportStore.open(url, null, null).received("example.com", Instant.ofEpochSecond(1796428800),
                Instant.ofEpochSecond(1796515200))).hasSize(1);
    }

    @Test
    void it_needs_a_store() {
        assertThatThrownBy(() -> new DmarcReportIngest().init(DkimMailetsTest.config("DmarcReportIngest")))
                .hasMessageContaining("dmarcStore");
    }
}
