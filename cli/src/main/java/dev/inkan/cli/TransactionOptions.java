package dev.inkan.cli;

import dev.inkan.authenticate.SmtpEnvelope;
import dev.inkan.dmarc.DmarcConfig;
import dev.inkan.dmarc.DmarcMode;
import dev.inkan.dns.DnsResolver;
import dev.inkan.net.IpLiteral;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The SMTP transaction a message arrived in, for SPF and DMARC in {@code inkan verify}: client address, HELO
 * name and MAIL FROM, plus DMARC's mode (RFC 9989's DNS tree walk, or RFC 7489's Public Suffix List with
 * --psl) and trusted ARC sealers.
 */
final class TransactionOptions {

    @Option(names = "--ip", order = 20, paramLabel = "IP",
            description = "The SMTP client's address: also check SPF (RFC 7208) and DMARC (RFC 9989).")
    private String ip;

    @Option(names = "--helo", order = 21, paramLabel = "NAME", description = "The HELO/EHLO name (with --ip).")
    private String helo;

    @Option(names = "--mail-from", order = 22, paramLabel = "ADDRESS",
            description = "The MAIL FROM address (with --ip; '' or absent: the null sender, checked as postmaster@HELO).")
    private String mailFrom;

    @Option(names = "--psl", order = 23, paramLabel = "FILE",
            description = "DMARC in RFC 7489 mode: organizational domains from this Public Suffix List file "
                    + "instead of RFC 9989's DNS tree walk.")
    private Path psl;

    @Option(names = "--trusted-sealer", order = 24, paramLabel = "DOMAIN",
            description = "An ARC sealer whose passing chain overrides a DMARC failure (RFC 8617 section 7.2); repeatable.")
    private List<String> trustedSealers = new ArrayList<>();

    /** The SMTP transaction the options describe; {@link SmtpEnvelope#none()} without --ip. */
    SmtpEnvelope envelope() throws InputException {
        if (ip == null) {
            if (helo != null || mailFrom != null || psl != null || !trustedSealers.isEmpty()) {
                throw new InputException("--helo, --mail-from, --psl and --trusted-sealer need --ip (the SMTP client)");
            }
            return SmtpEnvelope.none();
        }
        InetAddress client = IpLiteral.parse(ip)
                .orElseThrow(() -> new InputException("--ip " + ip + ": not an IPv4 or IPv6 address"));
        if (helo == null) {
            throw new InputException("--ip needs --helo (the name the client gave in HELO/EHLO)");
        }
        return SmtpEnvelope.of(client, helo, mailFrom);
    }

    /** DMARC's mode (--psl) and trusted sealers. */
    DmarcConfig dmarc(DnsResolver resolver) throws InputException {
        DmarcConfig.Builder dmarc = DmarcConfig.builder(resolver).trustedArcSealers(new HashSet<>(trustedSealers));
        if (psl != null) {
            try {
                dmarc.mode(DmarcMode.RFC7489).publicSuffixListFile(psl);
            } catch (IOException e) {
                throw new InputException("--psl " + psl + ": " + ErrorReporter.describe(e));
            } catch (RuntimeException e) {
                throw new InputException("--psl " + psl + ": not a Public Suffix List (" + e.getMessage() + ")");
            }
        }
        return dmarc.build();
    }
}
