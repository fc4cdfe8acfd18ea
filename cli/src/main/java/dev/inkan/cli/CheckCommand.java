package dev.inkan.cli;

import dev.inkan.crypto.SigningKey;
import dev.inkan.diagnosis.DkimKeyCheck;
import dev.inkan.diagnosis.DmarcRecordCheck;
import dev.inkan.diagnosis.RecordReport;
import dev.inkan.diagnosis.SpfRecordCheck;
import dev.inkan.dns.DnsResolver;
import dev.inkan.dns.OversizedTxtString;
import dev.inkan.dns.ZoneFileResolver;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code inkan check}: explains the DKIM, SPF and DMARC records a domain publishes, with the engine's diagnosis
 * ({@link dev.inkan.diagnosis}), so that what it says is what Inkan's verifier does with the same answers.
 */
@Command(sortOptions = false,
        name = "check",
        versionProvider = InkanVersion.class,
        description = {
            "Explain the DNS records of a domain: the DKIM key of a selector (RFC 6376, RFC 8301, RFC 8463), the SPF "
                    + "record (RFC 7208) and the DMARC record (RFC 9989), each with what is wrong and how to fix it.",
            "Reads real DNS (--dns-server, or the system's resolvers) or a zone file (--dns-zone)."},
        subcommands = {CheckCommand.Dkim.class, CheckCommand.Spf.class, CheckCommand.Dmarc.class,
            CheckCommand.Domain.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:no record has an error (warnings allowed)", "1:internal error, a bug (--debug: stack trace)",
            "3:a record has an error", "2:usage or input error (bad option, unreadable key or "
                + "zone file): one line on standard error"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  inkan check dkim --domain example.com --selector s2026 --key keys/s2026.private",
            "  inkan check domain example.com --selector s2026 --json",
            "  inkan check spf --domain example.com --dns-zone example.com.zone"})
final class CheckCommand implements Callable<Integer> {

    /** Exit status when a checked record has an error. */
    static final int EXIT_RECORD_ERROR = 3;

    @ParentCommand
    private InkanCommand inkan;

