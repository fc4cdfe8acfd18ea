package dev.inkan.s25r;

import dev.inkan.dns.DnsAnswer;
import dev.inkan.dns.DnsResolver;
import dev.inkan.dns.DnsStatus;
import dev.inkan.net.IpLiteral;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An SMTP client's host name as Postfix's SMTP server establishes it (its {@code client_name}): the PTR name of the
 * address, accepted only when it is a valid host name and it resolves back to the address (A for an IPv4 client,
 * AAAA for IPv6: "forward-confirmed reverse DNS"). Otherwise the client is {@code unknown}, which is S25R's rule 0.
 * Of several PTR names the first that resolves back counts; at most {@value #MAX_NAMES} are tried.
 *
 * @param status how the lookup ended
 * @param name the confirmed name ({@link Status#CONFIRMED}); else the first PTR name seen, if any
 * @param detail why the name is not confirmed, or the DNS failure; empty when confirmed
 */
public record ClientName(Status status, Optional<String> name, String detail) {

    /** How establishing the name ended. */
    public enum Status {
        /** A PTR name that resolves back to the address. */
        CONFIRMED,
        /** No PTR record (NXDOMAIN or no data). */
        NO_PTR,
        /** PTR names, but none valid that resolves back to the address. */
        NOT_CONFIRMED,
        /** A query failed temporarily before a name was confirmed. */
        TEMPFAIL
    }

    /** PTR names tried at the most, as RFC 7208 §5.5 limits SPF's "ptr" to ten. */
    public static final int MAX_NAMES = 10;

    /** A host name as Postfix's {@code valid_hostname()} accepts it: letters, digits, hyphens, underscores, dots. */
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    /** Looks up the name of {@code client}; never throws for DNS outcomes. */
    public static ClientName of(InetAddress client, DnsResolver dns) {
        InetAddress address = IpLiteral.normalize(client);
        DnsAnswer<String> ptr = dns.ptr(address);
        if (ptr.status() == DnsStatus.TEMPFAIL) {
            return new ClientName(Status.TEMPFAIL, Optional.empty(), "PTR lookup failed: " + ptr.detail());
        }
        if (!ptr.isFound()) {
            return new ClientName(Status.NO_PTR, Optional.empty(), "no PTR record for " + IpLiteral.format(address));
        }
        List<String> names = List.copyOf(new LinkedHashSet<>(ptr.records()));
        String tempFailure = null;
        String firstProblem = null;
        for (String name : names.subList(0, Math.min(MAX_NAMES, names.size()))) {
            String problem = null;
            if (!HOST_NAME.matcher(name).matches() || IpLiteral.parse(name).isPresent()) {
                problem = "PTR name " + name + " is not a valid host name";
            } else {
                DnsAnswer<InetAddress> forward = IpLiteral.isIp4(address) ? dns.a(name) : dns.aaaa(name);
                if (forward.isFound() && forward.records().stream()
                        .anyMatch(a -> Arrays.equals(a.getAddress(), address.getAddress()))) {
                    return new ClientName(Status.CONFIRMED, Optional.of(name), "");
                }
                if (forward.status() == DnsStatus.TEMPFAIL) {
                    tempFailure = tempFailure != null ? tempFailure
                            : (IpLiteral.isIp4(address) ? "A" : "AAAA") + " lookup of " + name + " failed: "
                                    + forward.detail();
                }
                problem = "PTR name " + name + " does not resolve back to " + IpLiteral.format(address);
            }
            firstProblem = firstProblem != null ? firstProblem : problem;
        }
        Optional<String> seen = Optional.of(names.get(0));
        return tempFailure != null ? new ClientName(Status.TEMPFAIL, seen, tempFailure)
                : new ClientName(Status.NOT_CONFIRMED, seen, firstProblem);
    }

    public boolean confirmed() {
        return status == Status.CONFIRMED;
    }
}
