package dev.inkan.senderid;

import dev.inkan.message.HeaderBlock;
import dev.inkan.spf.SpfTestZone;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test support: deterministic random Sender ID scenarios for the Mail::SPF interop test: three domains whose
 * record sets mix {@code v=spf1}, {@code spf2.0/pra}, {@code spf2.0/mfrom}, {@code spf2.0/mfrom,pra} (alone,
 * together, redundant), with ip4/ip6 networks, a, mx, exists on {@code %{l}}, include and redirect to targets
 * with record sets of their own, and a header of one of five PRA shapes (From; Sender; Resent-From; a resent
 * block's Resent-Sender; an older block's Resent-Sender, which is passed over) naming those domains.
 *
 * <p>Each scenario is written twice: {@link Case#zone()} as published, and {@link Case#zoneWithoutSpf1()}, the
 * same with every {@code v=spf1} record replaced by a TXT record that is no SPF record: what Mail::SPF sees for
 * the PRA scope, where it reads spf2.0 records only. The generator stays out of the other places where Mail::SPF
 * departs from RFC 4406 (names that do not exist, syntax errors, other minor versions and scope-ids; see the
 * hand-made cases of {@link MailSpfSenderIdInteropTest}) and holds at most 8 DNS-querying terms a scenario.
 */
final class SenderIdGeneratedCases {

    /** One generated scenario with one client. */
    record Case(String id, SpfTestZone zone, SpfTestZone zoneWithoutSpf1, HeaderBlock headers, String mailFrom,
            String ip, String helo) {
    }

    private static final String[] ENDINGS = {" -all", " ~all", " ?all", "", " redirect="};

    private final Random random;
    private final String base;
    private final SpfTestZone zone = new SpfTestZone();
    private final SpfTestZone withoutSpf1 = new SpfTestZone();
    private final List<String> ip4Addresses = new ArrayList<>();
    private final List<String> ip6Addresses = new ArrayList<>();
    private int names;
    private int budget = 8;

    private SenderIdGeneratedCases(long seed, String base) {
        this.random = new Random(seed);
        this.base = base;
    }

    /** {@code scenarios} scenarios of {@code clients} checks each, the same for the same seed. */
    static List<Case> generate(long seed, int scenarios, int clients) {
        List<Case> cases = new ArrayList<>();
        for (int s = 0; s < scenarios; s++) {
            cases.addAll(new SenderIdGeneratedCases(seed * 1_000 + s, "g" + s + ".example").build(s, clients));
        }
        return cases;
    }

    private List<Case> build(int scenario, int clients) {
        String[] domains = {"a." + base, "b." + base, "c." + base};
        for (String domain : domains) {
            recordSet(domain, 0);
        }
        both("ok." + base, "A", "127.0.0.2");
        List<Case> cases = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String user = "user" + random.nextInt(3);
            if (user.equals("user0")) {
                both("user0.ok." + base, "A", "127.0.0.2");
            }
            HeaderBlock headers = PraSelectorTest.headers(header(domains, user));
            String mailFrom = user + "@" + domains[random.nextInt(3)];
            cases.add(new Case("gen-" + scenario + "-" + c, zone, withoutSpf1, headers, mailFrom, client(),
                    "mail." + base));
        }
        return cases;
    }

    private String[] header(String[] d, String user) {
        String received = "Received: from relay." + base + " by mx.example.net; Mon, 1 Jan 2024 00:00:00 +0000";
        return switch (random.nextInt(5)) {
            case 0 -> new String[] {"From: " + user + "@" + d[0]};
            case 1 -> new String[] {"Sender: " + user + "@" + d[1], "From: <x@" + d[0] + ">"};
            case 2 -> new String[] {"Resent-From: " + user + "@" + d[2], received, "From: x@" + d[0]};
            case 3 -> new String[] {"Resent-From: r@" + d[0], "Resent-Sender: " + user + "@" + d[1], received,
                    "From: x@" + d[2]};
            default -> new String[] {"Resent-From: " + user + "@" + d[2], received, "Resent-Sender: y@" + d[1],
                    "From: x@" + d[0]};
        };
    }

    /** Publishes one of nine record sets at {@code name}. */
    private void recordSet(String name, int depth) {
        switch (random.nextInt(9)) {
            case 0 -> publish(name, "v=spf1" + terms(name, depth));
            case 1 -> publish(name, "spf2.0/pra" + terms(name, depth));
            case 2 -> publish(name, "spf2.0/mfrom,pra" + terms(name, depth));
            case 3 -> publish(name, "spf2.0/pra" + terms(name, depth), "v=spf1" + terms(name, depth));
            case 4 -> publish(name, "spf2.0/mfrom" + terms(name, depth), "v=spf1" + terms(name, depth));
            case 5 -> publish(name, "spf2.0/mfrom" + terms(name, depth), "spf2.0/pra" + terms(name, depth));
            case 6 -> publish(name, "spf2.0/pra,mfrom" + terms(name, depth));
            case 7 -> publish(name, "spf2.0/pra" + terms(name, depth), "spf2.0/mfrom,pra" + terms(name, depth));
            default -> publish(name, "site-verification=" + random.nextInt(1000));
        }
    }

    /** The records at {@code name}; without v=spf1 for the second zone (a placeholder keeps the name). */
    private void publish(String name, String... records) {
        boolean any = false;
        for (String record : records) {
            zone.txt(name, record);
            if (!record.startsWith("v=spf1")) {
                withoutSpf1.txt(name, record);
                any = true;
            }
        }
        if (!any) {
            withoutSpf1.txt(name, "placeholder: the v=spf1 record is left out for Mail::SPF's pra view");
        }
    }

    private void both(String name, String type, Object value) {
        zone.add(name, type, value);
        withoutSpf1.add(name, type, value);
    }

    /** 1-3 directives and an ending. */
    private String terms(String name, int depth) {
        StringBuilder record = new StringBuilder();
        int count = 1 + random.nextInt(3);
        for (int t = 0; t < count; t++) {
            record.append(' ').append(qualifier()).append(term(name, depth));
        }
        String ending = ENDINGS[random.nextInt(ENDINGS.length)];
        if (ending.equals(" redirect=")) {
            if (depth >= 2 || !spend()) {
                return record.toString();
            }
            String target = "r" + (++names) + "." + base;
            recordSet(target, depth + 1);
            return record + ending + target;
        }
        return record + ending;
    }

    private String qualifier() {
        int q = random.nextInt(8);
        return q < 4 ? "" : q == 4 ? "+" : q == 5 ? "-" : q == 6 ? "~" : "?";
    }

    private boolean spend() {
        if (budget == 0) {
            return false;
        }
        budget--;
        return true;
    }

    private String term(String name, int depth) {
        int kind = random.nextInt(depth < 2 ? 6 : 5);
        if (kind >= 2 && !spend()) {
            kind = random.nextInt(2);
        }
        switch (kind) {
            case 0:
                return "ip4:" + ip4() + "/" + (16 + random.nextInt(17));
            case 1:
                return "ip6:" + ip6() + "/" + (48 + random.nextInt(81));
            case 2: {
                String host = "h" + (++names) + "." + base;
                both(host, "A", ip4());
                both(host, "AAAA", ip6());
                return "a:" + host + (random.nextBoolean() ? "" : "/" + (24 + random.nextInt(9)));
            }
            case 3: {
                String host = "mx" + (++names) + "." + base;
                both(name, "MX", List.of(10, host));
                both(host, "A", ip4());
                both(host, "AAAA", ip6());
                return "mx";
            }
            case 4:
                return "exists:%{l}.ok." + base;
            default: {
                String target = "i" + (++names) + "." + base;
                if (random.nextInt(12) == 0) {
                    zone.timeout(target);
                    withoutSpf1.timeout(target);
                } else {
                    recordSet(target, depth + 1);
                }
                return "include:" + target;
            }
        }
    }

    private String ip4() {
        String[] blocks = {"192.0.2.", "198.51.100.", "203.0.113."};
        String address = blocks[random.nextInt(blocks.length)] + random.nextInt(256);
        ip4Addresses.add(address);
        return address;
    }

    private String ip6() {
        String address = String.format("2001:db8:%x::%x", random.nextInt(4), random.nextInt(0x10000));
        ip6Addresses.add(address);
        return address;
    }

    /** An address the records name, a neighbour of one, or a random one. */
    private String client() {
        int kind = random.nextInt(10);
        if (kind < 6 && !ip4Addresses.isEmpty()) {
            String address = ip4Addresses.get(random.nextInt(ip4Addresses.size()));
            return random.nextBoolean() ? address : address.substring(0, address.lastIndexOf('.') + 1)
                    + random.nextInt(256);
        }
        if (kind < 8 && !ip6Addresses.isEmpty()) {
            return ip6Addresses.get(random.nextInt(ip6Addresses.size()));
        }
        return "203.0.113." + random.nextInt(256);
    }
}
