package dev.inkan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inkan.authenticate.Authentication;
import dev.inkan.authenticate.AuthenticationConfig;
import dev.inkan.authenticate.Authenticator;
import dev.inkan.authenticate.Method;
import dev.inkan.authenticate.RecordedResults;
import dev.inkan.authenticate.SmtpEnvelope;
import dev.inkan.authres.AuthResultsFormatter;
import dev.inkan.authres.AuthenticationResults;
import dev.inkan.net.IpLiteral;
import dev.inkan.spf.SpfVerdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code inkan spf}: evaluates SPF (RFC 7208) for one client address, HELO name and MAIL FROM. */
@Command(sortOptions = false,
        name = "spf",
        versionProvider = InkanVersion.class,
        description = {
            "Check SPF (RFC 7208) as a receiver would for one SMTP transaction.",
            "The MAIL FROM identity is checked (RFC 7208 section 2.4); without --mail-from, or with an empty one, "
                    + "the MAIL FROM is the null sender, checked as postmaster@HELO, as in inkan verify and "
                    + "arc-seal. --helo-identity checks the HELO identity (section 2.3) instead. Prints the result, the explanation of a "
                    + "fail, the Received-SPF field (RFC 7208 section 9.1) and the Authentication-Results field.",
            "The exit status is 0 whatever the result."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  inkan spf --ip 192.0.2.10 --helo mail.example.com --mail-from joe@example.com",
            "  inkan spf --json --dns-zone test.zone --ip 2001:db8::5 --helo mx.example.org --mail-from ''"})
final class SpfCommand implements Callable<Integer> {

    @ParentCommand
    private InkanCommand inkan;

    @Mixin
    private CommonOptions common;

    @Mixin
    private DnsOptions dns;

    @Option(names = "--ip", required = true, order = 10, paramLabel = "IP",
            description = "The SMTP client's address (IPv4 or IPv6 literal).")
    private String ip;

    @Option(names = "--helo", required = true, order = 11, paramLabel = "NAME", description = "The HELO/EHLO name.")
    private String helo;

    @Option(names = "--mail-from", order = 12, paramLabel = "ADDRESS",
            description = "The MAIL FROM address; '' or absent: the null sender (checked as postmaster@HELO).")
    private String mailFrom;

    @Option(names = "--helo-identity", order = 12,
            description = "Check the HELO identity (RFC 7208 section 2.3) instead of MAIL FROM.")
    private boolean heloIdentity;

    @Option(names = "--receiver", order = 13, paramLabel = "NAME",
            description = "This receiver's name: %%{r} in explanations, the authserv-id (default: this host's name).")
    private String receiver;

    @Option(names = "--now", order = 14, paramLabel = "EPOCH", converter = OptionConverters.EpochSeconds.class,
            description = "Evaluate as if it were this time (seconds since 1970), for %%{t}.")
    private Instant now;

    @Option(names = "--json", order = 15, description = "One JSON object instead of text.")
    private boolean json;

    @Override
    public Integer call() throws InputException, IOException {
        InetAddress client = IpLiteral.parse(ip)
                .orElseThrow(() -> new InputException("--ip " + ip + ": not an IPv4 or IPv6 address"));
        if (heloIdentity && mailFrom != null) {
            throw new InputException("--helo-identity checks the HELO name; it cannot be combined with --mail-from");
        }
        String id = LocalHost.nameOr(receiver, "--receiver");
        Authenticator authenticator = new Authenticator(AuthenticationConfig.builder(dns.resolver(), id)
                .clock(now == null ? Clock.systemUTC() : Clock.fixed(now, ZoneOffset.UTC))
                .dnsBudget(dns.budget())
                .checkHelo(heloIdentity)
                .build());
        Authentication checked = authenticator.authenticate(InputStream.nullInputStream(),
                SmtpEnvelope.of(client, helo, mailFrom), EnumSet.of(Method.SPF), RecordedResults.none());
        SpfVerdict verdict = heloIdentity ? checked.spfHelo() : checked.spf();
        String authenticationResults = AuthResultsFormatter.value(AuthenticationResults.of(id, List.of(verdict.toResultInfo())));
        PrintStream out = inkan.streams().out();
        if (json) {
            out.println(json(verdict, authenticationResults));
        } else {
            out.println("result: " + verdict.result().keyword() + " (" + verdict.comment() + ")");
            if (verdict.explanation() != null) {
                out.println("explanation: " + verdict.explanation());
            }
            out.print(lines(verdict.receivedSpf().header()));
            out.print(lines(AuthResultsFormatter.header(AuthenticationResults.of(id, List.of(verdict.toResultInfo())))));
        }
        if (out.checkError()) {
            throw new IOException("standard output: write error");
        }
        return InkanCommand.EXIT_OK;
    }

    private static String json(SpfVerdict v, String authenticationResults) throws IOException {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("result", v.result().keyword());
        node.put("reason", v.comment());
        node.put("reasonCode", v.reason().name());
        node.put("explanation", v.explanation());
        node.put("identity", v.identity().keyword());
        node.put("domain", v.domain());
        node.put("mechanism", v.mechanism());
        node.put("dnsTerms", v.dnsTerms());
        node.put("voidLookups", v.voidLookups());
        node.put("receivedSpf", v.receivedSpf().value());
        node.put("authenticationResults", authenticationResults);
        return new ObjectMapper().writeValueAsString(node);
    }

    /** CRLF-terminated header text in the platform's line ending. */
    private static String lines(String header) {
        return header.replace("\r\n", System.lineSeparator());
    }
}
