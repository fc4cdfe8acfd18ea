package dev.inkan.james.config;

import dev.inkan.dmarc.DmarcConfig;
import dev.inkan.dmarc.DmarcMode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import javax.mail.MessagingException;

/**
 * DMARC's policy parameters (DmarcEvaluate, SmtpChecks): {@code mode} ({@code rfc9989}, the default, finds the organizational
 * domain by the DNS tree walk; {@code rfc7489} by the Public Suffix List, the bundled one or
 * {@code publicSuffixList=/path}) and {@code trustedArcSealers} (comma-separated domains).
 */
public final class DmarcParameters {

    private DmarcParameters() {
    }

    public static DmarcConfig config(MailetParameters p) throws MessagingException {
        String mode = p.string("mode").orElse("rfc9989").toLowerCase(Locale.ROOT);
        DmarcConfig.Builder b = DmarcConfig.builder(DnsParameters.resolver(p));
        switch (mode) {
            case "rfc9989":
                b.mode(DmarcMode.RFC9989);
                break;
            case "rfc7489":
                b.mode(DmarcMode.RFC7489);
                break;
            default:
                throw p.error("mode", "must be rfc9989 (DNS tree walk) or rfc7489 (Public Suffix List), got '"
                        + mode + "'");
        }
        Optional<Path> psl = p.file("publicSuffixList");
        if (psl.isPresent()) {
            if (!mode.equals("rfc7489")) {
                throw p.error("publicSuffixList", "is used only with mode=rfc7489 (RFC 9989 walks DNS instead)");
            }
            try {
                b.publicSuffixListFile(psl.get());
            } catch (IOException | RuntimeException e) {
                throw p.error("publicSuffixList", "cannot be read: " + e.getMessage());
            }
        }
        b.trustedArcSealers(new HashSet<>(p.list("trustedArcSealers")));
        return b.build();
    }
}
