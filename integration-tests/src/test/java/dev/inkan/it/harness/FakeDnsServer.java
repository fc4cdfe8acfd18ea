package dev.inkan.it.harness;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * A recursive DNS server as far as DkimVerify and SpfCheck can tell: UDP on a loopback port, TXT answers
 * from a {@link DkimZone} (DKIM keys, SPF records), NXDOMAIN for every other name, and no answer at all for
 * the names made {@linkplain #silentFor silent} (a sender's DNS that times out). Lets a test configure
 * {@code dnsServers=127.0.0.1:port} the way an operator points Inkan at a local resolver.
 */
public final class FakeDnsServer implements AutoCloseable {

    private final DatagramSocket socket;
    private final Map<String, List<String>> txt;
    private final AtomicInteger queries = new AtomicInteger();
    private final AtomicInteger ignored = new AtomicInteger();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private volatile boolean silentForAll;
    private final Thread thread;

    public FakeDnsServer(DkimZone zone) throws IOException {
        this.txt = zone.records();
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "fake-dns");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** How many queries it has answered. */
    public int queries() {
        return queries.get();
    }

    /** From now on, queries for {@code name} (any type) get no reply, as from a server that timed out. */
    public FakeDnsServer silentFor(String name) {
        silent.add(name.toLowerCase(Locale.ROOT));
        return this;
    }

    /** From now on no query gets a reply: the resolver is down (its host unreachable, its process hung). */
    public FakeDnsServer silentForAll() {
        silentForAll = true;
        return this;
    }

    /** How many queries for silent names it has left unanswered. */
    public int ignored() {
        return ignored.get();
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                if (silentForAll
                        || silent.contains(query.getQuestion().getName().toString(true).toLowerCase(Locale.ROOT))) {
                    ignored.incrementAndGet();
                    continue;
                }
                byte[] answer = answer(query);
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                queries.incrementAndGet();
            } catch (IOException e) {
                // closed, or a malformed query: ignore
            }
        }
    }

    private byte[] answer(Message query) {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.addRecord(question, Section.QUESTION);
        String name = question.getName().toString(true).toLowerCase(Locale.ROOT);
        List<String> texts = txt.get(name);
        if (texts == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        } else if (question.getType() == Type.TXT) {
            for (String text : texts) {
                List<String> strings = new ArrayList<>();
                for (int i = 0; i < text.length(); i += 255) {
                    strings.add(text.substring(i, Math.min(text.length(), i + 255)));
                }
                response.addRecord(new TXTRecord(question.getName(), DClass.IN, 300, strings), Section.ANSWER);
            }
        }
        return response.toWire(512);
    }

    @Override
    public void close() {
        socket.close();
    }
}
