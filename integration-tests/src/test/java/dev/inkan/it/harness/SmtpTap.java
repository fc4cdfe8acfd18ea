package dev.inkan.it.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A wire tap between two SMTP servers: a loopback port that relays every connection, byte for byte in both
 * directions, to the real next hop, and keeps what the client sent. The mails in it are the exact bytes one
 * James handed to the other (DATA with dot-stuffing undone), while the conversation itself is theirs: the
 * next hop sees the first one's EHLO, its commands and its connection from 127.0.0.1.
 */
public final class SmtpTap implements AutoCloseable {

    /** One conversation: what the client wrote, appended as it arrives. */
    private static final class Conversation {
        private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

        synchronized void append(byte[] b, int off, int len) {
            sent.write(b, off, len);
        }

        synchronized byte[] bytes() {
            return sent.toByteArray();
        }
    }

    private final int targetPort;
    private final ServerSocket server;
    private final List<Conversation> conversations = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-tap");
        t.setDaemon(true);
        return t;
    });

    private SmtpTap(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    /** A tap in front of the SMTP server on 127.0.0.1:{@code targetPort}. */
    public static SmtpTap to(int targetPort) throws IOException {
        return new SmtpTap(targetPort);
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * Every complete mail (DATA up to its final dot) the client has sent so far, in order. The tap does not
     * read the server's replies: {@code offered8BitMime} is always true, whatever the next hop offered.
     */
    public List<SmtpSink.Received> mails() {
        List<SmtpSink.Received> out = new ArrayList<>();
        for (Conversation c : conversations) {
            out.addAll(parse(c.bytes()));
        }
        return out;
    }

    /** The mail carrying this Message-ID; fails the test after 60 s. */
    public SmtpSink.Received awaitMessageId(String messageId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (SmtpSink.Received r : mails()) {
                if (r.headerBlock().contains(messageId)) {
                    return r;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no mail with Message-ID " + messageId + " passed the tap within 60 s");
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.submit(() -> relay(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(Socket client) {
        Conversation conversation = new Conversation();
        conversations.add(conversation);
        open.add(client);
        try (client; Socket next = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            open.add(next);
            threads.submit(() -> pump(next.getInputStream(), client.getOutputStream(), null));
            pump(client.getInputStream(), next.getOutputStream(), conversation);
        } catch (IOException e) {
            // one side went away
        } finally {
            open.removeIf(Socket::isClosed);
        }
    }

    /** Copies until the end of {@code in}, recording into {@code record} when not null. */
    private static Void pump(InputStream in, OutputStream out, Conversation record) throws IOException {
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) >= 0) {
                if (record != null) {
                    record.append(buffer, 0, n);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } finally {
            try {
                out.close();
            } catch (IOException ignored) {
                // the other side is gone already
            }
        }
        return null;
    }

    /** The transactions in what a client sent: MAIL FROM, RCPT TO, and DATA to its final dot (no BDAT). */
    static List<SmtpSink.Received> parse(byte[] sent) {
        List<SmtpSink.Received> out = new ArrayList<>();
        String from = null;
        List<String> rcpts = new ArrayList<>();
        int pos = 0;
        while (pos < sent.length) {
            int end = lineEnd(sent, pos);
            if (end < 0) {
                break; // an incomplete command line
            }
            String line = new String(sent, pos, end - pos, StandardCharsets.ISO_8859_1).strip();
            pos = end;
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("MAIL FROM:")) {
                from = line.substring(10).strip();
                rcpts = new ArrayList<>();
            } else if (upper.startsWith("RCPT TO:")) {
                rcpts.add(line.substring(8).strip());
            } else if (upper.equals("DATA")) {
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                boolean complete = false;
                while (pos < sent.length) {
                    int e = lineEnd(sent, pos);
                    if (e < 0) {
                        break;
                    }
                    if (e - pos == 3 && sent[pos] == '.' && sent[pos + 1] == '\r') {
                        complete = true;
                        pos = e;
                        break;
                    }
                    int start = sent[pos] == '.' ? pos + 1 : pos; // RFC 5321 §4.5.2
                    data.write(sent, start, e - start);
                    pos = e;
                }
                if (!complete) {
                    break;
                }
                out.add(new SmtpSink.Received(from, List.copyOf(rcpts), data.toByteArray(), true));
            }
        }
        return out;
    }

    /** The index after the LF ending the line at {@code pos}, or -1 when there is none yet. */
    private static int lineEnd(byte[] b, int pos) {
        for (int i = pos; i < b.length; i++) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close(); // a pump blocked in read() does not answer to an interrupt
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
