package dev.inkan.james.config;

import dev.inkan.dns.DnsResolver;
import dev.inkan.dns.DnsjavaResolver;
import dev.inkan.dns.ZoneFileResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.mail.MessagingException;

/**
 * The DNS settings every Inkan mailet accepts: {@code dnsServers} (comma-separated host[:port]; default:
 * the system's resolvers), {@code dnsTimeout} (seconds per attempt, default 2), {@code dnsRetries}
 * (default 1), or {@code dnsZoneFile} (answer from a BIND zone file, offline). Mailets with the same
 * settings share one resolver and so one TTL cache.
 */
public final class DnsParameters {

    public static final Set<String> NAMES = Set.of("dnsServers", "dnsTimeout", "dnsRetries", "dnsZoneFile");

    private static final ConcurrentHashMap<String, DnsResolver> SHARED = new ConcurrentHashMap<>();

    private DnsParameters() {
    }

    public static DnsResolver resolver(MailetParameters p) throws MessagingException {
        Optional<Path> zone = p.file("dnsZoneFile");
        // Comma-separated only: a server may be host:port or an IPv6 literal, so ':' is not a separator here
        List<String> servers = p.string("dnsServers").map(v -> Arrays.stream(v.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
        if (zone.isPresent()) {
            if (!servers.isEmpty() || p.string("dnsTimeout").isPresent() || p.string("dnsRetries").isPresent()) {
                throw p.error("dnsZoneFile", "cannot be combined with dnsServers, dnsTimeout or dnsRetries");
            }
            String key = "zone:" + zone.get().toAbsolutePath();
            try {
                return shared(key, () -> ZoneFileResolver.fromFile(zone.get()));
            } catch (IOException e) {
                throw p.error("dnsZoneFile", "cannot be loaded: " + e.getMessage());
            }
        }
        int timeout = p.integer("dnsTimeout", 2, 1, 60);
        int retries = p.integer("dnsRetries", 1, 0, 10);
        String key = "net:" + servers + ":" + timeout + ":" + retries;
        try {
            return shared(key, () -> DnsjavaResolver.builder().servers(servers).timeout(Duration.ofSeconds(timeout))
                    .retries(retries).build());
        } catch (IOException | RuntimeException e) {
            throw p.error("dnsServers", "is not usable: " + e.getMessage());
        }
    }

    private interface Factory {
        DnsResolver create() throws IOException;
    }

    private static DnsResolver shared(String key, Factory factory) throws IOException {
        DnsResolver existing = SHARED.get(key);
        if (existing != null) {
            return existing;
        }
        DnsResolver created = factory.create();
        DnsResolver raced = SHARED.putIfAbsent(key, created);
        return raced != null ? raced : created;
    }
}