    @Mixin
    private CommonOptions common;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing check: dkim, spf, dmarc or domain");
    }

    /** What one check needs: DNS, the zone file's over-long strings, and the output. */
    abstract static class Sub implements Callable<Integer> {

        @ParentCommand
        CheckCommand parent;

        @Mixin
        CommonOptions common;

        @Mixin
        DnsOptions dns;

        @Option(names = "--json", order = 20,
                description = "One JSON object per record, one per line, instead of text.")
        boolean json;

        /** The reports of this check, each with the record to publish when a key was given. */
        abstract List<CheckedRecord> check(DnsResolver resolver, List<OversizedTxtString> zoneStrings)
                throws InputException;

        @Override
        public Integer call() throws InputException, IOException {
            DnsResolver resolver = dns.resolverSplittingLongStrings();
            List<OversizedTxtString> zoneStrings = resolver instanceof ZoneFileResolver zone
                    ? zone.oversizedTxtStrings() : List.of();
            List<CheckedRecord> checked = check(resolver, zoneStrings);
            PrintStream out = parent.inkan.streams().out();
            CheckReportWriter writer = new CheckReportWriter(out, json);
            checked.forEach(writer::write);
            out.flush();
            if (out.checkError()) {
                throw new IOException("standard output: write error");
            }
            return checked.stream().anyMatch(c -> c.report().hasErrors()) ? EXIT_RECORD_ERROR : InkanCommand.EXIT_OK;
        }
    }

    /** A report, and the DKIM record that publishes the key given with --key (null without one). */
    record CheckedRecord(RecordReport report, DkimTxtRecord publish) {
    }

    @Command(sortOptions = false, name = "dkim", versionProvider = InkanVersion.class,
            description = {"Explain the DKIM key record at SELECTOR._domainkey.DOMAIN; with --key, whether it "
                    + "publishes that private key's public key (e.g. before switching to a new selector)."})
    static final class Dkim extends Sub {

        @Option(names = "--domain", required = true, order = 1, paramLabel = "DOMAIN",
                description = "Signing domain (d=).")
        String domain;

        @Option(names = "--selector", required = true, order = 2, paramLabel = "SELECTOR",
                description = "Selector (s=).")
        String selector;

        @Option(names = "--key", order = 3, paramLabel = "FILE",
                description = "The private key that signs with the selector (PEM, as inkan keygen writes it).")
        Path key;

        @Override
        List<CheckedRecord> check(DnsResolver resolver, List<OversizedTxtString> zoneStrings) throws InputException {
            return List.of(dkim(resolver, zoneStrings, name(domain), selector, key));
        }
    }

    @Command(sortOptions = false, name = "spf", versionProvider = InkanVersion.class,
            description = "Explain the SPF record of DOMAIN: syntax, the 10 DNS lookups and 2 void lookups counted "
                    + "through every include and redirect (RFC 7208 section 4.6.4), ptr, all.")
    static final class Spf extends Sub {

        @Option(names = "--domain", required = true, order = 1, paramLabel = "DOMAIN",
                description = "The MAIL FROM (or HELO) domain.")
        String domain;

        @Override
        List<CheckedRecord> check(DnsResolver resolver, List<OversizedTxtString> zoneStrings) {
            return List.of(new CheckedRecord(new SpfRecordCheck(resolver, zoneStrings).check(name(domain)), null));
        }
    }

    @Command(sortOptions = false, name = "dmarc", versionProvider = InkanVersion.class,
            description = "Explain the DMARC record at _dmarc.DOMAIN: syntax, policy, t= and pct=, and whether "
                    + "report destinations in other domains authorized the reports (RFC 9990 section 4).")
    static final class Dmarc extends Sub {

        @Option(names = "--domain", required = true, order = 1, paramLabel = "DOMAIN",
                description = "The author domain.")
        String domain;

        @Override
        List<CheckedRecord> check(DnsResolver resolver, List<OversizedTxtString> zoneStrings) {
            return List.of(new CheckedRecord(new DmarcRecordCheck(resolver, zoneStrings).check(name(domain)), null));
        }
    }

    @Command(sortOptions = false, name = "domain", versionProvider = InkanVersion.class,
            description = "Explain every record of DOMAIN at once: SPF, DMARC and the DKIM key of each --selector.")
    static final class Domain extends Sub {

        @Parameters(index = "0", paramLabel = "DOMAIN", description = "The domain.")
        String domain;

        @Option(names = "--selector", order = 2, paramLabel = "SELECTOR",
                description = "A DKIM selector to check; repeatable.")
        List<String> selectors = new ArrayList<>();

        @Option(names = "--key", order = 3, paramLabel = "FILE",
                description = "The private key of the (one) --selector.")
        Path key;

        @Override
        List<CheckedRecord> check(DnsResolver resolver, List<OversizedTxtString> zoneStrings) throws InputException {
            if (key != null && selectors.size() != 1) {
                throw new InputException("--key belongs to one selector: give exactly one --selector with it");
            }
            String name = name(domain);
            List<CheckedRecord> checked = new ArrayList<>();
            checked.add(new CheckedRecord(new SpfRecordCheck(resolver, zoneStrings).check(name), null));
            checked.add(new CheckedRecord(new DmarcRecordCheck(resolver, zoneStrings).check(name), null));
            for (String selector : selectors) {
                checked.add(dkim(resolver, zoneStrings, name, selector, key));
            }
            return checked;
        }
    }

    static CheckedRecord dkim(DnsResolver resolver, List<OversizedTxtString> zoneStrings, String domain,
            String selector, Path keyFile) throws InputException {
        SigningKey key = keyFile == null ? null : KeyOptions.read(keyFile);
        RecordReport report = new DkimKeyCheck(resolver, zoneStrings).check(domain, selector, key);
        return new CheckedRecord(report, key == null ? null : new DkimTxtRecord(domain, selector, key.publicKey()));
    }

    /** A domain as given, without a final dot, lower case (DNS names compare case-insensitively). */
    static String name(String domain) {
        String name = domain.strip().toLowerCase(Locale.ROOT);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
