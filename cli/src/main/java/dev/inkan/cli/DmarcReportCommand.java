package dev.inkan.cli;

import dev.inkan.dmarc.report.AggregateReport;
import dev.inkan.dmarc.report.AggregateReportXml;
import dev.inkan.dmarc.report.EvaluationRecord;
import dev.inkan.dmarc.report.ReceivedReport;
import dev.inkan.dmarc.report.ReceivedReportReader;
import dev.inkan.dmarc.report.ReportNames;
import dev.inkan.dmarc.report.ReportSummary;
import dev.inkan.dns.DnsResolver;
import dev.inkan.reports.delivery.ReportMailer;
import dev.inkan.reports.store.JdbcReportStore;
import dev.inkan.reports.store.ReportStoreException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code inkan dmarc-report}: what the DMARC report store holds, and the aggregate report of a period. */
@Command(name = "dmarc-report",
        versionProvider = InkanVersion.class,
        description = {
            "DMARC aggregate reports (RFC 9990) from the evaluations a store holds (James records them with the "
                    + "mailets' dmarcStore parameter; inkan verify with --dmarc-store).",
            "A period is a UTC day (--day, default yesterday) or --from/--to dates (the end exclusive)."},
        subcommands = {DmarcReportCommand.ListDomains.class, DmarcReportCommand.Xml.class, DmarcReportCommand.Mail.class, DmarcReportCommand.Send.class,
            DmarcReportCommand.Import.class, DmarcReportCommand.Summary.class})
final class DmarcReportCommand implements Callable<Integer> {

