package dev.inkan.dns;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Test support: a small DNS server on 127.0.0.1, UDP and TCP on one ephemeral port, answering from
 * records given as zone text, so a real network resolver can be tested without the internet.
 *
 * <ul>
 *   <li>Names with records answer them (following CNAMEs it knows); a known name without the asked
 *       type answers NOERROR with no answer; an unknown name answers NXDOMAIN (RFC 1035 §4.1.1). Both
 *       negative answers carry a root SOA with TTL and MINIMUM 60, so resolvers may cache them
 *       (RFC 2308 §3).</li>
 *   <li>{@link #servfail(String)} answers RCODE 2 and {@link #silent(String)} never answers.</li>
 *   <li>A UDP answer larger than the client's EDNS payload size (512 without EDNS) is truncated with
 *       TC set; the same answer is then served over TCP (RFC 1035 §4.2.1, RFC 7766).</li>
 * </ul>
 *
 * Every query received is logged, so tests can assert which queries reached the network (and which
 * were answered from a cache). Close it to stop it.
 */
public final class LocalDnsServer implements AutoCloseable {

    /** One query that reached the server: over {@code tcp} or UDP, the name (lower-case, with the final dot) and type. */
    public record Received(boolean tcp, String name, String type) {
    }

    private static final Record NEGATIVE_SOA = parse(". 60 IN SOA ns.test. hostmaster.test. 1 3600 600 86400 60").get(0);

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
    private final Set<Name> servfail = ConcurrentHashMap.newKeySet();
    private final Set<Name> silent = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private LocalDnsServer(DatagramSocket udp, ServerSocket tcp) {
        this.udp = udp;
        this.tcp = tcp;
        daemon("local-dns-udp", this::serveUdp);
        daemon("local-dns-tcp", this::serveTcp);
    }

    /** Starts a server with no records; every name is NXDOMAIN until {@link #records(String)} adds some. */
    public static LocalDnsServer start() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int attempt = 0; attempt < 20; attempt++) {
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
            try {
                ServerSocket tcp = new ServerSocket();
                tcp.bind(new InetSocketAddress(loopback, udp.getLocalPort()));
                return new LocalDnsServer(udp, tcp);
            } catch (IOException portTakenForTcp) {
                udp.close();
            }
        }
        throw new IOException("no port free for both UDP and TCP on 127.0.0.1");
    }

    /** Adds records written as zone text with absolute names (default TTL 3600). */
    public LocalDnsServer records(String zoneText) {
        for (Record record : parse(zoneText)) {
            records.computeIfAbsent(record.getName(), name -> new CopyOnWriteArrayList<>()).add(record);
        }
        return this;
    }

    /** Queries for {@code name} (absolute, any type) are answered SERVFAIL. */
    public LocalDnsServer servfail(String name) {
        servfail.add(absolute(name));
        return this;
    }

    /** Queries for {@code name} (absolute, any type) are never answered. */
    /** Queries for {@code name} are answered again after {@link #silent(String)}. */
    public LocalDnsServer answerAgain(String name) {
        silent.remove(absolute(name));
        return this;
    }

    public LocalDnsServer silent(String name) {
        silent.add(absolute(name));
        return this;
    }

    /** "127.0.0.1:port", as a resolver's server setting. */
    public String address() {
        return "127.0.0.1:" + udp.getLocalPort();
    }

    /** Every query received so far, oldest first. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** How many queries (UDP or TCP) for {@code name} (absolute, any case) were received. */
    public long queriesFor(String name) {
        String wanted = absolute(name).toString().toLowerCase();
        return received.stream().filter(query -> query.name().equals(wanted)).count();
    }

    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serveUdp() {
        byte[] buffer = new byte[65_535];
        while (!udp.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                Message response = respond(query, false);
                if (response != null) {
                    OPTRecord opt = query.getOPT();
                    byte[] wire = response.toWire(opt == null ? 512 : Math.max(512, opt.getPayloadSize()));
                    udp.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
                }
            } catch (SocketException closed) {
                return;
            } catch (IOException malformed) {
                // not a DNS query: ignore it, as a real server would
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket connection = tcp.accept();
                daemon("local-dns-tcp-connection", () -> serveConnection(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serveConnection(Socket connection) {
        try (connection;
                DataInputStream in = new DataInputStream(connection.getInputStream());
                DataOutputStream out = new DataOutputStream(connection.getOutputStream())) {
            while (true) {
                byte[] wire = new byte[in.readUnsignedShort()];
                in.readFully(wire);
                Message response = respond(new Message(wire), true);
                if (response != null) {
                    byte[] answer = response.toWire();
                    out.writeShort(answer.length);
                    out.write(answer);
                    out.flush();
                }
            }
        } catch (IOException endOfConnection) {
            // the client closed the connection
        }
    }

    /** The response to {@code query}, or null to stay silent. */
    private Message respond(Message query, boolean overTcp) {
        Record question = query.getQuestion();
        Name name = question.getName();
        received.add(new Received(overTcp, name.toString().toLowerCase(), Type.string(question.getType())));
        if (silent.contains(name)) {
            return null;
        }
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RD);
        response.getHeader().setFlag(Flags.RA);
        response.addRecord(question, Section.QUESTION);
        if (servfail.contains(name)) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
            return response;
        }
        answer(response, name, question.getType());
        return response;
    }

    private void answer(Message response, Name name, int type) {
        Name current = name;
        for (int hop = 0; hop < 8; hop++) {
            List<Record> owned = records.get(current);
            if (owned == null) {
                response.getHeader().setRcode(Rcode.NXDOMAIN);
                response.addRecord(NEGATIVE_SOA, Section.AUTHORITY);
                return;
            }
            List<Record> matching = owned.stream().filter(record -> record.getType() == type).toList();
            if (!matching.isEmpty()) {
                matching.forEach(record -> response.addRecord(record, Section.ANSWER));
                return;
            }
            Record alias = owned.stream().filter(record -> record.getType() == Type.CNAME).findFirst().orElse(null);
            if (alias == null) {
                response.addRecord(NEGATIVE_SOA, Section.AUTHORITY);
                return;
            }
            response.addRecord(alias, Section.ANSWER);
            current = ((CNAMERecord) alias).getTarget();
        }
    }

    private static List<Record> parse(String zoneText) {
        List<Record> parsed = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(zoneText.getBytes(StandardCharsets.UTF_8)),
                Name.root, 3600)) {
            for (Record record = master.nextRecord(); record != null; record = master.nextRecord()) {
                parsed.add(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parsed;
    }

    private static Name absolute(String name) {
        return name.equals(".") ? Name.root : QueryName.of(name).name();
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
