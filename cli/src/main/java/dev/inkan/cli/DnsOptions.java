package dev.inkan.cli;

import dev.inkan.authenticate.AuthenticationConfig;
import dev.inkan.dns.DnsResolver;
import dev.inkan.dns.DnsjavaResolver;
import dev.inkan.dns.ZoneFileException;
import dev.inkan.dns.ZoneFileResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where DNS answers come from: a zone file (offline) or recursive servers (the system's by default). */
final class DnsOptions {

    @Option(names = "--dns-zone", order = 1, paramLabel = "FILE",
            description = "Answer DNS queries from this BIND zone file instead of the network "
                    + "(offline and reproducible; e.g. the .txt files keygen writes, concatenated).")
    private Path zone;

    @Option(names = "--dns-server", order = 2, paramLabel = "HOST[:PORT]",
            description = "Recursive DNS server to ask; repeatable (default: the system's resolvers).")
    private List<String> servers = new ArrayList<>();

    @Option(names = "--dns-timeout", order = 3, paramLabel = "SECONDS", converter = OptionConverters.PositiveSeconds.class,
            description = "Time allowed per DNS attempt (default: 2).")
    private Duration timeout;

    @Option(names = "--dns-budget", order = 4, paramLabel = "SECONDS", converter = OptionConverters.PositiveSeconds.class,
            description = "Time one message may wait for DNS in all, every check together; what is still "
                    + "outstanding then is a temporary error (default: 5).")
    private Duration budget;

    /** The per-message DNS budget: --dns-budget, or the pipeline's default. */
    Duration budget() {
        return budget != null ? budget : AuthenticationConfig.DEFAULT_DNS_BUDGET;
    }

    /** The resolver the options describe. */
    DnsResolver resolver() throws InputException {
        return resolver(false);
    }

    /**
     * The resolver the options describe; a zone file whose TXT strings exceed 255 bytes is loaded anyway, with the
     * strings listed ({@link ZoneFileResolver#oversizedTxtStrings()}), for {@code inkan check} to explain them.
     */
    DnsResolver resolverSplittingLongStrings() throws InputException {
        return resolver(true);
    }

    private DnsResolver resolver(boolean splitLongStrings) throws InputException {
        if (zone != null) {
            if (!servers.isEmpty() || timeout != null) {
                throw new InputException("--dns-zone answers from a file; it cannot be combined with "
                        + "--dns-server or --dns-timeout");
            }
            return zoneResolver(splitLongStrings);
        }
        try {
            DnsjavaResolver.Builder builder = DnsjavaResolver.builder().servers(servers);
            if (timeout != null) {
                builder.timeout(timeout);
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }

    private DnsResolver zoneResolver(boolean splitLongStrings) throws InputException {
        if (!Files.isRegularFile(zone)) {
            throw new InputException("zone file " + zone + ": " + (Files.exists(zone) ? "not a regular file" : "no such file"));
        }
        try {
            return splitLongStrings ? ZoneFileResolver.fromFileSplittingLongStrings(zone) : ZoneFileResolver.fromFile(zone);
        } catch (ZoneFileException e) {
            throw new InputException(e.getMessage());
        } catch (IOException e) {
            throw new InputException("zone file " + zone + ": " + ErrorReporter.describe(e));
        }
    }
}
