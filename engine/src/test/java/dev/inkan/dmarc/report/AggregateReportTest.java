package dev.inkan.dmarc.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.authenticate.Authentication;
import dev.inkan.authenticate.AuthenticationConfig;
import dev.inkan.authenticate.Authenticator;
import dev.inkan.authenticate.SmtpEnvelope;
import dev.inkan.conformance.ConformanceSuite;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.dkim.DkimKeyRecord;
import dev.inkan.dkim.DkimSigner;
import dev.inkan.dkim.DkimSigningSpec;
import dev.inkan.dns.ScriptedResolver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;

/**
 * DMARC evaluations of the one pipeline turned into RFC 9990 aggregate reports: rows by IP, result and
 * identifiers with counts, XML that validates against the RFC's own schema (rfc9990-dmarc-2.0.xsd beside the
 * conformance suites), and the file, Subject and Report-ID names of §3.5.
 */
class AggregateReportTest {

    static final Instant DAY = Instant.parse("2026-12-06T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(DAY.plusSeconds(3600), ZoneOffset.UTC);
    static final SigningKey KEY = new SigningKeyGenerator(new SecureRandom()).ed25519();
    static final String MESSAGE = "From: Joe <joe@example.com>\r\nTo: ann@example.net\r\nSubject: hi\r\n"
            + "Date: Sun, 06 Dec 2026 10:00:00 +0000\r\n\r\nHello.\r\n";

    static Authenticator pipeline() {
        ScriptedResolver dns = ScriptedResolver.empty()
                .txt("sel._domainkey.example.com", DkimKeyRecord.textFor(KEY.publicKey()))
                .txt("example.com", "v=spf1 ip4:192.0.2.0/24 -all")
                .txt("_dmarc.example.com", "v=DMARC1; p=reject; rua=mailto:dmarc@example.com; adkim=s");
        return new Authenticator(AuthenticationConfig.builder(dns, "mx.example.net").clock(CLOCK)
                .dnsBudget(Duration.ofSeconds(5)).build());
    }

    static EvaluationRecord evaluate(Authenticator pipeline, String message, String ip, int minute) throws Exception {
        Authentication result = pipeline.authenticate(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)),
                new SmtpEnvelope(InetAddress.getByName(ip), "mail.example.com", "bounce@example.com",
                        List.of("ann@example.net"), false));
        return result.dmarcReportRecord(DAY.plusSeconds(60L * minute)).orElseThrow();
    }

    static String signed(String message) throws Exception {
        DkimSigner signer = new DkimSigner(List.of(DkimSigningSpec.builder(KEY, "example.com", "sel").build()), CLOCK);
        return String.join("", signer.sign(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1))))
                + message;
    }

    static AggregateReport.Metadata metadata() {
        return new AggregateReport.Metadata("mx.example.net", "postmaster@example.net", null,
                ReportNames.reportId("mx.example.net", "example.com", DAY, "a1"), DAY, DAY.plus(Duration.ofDays(1)),
                List.of(), "Inkan");
    }

    @Test
    void evaluations_become_rows_with_counts_and_the_xml_validates_against_the_rfc_schema() throws Exception {
        Authenticator pipeline = pipeline();
        List<EvaluationRecord> records = new ArrayList<>();
        String signed = signed(MESSAGE);
        for (int i = 0; i < 3; i++) {
            records.add(evaluate(pipeline, signed, "192.0.2.10", i));
        }
        records.add(evaluate(pipeline, MESSAGE, "203.0.113.66", 10)); // a spoof: no signature, SPF fails
        records.add(evaluate(pipeline, signed, "192.0.2.11", 11));

        AggregateReport report = AggregateReport.of(metadata(), records);

        assertThat(report.rows()).hasSize(3);
        assertThat(report.messages()).isEqualTo(5);
        assertThat(report.rows().get(0).count()).isEqualTo(3);
        EvaluationRecord pass = report.rows().get(0).sample();
        assertThat(pass.disposition()).isEqualTo("pass");
        assertThat(pass.dkimAligned()).isTrue();
        assertThat(pass.spfAligned()).isTrue(); // MAIL FROM bounce@example.com passes SPF and aligns (aspf=r)
        EvaluationRecord spoof = report.rows().get(1).sample();
        assertThat(spoof.disposition()).isEqualTo("reject");
        assertThat(spoof.dkim()).isEmpty();
        assertThat(spoof.spf().result()).isEqualTo("fail");
        assertThat(report.policy().rua()).containsExactly("mailto:dmarc@example.com");
        assertThat(report.policy().adkim()).isEqualTo("s");

        String xml = AggregateReportXml.toXml(report);
        validate(xml);
        assertThat(xml).contains("<feedback xmlns=\"urn:ietf:params:xml:ns:dmarc-2.0\">")
                .contains("<source_ip>192.0.2.10</source_ip>").contains("<count>3</count>")
                .contains("<discovery_method>treewalk</discovery_method>")
                .contains("<envelope_to>example.net</envelope_to>")
                .contains("<begin>" + DAY.getEpochSecond() + "</begin>");
    }

    @Test
    void the_gzip_form_holds_the_same_xml() throws Exception {
        AggregateReport report = AggregateReport.of(metadata(), List.of(evaluate(pipeline(), signed(MESSAGE), "192.0.2.10", 1)));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        AggregateReportXml.writeGzip(report, gz);
        String unpacked = new String(new GZIPInputStream(new ByteArrayInputStream(gz.toByteArray())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(unpacked).isEqualTo(AggregateReportXml.toXml(report));
        validate(unpacked);
    }

    @Test
    void a_report_covers_one_policy_domain_and_its_period() throws Exception {
        EvaluationRecord in = evaluate(pipeline(), signed(MESSAGE), "192.0.2.10", 1);
        EvaluationRecord other = new EvaluationRecord(in.evaluatedAt(), in.sourceIp(), "example.org", "", null,
                new PublishedPolicy("example.org", "none", null, null, "r", "r", "treewalk", "0", "n", List.of(),
                        List.of()), "none", false, false, List.of(), List.of(), null);
        assertThatThrownBy(() -> AggregateReport.of(metadata(), List.of(in, other)))
                .hasMessageContaining("one DMARC Policy Domain");
        EvaluationRecord late = evaluate(pipeline(), signed(MESSAGE), "192.0.2.10", 60 * 25);
        assertThatThrownBy(() -> AggregateReport.of(metadata(), List.of(late))).hasMessageContaining("outside the period");
        assertThatThrownBy(() -> AggregateReport.of(metadata(), List.of())).hasMessageContaining("no evaluations");
    }

    @Test
    void names_follow_rfc_9990_section_3_5() {
        // the RFC's own example file name
        assertThat(ReportNames.filename("mail.receiver.example", "example.com", Instant.ofEpochSecond(1013662812),
                Instant.ofEpochSecond(1013749130), null, true))
                .isEqualTo("mail.receiver.example!example.com!1013662812!1013749130.xml.gz");
        assertThat(ReportNames.filename("MX.Example.NET", "example.com", DAY, DAY.plusSeconds(86400), "a1", false))
                .isEqualTo("mx.example.net!example.com!" + DAY.getEpochSecond() + "!" + (DAY.getEpochSecond() + 86400)
                        + "!a1.xml");
        String id = ReportNames.reportId("mx.example.net", "example.com", DAY, "a1");
        assertThat(id).matches("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+");
        assertThat(ReportNames.subject("example.com", "mx.example.net", id))
                .isEqualTo("Report Domain: example.com Submitter: mx.example.net Report-ID: <" + id + ">");
        assertThatThrownBy(() -> ReportNames.filename("a", "b", DAY, DAY, "not-alnum", true))
                .hasMessageContaining("letters and digits");
    }

    static void validate(String xml) throws Exception {
        Path xsd = ConformanceSuite.root().resolveSibling("rfc").resolve("rfc9990-dmarc-2.0.xsd");
        assertThat(xsd).as("RFC 9990's schema beside the conformance suites (../shared/rfc)").exists();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(new StreamSource(Files.newInputStream(xsd))).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
    }
}
