package dev.inkan.dmarc.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an aggregate report attachment another receiver sent (RFC 9990, and the RFC 7489 format most still send:
 * the same elements without the namespace): plain XML, gzip or zip (the first .xml entry). Hostile input is refused
 * with a {@link ReportFormatException} naming the problem, never processed: no DTD or external entity is read (so no
 * XML bomb or XXE), and the decompressed XML, the nesting depth and the number of records are bounded.
 */
public final class ReceivedReportReader {

    /** Largest decompressed report accepted. */
    public static final long MAX_XML_BYTES = 32L << 20;
    static final int MAX_DEPTH = 32;
    static final int MAX_RECORDS = 1_000_000;

    /** Why a report was refused (one line). */
    public static final class ReportFormatException extends Exception {
        private static final long serialVersionUID = 1L;

        public ReportFormatException(String message) {
            super(message);
        }
    }

    private ReceivedReportReader() {
    }

    /** Reads the attachment's bytes: gzip and zip are recognised by their magic numbers. */
    public static ReceivedReport read(byte[] attachment) throws ReportFormatException {
        try {
            if (attachment.length >= 2 && (attachment[0] & 0xff) == 0x1f && (attachment[1] & 0xff) == 0x8b) {
                return parse(bounded(new GZIPInputStream(new ByteArrayInputStream(attachment))));
            }
            if (attachment.length >= 4 && attachment[0] == 'P' && attachment[1] == 'K' && attachment[2] == 3
                    && attachment[3] == 4) {
                try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(attachment))) {
                    for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                        if (!e.isDirectory() && e.getName().toLowerCase(Locale.ROOT).endsWith(".xml")) {
                            return parse(bounded(zip));
                        }
                    }
                }
                throw new ReportFormatException("zip attachment without an .xml entry");
            }
            return parse(bounded(new ByteArrayInputStream(attachment)));
        } catch (IOException e) {
            throw new ReportFormatException("unreadable compressed report: " + e.getMessage());
        }
    }

    /** At most {@link #MAX_XML_BYTES} of decompressed XML, else refused (a compression bomb). */
    private static byte[] bounded(InputStream in) throws IOException, ReportFormatException {
        byte[] xml = in.readNBytes((int) MAX_XML_BYTES + 1);
        if (xml.length > MAX_XML_BYTES) {
            throw new ReportFormatException("report larger than " + (MAX_XML_BYTES >> 20) + " MiB uncompressed");
        }
        return xml;
    }

    private static ReceivedReport parse(byte[] xml) throws ReportFormatException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            return new Parser(r).report();
        } catch (XMLStreamException e) {
            throw new ReportFormatException("not a well-formed report: " + oneLine(e.getMessage()));
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    /** A small streaming parser that knows the feedback element's shape, by local names. */
    private static final class Parser {
        private final XMLStreamReader r;
        private final Deque<String> path = new ArrayDeque<>();
        private String orgName;
        private String reportId;
        private Long begin;
        private Long end;
        private String domain;
        private final List<ReceivedReport.Row> rows = new ArrayList<>();
        // the record being read
        private String sourceIp;
        private long count;
        private String disposition;
        private boolean dkimAligned;
        private boolean spfAligned;
        private String headerFrom;
        private List<String> dkim;
        private List<String> spf;
        private String authDomain;
        private String authResult;

        Parser(XMLStreamReader r) {
            this.r = r;
        }

        ReceivedReport report() throws XMLStreamException, ReportFormatException {
            boolean root = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new ReportFormatException("report with a DTD refused");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new ReportFormatException("report with entity references refused");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (path.isEmpty()) {
                        if (!name.equals("feedback")) {
                            throw new ReportFormatException("not a DMARC aggregate report: root element <" + name + ">");
                        }
                        root = true;
                    }
                    path.push(name);
                    if (path.size() > MAX_DEPTH) {
                        throw new ReportFormatException("report nested deeper than " + MAX_DEPTH + " elements");
                    }
                    start(name);
                } else if (event == XMLStreamConstants.CHARACTERS && path.size() > 1) {
                    text(r.getText().strip());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    end(path.pop());
                }
            }
            if (!root) {
                throw new ReportFormatException("empty report");
            }
            if (orgName == null || reportId == null || begin == null || end == null || domain == null) {
                throw new ReportFormatException("report without org_name, report_id, date_range or policy domain");
            }
            return new ReceivedReport(orgName, reportId, Instant.ofEpochSecond(begin), Instant.ofEpochSecond(end),
                    domain.toLowerCase(Locale.ROOT), rows);
        }

        private String parent() {
            return path.size() > 1 ? path.toArray(new String[0])[1] : "";
        }

        private void start(String name) throws ReportFormatException {
            if (name.equals("record")) {
                if (rows.size() >= MAX_RECORDS) {
                    throw new ReportFormatException("report with more than " + MAX_RECORDS + " records");
                }
                sourceIp = null;
                count = 0;
                disposition = "none";
                dkimAligned = false;
                spfAligned = false;
                headerFrom = null;
                dkim = new ArrayList<>();
                spf = new ArrayList<>();
            } else if ((name.equals("dkim") || name.equals("spf")) && path.contains("auth_results")) {
                authDomain = null;
                authResult = null;
            }
        }

        private void text(String value) throws ReportFormatException {
            if (value.isEmpty()) {
                return;
            }
            String element = path.peek();
            String parent = parent();
            try {
                switch (parent + "/" + element) {
                    case "report_metadata/org_name" -> orgName = value;
                    case "report_metadata/report_id" -> reportId = value;
                    case "date_range/begin" -> begin = Long.parseLong(value);
                    case "date_range/end" -> end = Long.parseLong(value);
                    case "policy_published/domain" -> domain = value;
                    case "row/source_ip" -> sourceIp = value;
                    case "row/count" -> count = Long.parseLong(value);
                    case "policy_evaluated/disposition" -> disposition = value.toLowerCase(Locale.ROOT);
                    case "policy_evaluated/dkim" -> dkimAligned = value.equalsIgnoreCase("pass");
                    case "policy_evaluated/spf" -> spfAligned = value.equalsIgnoreCase("pass");
                    case "identifiers/header_from" -> headerFrom = value.toLowerCase(Locale.ROOT);
                    case "dkim/domain", "spf/domain" -> authDomain = value.toLowerCase(Locale.ROOT);
                    case "dkim/result", "spf/result" -> authResult = value.toLowerCase(Locale.ROOT);
                    default -> { }
                }
            } catch (NumberFormatException e) {
                throw new ReportFormatException("<" + element + "> is not a number: " + value);
            }
            if (count < 0) {
                throw new ReportFormatException("negative count");
            }
        }

        private void end(String name) throws ReportFormatException {
            if (name.equals("record")) {
                if (sourceIp == null) {
                    throw new ReportFormatException("record without source_ip");
                }
                rows.add(new ReceivedReport.Row(sourceIp, count, disposition, dkimAligned, spfAligned, headerFrom, dkim,
                        spf));
            } else if (name.equals("dkim") && path.contains("auth_results") && authDomain != null) {
                dkim.add(authDomain + " " + (authResult == null ? "none" : authResult));
            } else if (name.equals("spf") && path.contains("auth_results") && authDomain != null) {
                spf.add(authDomain + " " + (authResult == null ? "none" : authResult));
            }
        }
    }
}
