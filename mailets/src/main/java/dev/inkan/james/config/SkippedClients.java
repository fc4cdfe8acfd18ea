package dev.inkan.james.config;

import dev.inkan.net.IpNetwork;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.mail.MessagingException;

/**
 * The SMTP clients a check leaves alone (SpfCheck, SmtpChecks): {@code skipNetworks}, comma- or space-separated
 * address blocks (default {@code 127.0.0.0/8, ::1}: local submission; list your own MTAs), and, with
 * {@code skipAuthenticated} (default true), clients that authenticated with SMTP AUTH.
 */
public final class SkippedClients {

    public static final Set<String> NAMES = Set.of("skipNetworks", "skipAuthenticated");

    private final List<IpNetwork> networks;
    private final boolean authenticated;

    private SkippedClients(List<IpNetwork> networks, boolean authenticated) {
        this.networks = networks;
        this.authenticated = authenticated;
    }

    public static SkippedClients read(MailetParameters p) throws MessagingException {
        List<IpNetwork> networks = new ArrayList<>();
        for (String n : p.string("skipNetworks").orElse("127.0.0.0/8, ::1").split("[,\\s]+")) {
            if (!n.isEmpty()) {
                networks.add(IpNetwork.parse(n).orElseThrow(
                        () -> p.error("skipNetworks", "has an invalid address block '" + n + "'")));
            }
        }
        return new SkippedClients(List.copyOf(networks), p.bool("skipAuthenticated", true));
    }

    /** Whether {@code client} (which authenticated or not) is left unchecked. */
    public boolean skips(InetAddress client, boolean authenticatedClient) {
        if (authenticated && authenticatedClient) {
            return true;
        }
        for (IpNetwork network : networks) { // a loop, not a stream: asked for every mail
            if (network.contains(client)) {
                return true;
            }
        }
        return false;
    }
}