    @ParentCommand
    private InkanCommand inkan;

    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "name a subcommand: list, xml, mail, send, import or summary (see --help)");
    }

    /** What every subcommand takes: the parent (for the output streams), the common options and the store. */
    abstract static class Sub implements Callable<Integer> {

        @ParentCommand
        DmarcReportCommand parent;

        @Mixin
        CommonOptions common;

        @Mixin
        DmarcStoreOptions store;
    }

    /** The reporting period options. */
    static final class Period {

        @Option(names = "--day", order = 20, paramLabel = "YYYY-MM-DD", description = "A UTC day (default: yesterday).")
        String day;

        @Option(names = "--from", order = 21, paramLabel = "DATE|EPOCH",
                description = "Start of the period: a UTC day YYYY-MM-DD, or seconds since 1970.")
        String from;

        @Option(names = "--to", order = 22, paramLabel = "DATE|EPOCH",
                description = "End of the period (exclusive): a UTC day YYYY-MM-DD, or seconds since 1970.")
        String to;

        Instant[] range() throws InputException {
            if (day != null && (from != null || to != null)) {
                throw new InputException("--day and --from/--to cannot be combined");
            }
            if ((from == null) != (to == null)) {
                throw new InputException("--from and --to go together");
            }
            Instant begin = from != null ? instant("--from", from)
                    : day != null ? instant("--day", day)
                    : LocalDate.now(ZoneOffset.UTC).minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = to != null ? instant("--to", to) : begin.plus(java.time.Duration.ofDays(1));
            if (!end.isAfter(begin)) {
                throw new InputException("--to must be after --from");
            }
            return new Instant[] {begin, end};
        }

        /** A UTC day (its start) or, all digits, seconds since 1970. */
        private static Instant instant(String option, String value) throws InputException {
            if (value.matches("[0-9]{1,12}")) {
                return Instant.ofEpochSecond(Long.parseLong(value));
            }
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new InputException(option + " " + value + ": not a date YYYY-MM-DD (or seconds since 1970)");
            }
        }
    }

    @Command(name = "list", description = "Each DMARC Policy Domain with evaluations in the period, and how many.")
    static final class ListDomains extends Sub {


        @Mixin
        private Period period;

        @Override
        public Integer call() throws InputException {
            Instant[] range = period.range();
            JdbcReportStore reports = open(store);
            try {
                for (String domain : reports.policyDomains(range[0], range[1])) {
                    parent.inkan.streams().out().println(domain + "\t"
                            + reports.records(domain, range[0], range[1]).size());
                }
            } catch (ReportStoreException e) {
                throw new InputException(e.getMessage());
            }
            return InkanCommand.EXIT_OK;
        }
    }

    @Command(name = "xml", description = {"The aggregate report of one DMARC Policy Domain for the period, as RFC 9990 "
            + "XML: on standard output, or with --out-dir as a file named as RFC 9990 section 3.5.2 says "
            + "(receiver!domain!begin!end!id.xml[.gz]).",
            "Exit status 2 when the store has no evaluation of that domain in the period."})
    static final class Xml extends Sub {


        @Mixin
        private Period period;

        @Option(names = "--domain", required = true, order = 10, paramLabel = "DOMAIN", description = "The DMARC Policy Domain.")
        private String domain;

        @Option(names = "--receiver", order = 11, paramLabel = "NAME",
                description = "This receiver's domain name, in the Report-ID and file name (default: this host's name).")
        private String receiver;

        @Option(names = "--org-name", order = 12, paramLabel = "NAME", description = "org_name (default: the receiver).")
        private String orgName;

        @Option(names = "--email", order = 13, paramLabel = "ADDRESS",
                description = "The reporting organization's contact (default: postmaster@receiver).")
        private String email;

        @Option(names = "--out-dir", order = 14, paramLabel = "DIR", description = "Write the report file here.")
        private Path outDir;

        @Option(names = "--gzip", order = 15, description = "With --out-dir: gzip it (.xml.gz, as RFC 9990 recommends).")
        private boolean gzip;

        @Override
        public Integer call() throws InputException, IOException {
            Built built = build(store, period, domain, receiver, orgName, email, null);
            AggregateReport report = built.report();
            String me = built.receiver();
            String uniqueId = built.uniqueId();
            Instant[] range = {report.metadata().begin(), report.metadata().end()};
            if (outDir == null) {
                if (gzip) {
                    throw new InputException("--gzip needs --out-dir (gzip is not for a terminal)");
                }
                AggregateReportXml.write(report, parent.inkan.streams().out());
                parent.inkan.streams().out().flush();
                return InkanCommand.EXIT_OK;
            }
            Path file = outDir.resolve(ReportNames.filename(me, domain, range[0], range[1], uniqueId, gzip));
            try (OutputStream out = Files.newOutputStream(file)) {
                if (gzip) {
                    AggregateReportXml.writeGzip(report, out);
                } else {
                    AggregateReportXml.write(report, out);
                }
            }
            parent.inkan.streams().out().println(file);
            return InkanCommand.EXIT_OK;
        }
    }

    @Command(name = "mail", description = {"The aggregate report of one DMARC Policy Domain for the period as "
            + "ready-to-send email (RFC 9990 section 3.5.2), one .eml file per destination in --out-dir, for your "
            + "mail system to send (so that it leaves DKIM-signed): e.g. sendmail -t < FILE.",
            "Destinations are the policy's rua mailto: URIs; one outside the policy domain's Organizational Domain "
                    + "must authorize it in DNS (RFC 9990 section 4), and its size limit (!10m) must allow the "
                    + "message. Each refused destination is printed with the reason."})
    static final class Mail extends Sub {


        @Mixin
        private Period period;

        @Mixin
        private DnsOptions dns;

        @Option(names = "--domain", required = true, order = 10, paramLabel = "DOMAIN", description = "The DMARC Policy Domain.")
        private String domain;

        @Option(names = "--sender", required = true, order = 11, paramLabel = "ADDRESS",
                description = "The reporting address the reports come from.")
        private String from;

        @Option(names = "--receiver", order = 12, paramLabel = "NAME",
                description = "This receiver's domain name, in the Report-ID and file name (default: this host's name).")
        private String receiver;

        @Option(names = "--org-name", order = 13, paramLabel = "NAME", description = "org_name (default: the receiver).")
        private String orgName;

        @Option(names = "--out-dir", required = true, order = 14, paramLabel = "DIR", description = "Write the .eml files here.")
        private Path outDir;

        @Override
        public Integer call() throws InputException, IOException {
            Built built = build(store, period, domain, receiver, orgName, from, dns.resolver());
            AggregateReport report = built.report();
            int n = 0;
            for (ReportMailer.Outgoing m : built.mailer().messages(report)) {
                if (m.refused()) {
                    parent.inkan.streams().out().println("not sent" + (m.destination().isEmpty() ? "" : " to "
                            + m.destination()) + ": " + m.refusal());
                    continue;
                }
                Path file = outDir.resolve(ReportNames.filename(built.receiver(), report.policy().domain(),
                        report.metadata().begin(), report.metadata().end(), built.uniqueId(), false)
                        .replace(".xml", "") + "." + (++n) + ".eml");
                Files.write(file, m.message());
                parent.inkan.streams().out().println(file + "\t" + m.destination());
            }
            return InkanCommand.EXIT_OK;
        }
    }

    @Command(name = "send", description = {"Sends the aggregate reports that are due, as James's daily run does: for "
            + "each of the last --days UTC days (before today) and each DMARC Policy Domain with evaluations, the "
            + "report's messages to its verified rua destinations, each handed to the local MTA (--sendmail PATH -i "
            + "-f SENDER -- RECIPIENT), which should DKIM-sign them on the way out.",
            "Each report is made once: it is claimed in the store first, so running again, or on another host sharing "
                    + "the store, sends nothing twice. A report none of whose messages the MTA took is released and "
                    + "sent by the next run. Prints one line per message and per refused destination; exit status 2 "
                    + "when a hand-off failed."})
    static final class Send extends Sub {


        @Mixin
        private DnsOptions dns;

        @Option(names = "--sender", required = true, order = 10, paramLabel = "ADDRESS",
                description = "The reporting address the reports come from (envelope and From).")
        private String from;

        @Option(names = "--receiver", order = 11, paramLabel = "NAME",
                description = "This receiver's domain name, in Report-IDs and file names (default: the sender's domain).")
        private String receiver;

        @Option(names = "--org-name", order = 12, paramLabel = "NAME", description = "org_name (default: the receiver).")
        private String orgName;

        @Option(names = "--days", order = 13, paramLabel = "N", defaultValue = "3",
                description = "How many UTC days before today to send reports of (default: ${DEFAULT-VALUE}; a day "
                        + "already sent is skipped).")
        private int days;

        @Option(names = "--sendmail", order = 14, paramLabel = "PATH", defaultValue = "/usr/sbin/sendmail",
                description = "The MTA's sendmail program (default: ${DEFAULT-VALUE}).")
        private Path sendmail;

        @Option(names = "--node", order = 15, paramLabel = "NAME",
                description = "This host's name in the store's claims (default: this host's name).")
        private String node;

        @Override
        public Integer call() throws InputException, IOException {
            if (days < 1 || days > 366) {
                throw new InputException("--days must be between 1 and 366");
            }
            if (!from.matches("[^@\\s]+@[^@\\s]+")) {
                throw new InputException("--sender " + from + ": not an address local@domain");
            }
            if (!Files.isExecutable(sendmail)) {
                throw new InputException("--sendmail " + sendmail + ": not an executable program");
            }
            String me = receiver == null ? from.substring(from.indexOf('@') + 1) : LocalHost.nameOr(receiver, "--receiver");
            ReportMailer mailer = mailer(from, me, orgName == null ? me : orgName, dns.resolver());
            var out = parent.inkan.streams().out();
            int failed = 0;
            try {
                for (ReportMailer.Sent done : mailer.sendDue(open(store), LocalDate.now(ZoneOffset.UTC), days,
                        LocalHost.nameOr(node, "--node"), generator(), m -> handOff(sendmail, from, m))) {
                    String period = done.report().policy().domain() + " " + done.report().metadata().begin() + " .. "
                            + done.report().metadata().end();
                    for (ReportMailer.Outgoing m : done.handed()) {
                        out.println(period + "\tsent to " + m.destination());
                    }
                    for (ReportMailer.Outgoing m : done.refused()) {
                        out.println(period + "\tnot sent" + (m.destination().isEmpty() ? "" : " to " + m.destination())
                                + ": " + m.refusal());
                    }
                    for (String failure : done.failures()) {
                        failed++;
                        out.println(period + "\tfailed: " + failure + (done.released() ? " (the next run tries again)" : ""));
                    }
                }
            } catch (ReportStoreException e) {
                throw new InputException(e.getMessage());
            }
            if (failed > 0) {
                throw new InputException(failed + " report messages could not be handed to " + sendmail);
            }
            return InkanCommand.EXIT_OK;
        }

        /** Pipes one message to {@code sendmail -i -f SENDER -- RECIPIENT}; a non-zero exit is a failed hand-off. */
        private static void handOff(Path sendmail, String sender, ReportMailer.Outgoing m)
                throws IOException, InterruptedException {
            Process p = new ProcessBuilder(sendmail.toString(), "-i", "-f", sender, "--", m.destination())
                    .redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(m.message());
            }
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int status = p.waitFor();
            if (status != 0) {
                throw new IOException(sendmail.getFileName() + " exited with status " + status
                        + (said.isEmpty() ? "" : ": " + said.lines().findFirst().orElse("")));
            }
        }
    }

    @Command(name = "import", description = {"Stores aggregate reports other receivers sent about your domains "
            + "(the attachments of the mail your rua address gets: .xml, .xml.gz or .zip), once each.",
            "A file that is not a report, or a hostile one (DTD, external entities, compression bomb), is refused with "
                    + "one line and not stored; the exit status is 2 when any was refused."})
    static final class Import extends Sub {


        @picocli.CommandLine.Parameters(paramLabel = "FILE", arity = "1..*", description = "Report files.")
        private List<Path> files;

        @Override
        public Integer call() throws InputException, IOException {
            JdbcReportStore reports = open(store);
            int refused = 0;
            for (Path file : files) {
                String outcome;
                try {
                    ReceivedReport report = ReceivedReportReader.read(Files.readAllBytes(file));
                    outcome = (reports.addReceived(report) ? "stored " : "already stored ") + report.orgName() + " "
                            + report.reportId() + " (" + report.policyDomain() + ", " + report.messages() + " messages)";
                } catch (ReceivedReportReader.ReportFormatException e) {
                    refused++;
                    outcome = "refused: " + e.getMessage();
                } catch (ReportStoreException e) {
                    throw new InputException(e.getMessage());
                }
                parent.inkan.streams().out().println(file + "\t" + outcome);
            }
            if (refused > 0) {
                throw new InputException(refused + " of " + files.size() + " files refused");
            }
            return InkanCommand.EXIT_OK;
        }
    }

    @Command(name = "summary", description = "Who sends as DOMAIN and how they fare, from the aggregate reports "
            + "imported for the period (by the period's start): per source IP the messages, how many passed DMARC, "
            + "DKIM and SPF alignment, and what receivers did.")
    static final class Summary extends Sub {


        @Mixin
        private Period period;

        @Option(names = "--domain", required = true, order = 10, paramLabel = "DOMAIN", description = "Your domain.")
        private String domain;

        @Option(names = "--json", order = 11, description = "One JSON object instead of text.")
        private boolean json;

        @Override
        public Integer call() throws InputException, IOException {
            Instant[] range = period.range();
            List<ReceivedReport> received;
            try {
                received = open(store).received(domain, range[0], range[1]);
            } catch (ReportStoreException e) {
                throw new InputException(e.getMessage());
            }
            ReportSummary summary = ReportSummary.of(domain.toLowerCase(java.util.Locale.ROOT), received);
            var out = parent.inkan.streams().out();
            if (json) {
                out.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(summary));
                return InkanCommand.EXIT_OK;
            }
            out.println(summary.domain() + ": " + summary.reports() + " reports from " + String.join(", ", summary.reporters())
                    + "; " + summary.messages() + " messages, " + summary.dmarcPass() + " passed DMARC");
            out.println("source_ip\tmessages\tdmarc_pass\tdkim_aligned\tspf_aligned\tdispositions");
            for (ReportSummary.Source s : summary.sources()) {
                out.println(s.ip() + "\t" + s.messages() + "\t" + s.dmarcPass() + "\t" + s.dkimAligned() + "\t"
                        + s.spfAligned() + "\t" + s.dispositions());
            }
            return InkanCommand.EXIT_OK;
        }
    }

    /** A report of a domain and period from the store, with the names it goes by. */
    record Built(AggregateReport report, String receiver, String uniqueId, ReportMailer mailer) {
    }

    static Built build(DmarcStoreOptions store, Period period, String domain, String receiver, String orgName,
            String email, DnsResolver resolver) throws InputException, IOException {
        Instant[] range = period.range();
        String me = LocalHost.nameOr(receiver, "--receiver");
        JdbcReportStore reports = open(store);
        List<EvaluationRecord> records;
        try {
            records = reports.records(domain, range[0], range[1]);
        } catch (ReportStoreException e) {
            throw new InputException(e.getMessage());
        }
        if (records.isEmpty()) {
            throw new InputException("no DMARC evaluations of " + domain + " from " + range[0] + " to " + range[1]);
        }
        ReportMailer mailer = mailer(email == null ? "postmaster@" + me : email, me, orgName == null ? me : orgName,
                resolver);
        AggregateReport report = mailer.report(domain, range[0], range[1], records, generator());
        return new Built(report, me, mailer.uniqueId(domain, range[0], range[1]), mailer);
    }

    static ReportMailer mailer(String sender, String receiver, String orgName, DnsResolver resolver) {
        return new ReportMailer(sender, receiver, orgName, resolver, Clock.systemUTC());
    }

    static String generator() throws IOException {
        return "Inkan " + new InkanVersion().getVersion()[0];
    }

    private static JdbcReportStore open(DmarcStoreOptions store) throws InputException {
        if (!store.given()) {
            throw new InputException("--dmarc-store is required");
        }
        return store.open();
    }
}
