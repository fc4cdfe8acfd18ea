package dev.inkan.spf;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test support: deterministic random SPF scenarios for the pyspf interop test: include-heavy records
 * (nested includes and redirects, ip4/ip6 networks of random lengths, a and mx with dual CIDR, exists with
 * macros, random qualifiers, explanations) and random client addresses, half of them drawn from the
 * networks the records name, some IPv4-mapped IPv6.
 *
 * <p>MX hosts and {@code a:} hosts always have both A and AAAA records, no PTR data is made, and a scenario
 * holds at most 10 DNS-querying terms in all its records: the generator stays out of the places where pyspf
 * departs from RFC 7208 — void lookups of MX hosts and PTR names, and counting a {@code redirect=} that is
 * never followed (see {@link PyspfInteropTest#DEVIATIONS}, which shows each with a hand-made case). The
 * processing limits themselves are covered by the suites.
 */
final class SpfGeneratedCases {

    /** One generated check. */
    record Case(String id, SpfTestZone zone, String ip, String helo, String mailFrom) {
    }

    private final Random random;
    private final String base;
    private final SpfTestZone zone = new SpfTestZone();
    private final List<String> ip4Addresses = new ArrayList<>();
    private final List<String> ip6Addresses = new ArrayList<>();
    private int names;
    /** DNS-querying terms still allowed in this scenario (RFC 7208 §4.6.4 allows 10 per evaluation). */
    private int budget = 10;

    private SpfGeneratedCases(long seed, String base) {
        this.random = new Random(seed);
        this.base = base;
    }

    /** {@code scenarios} scenarios of {@code clients} checks each, the same for the same seed. */
    static List<Case> generate(long seed, int scenarios, int clients) {
        List<Case> cases = new ArrayList<>();
        for (int s = 0; s < scenarios; s++) {
            SpfGeneratedCases scenario = new SpfGeneratedCases(seed * 1_000 + s, "s" + s + ".example.org");
            cases.addAll(scenario.build(s, clients));
        }
        return cases;
    }

    private List<Case> build(int scenario, int clients) {
        String top = record(base, 0);
        if (random.nextInt(3) == 0) {
            top += " exp=why." + base;
            zone.txt("why." + base, random.nextBoolean() ? "%{c} may not send for %{o} (checked at %{d})"
                    : "See http://%{d}/spf?ip=%{C}&s=%{S}");
        }
        zone.txt(base, top);
        zone.a("mail." + base, ip4());
        List<Case> cases = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String mailFrom = random.nextInt(6) == 0 ? "" : "user" + c + "@" + base;
            cases.add(new Case("gen-" + scenario + "-" + c, zone, client(), random.nextInt(6) == 0 ? base : "mail." + base,
                    mailFrom));
        }
        return cases;
    }

    /** A record for {@code name}: 1-4 directives, then an "all", a redirect or nothing. */
    private String record(String name, int depth) {
        StringBuilder record = new StringBuilder("v=spf1");
        int terms = 1 + random.nextInt(4);
        for (int t = 0; t < terms; t++) {
            record.append(' ').append(qualifier()).append(term(name, depth));
        }
        int end = random.nextInt(10);
        if (end < 3) {
            record.append(" -all");
        } else if (end < 5) {
            record.append(" ~all");
        } else if (end < 6) {
            record.append(" ?all");
        } else if (end < 8 && depth < 3 && spend()) {
            String target = "r" + (++names) + "." + base;
            zone.txt(target, record(target, depth + 1));
            record.append(" redirect=").append(target);
        }
        return record.toString();
    }

    private String qualifier() {
        int q = random.nextInt(10);
        return q < 6 ? "" : q < 7 ? "+" : q < 8 ? "-" : q < 9 ? "~" : "?";
    }

    /** Takes one DNS-querying term from the budget; false when none is left. */
    private boolean spend() {
        if (budget == 0) {
            return false;
        }
        budget--;
        return true;
    }

    private String term(String name, int depth) {
        int kind = random.nextInt(depth < 3 ? 8 : 5);
        if (kind >= 2 && !spend()) {
            kind = random.nextInt(2); // only ip4 / ip6 once the budget is spent
        }
        switch (kind) {
            case 0:
                return "ip4:" + network4();
            case 1:
                return "ip6:" + network6();
            case 2: {
                String host = "h" + (++names) + "." + base;
                zone.a(host, ip4());
                zone.aaaa(host, ip6());
                return "a:" + host + cidr();
            }
            case 3: {
                int hosts = 1 + random.nextInt(3);
                for (int h = 0; h < hosts; h++) {
                    String host = "mx" + (++names) + "." + base;
                    zone.add(name, "MX", List.of(10 * h, host));
                    zone.a(host, ip4());
                    zone.aaaa(host, ip6());
                }
                return "mx" + cidr();
            }
            case 4: {
                String listed = random.nextBoolean() && !ip4Addresses.isEmpty() ? pick(ip4Addresses) : ip4();
                String[] octets = listed.split("\\.");
                zone.a(octets[3] + "." + octets[2] + "." + octets[1] + "." + octets[0] + ".bl." + base, "127.0.0.2");
                return "exists:%{ir}.bl." + base;
            }
            default: {
                int fate = random.nextInt(20);
                String target = "i" + (++names) + "." + base;
                if (fate == 0) {
                    return "include:missing" + names + "." + base; // none → permerror
                } else if (fate == 1) {
                    zone.timeout(target); // temperror
                } else if (fate == 2) {
                    zone.txt(target, "v=spf1 ip4:" + network4() + " bogus:term"); // syntax error → permerror
                } else {
                    zone.txt(target, record(target, depth + 1));
                }
                return "include:" + target;
            }
        }
    }

    private String cidr() {
        int c = random.nextInt(4);
        return c == 0 ? "" : c == 1 ? "/" + (16 + random.nextInt(17)) : c == 2 ? "//" + (48 + random.nextInt(81))
                : "/" + (16 + random.nextInt(17)) + "//" + (48 + random.nextInt(81));
    }

    private String network4() {
        return ip4() + "/" + (8 + random.nextInt(25));
    }

    private String network6() {
        return ip6() + "/" + (32 + random.nextInt(97));
    }

    private String ip4() {
        String[] blocks = {"192.0.2.", "198.51.100.", "203.0.113."};
        String address = blocks[random.nextInt(blocks.length)] + random.nextInt(256);
        ip4Addresses.add(address);
        return address;
    }

    private String ip6() {
        String address = String.format("2001:db8:%x:%x::%x", random.nextInt(4), random.nextInt(0x10000),
                random.nextInt(0x10000));
        ip6Addresses.add(address);
        return address;
    }

    /** A client: an address the records name, a neighbour of one, or a random one; IPv4, IPv6 or mapped. */
    private String client() {
        int kind = random.nextInt(10);
        if (kind < 4 && !ip4Addresses.isEmpty()) {
            String address = pick(ip4Addresses);
            if (random.nextBoolean()) {
                String[] octets = address.split("\\.");
                address = octets[0] + "." + octets[1] + "." + octets[2] + "." + random.nextInt(256);
            }
            return random.nextInt(5) == 0 ? "::ffff:" + address : address;
        }
        if (kind < 7 && !ip6Addresses.isEmpty()) {
            String address = pick(ip6Addresses);
            return random.nextBoolean() ? address : address.substring(0, address.lastIndexOf(':') + 1)
                    + Integer.toHexString(random.nextInt(0x10000));
        }
        return random.nextBoolean() ? random.nextInt(224) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + random.nextInt(256) : ip6();
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }
}
