package dev.inkan.dmarc.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an {@link AggregateReport} as RFC 9990 §3.1.1 XML (namespace {@value #NAMESPACE}, version 1.0, elements in
 * the order the RFC's tables list them), indented, UTF-8; or gzip-compressed as §3.5.2 recommends.
 */
public final class AggregateReportXml {

    public static final String NAMESPACE = "urn:ietf:params:xml:ns:dmarc-2.0";

    private final XMLStreamWriter xml;
    private int depth;

    private AggregateReportXml(XMLStreamWriter xml) {
        this.xml = xml;
    }

    /** The report as XML. */
    public static void write(AggregateReport report, OutputStream out) throws IOException {
        try {
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            new AggregateReportXml(writer).document(report);
            writer.flush();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the aggregate report: " + e.getMessage(), e);
        }
    }

    /** The report as gzip-compressed XML (media type application/gzip, file name ending .xml.gz). */
    public static void writeGzip(AggregateReport report, OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        write(report, gzip);
        gzip.finish();
    }

    /** The report as an XML string. */
    public static String toXml(AggregateReport report) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private void document(AggregateReport report) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("feedback");
        xml.writeDefaultNamespace(NAMESPACE);
        depth++;
        leaf("version", "1.0");
        metadata(report.metadata());
        policy(report.policy());
        for (AggregateReport.ReportRow row : report.rows()) {
            record(row);
        }
        end();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private void metadata(AggregateReport.Metadata m) throws XMLStreamException {
        start("report_metadata");
        leaf("org_name", m.orgName());
        leaf("email", m.email());
        optional("extra_contact_info", m.extraContactInfo());
        leaf("report_id", m.reportId());
        start("date_range");
        leaf("begin", Long.toString(m.begin().getEpochSecond()));
        leaf("end", Long.toString(m.end().getEpochSecond()));
        end();
        if (!m.errors().isEmpty()) {
            leaf("error", String.join("; ", m.errors()));
        }
        optional("generator", m.generator());
        end();
    }

    private void policy(PublishedPolicy p) throws XMLStreamException {
        start("policy_published");
        leaf("domain", p.domain());
        leaf("discovery_method", p.discoveryMethod());
        leaf("p", p.p());
        optional("sp", p.sp());
        optional("np", p.np());
        optional("fo", p.fo());
        leaf("adkim", p.adkim());
        leaf("aspf", p.aspf());
        optional("testing", p.testing());
        end();
    }

    private void record(AggregateReport.ReportRow row) throws XMLStreamException {
        EvaluationRecord r = row.sample();
        start("record");
        start("row");
        leaf("source_ip", r.sourceIp());
        leaf("count", Long.toString(row.count()));
        start("policy_evaluated");
        leaf("disposition", r.disposition());
        leaf("dkim", r.dkimAligned() ? "pass" : "fail");
        leaf("spf", r.spfAligned() ? "pass" : "fail");
        for (EvaluationRecord.OverrideReason reason : r.reasons()) {
            start("reason");
            leaf("type", reason.type());
            optional("comment", reason.comment());
            end();
        }
        end();
        end();
        start("identifiers");
        leaf("header_from", r.headerFrom());
        optional("envelope_from", r.envelopeFrom());
        optional("envelope_to", r.envelopeTo());
        end();
        start("auth_results");
        for (EvaluationRecord.DkimAuth dkim : r.dkim()) {
            start("dkim");
            leaf("domain", dkim.domain());
            leaf("selector", dkim.selector());
            leaf("result", dkim.result());
            optional("human_result", dkim.human());
            end();
        }
        if (r.spf() != null) {
            start("spf");
            leaf("domain", r.spf().domain());
            leaf("scope", "mfrom");
            leaf("result", r.spf().result());
            optional("human_result", r.spf().human());
            end();
        }
        end();
        end();
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private void start(String name) throws XMLStreamException {
        indent();
        xml.writeStartElement(name);
        depth++;
    }

    private void end() throws XMLStreamException {
        depth--;
        indent();
        xml.writeEndElement();
    }

    private void leaf(String name, String value) throws XMLStreamException {
        indent();
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private void optional(String name, String value) throws XMLStreamException {
        if (value != null) {
            leaf(name, value);
        }
    }
}
