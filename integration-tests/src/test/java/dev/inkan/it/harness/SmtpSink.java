package dev.inkan.it.harness;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The next hop of James's RemoteDelivery: a real SMTP server on a loopback port that accepts every mail and
 * keeps the exact DATA bytes (dot-stuffing undone, nothing else touched). Whether its EHLO reply
 * advertises 8BITMIME is switchable, so one sink serves both cases: James converts 8bit bodies to 7bit for
 * a hop without it (RFC 6152).
 */
public final class SmtpSink implements AutoCloseable {

    /** One mail as it arrived: envelope, the exact message bytes, and what the sink had advertised. */
    public record Received(String mailFrom, List<String> rcptTo, byte[] data, boolean offered8BitMime) {

        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }

        /** The raw header block (up to the first empty line), folding kept. */
        public String headerBlock() {
            String text = new String(data, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? text : text.substring(0, end + 2);
        }
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-sink");
        t.setDaemon(true);
        return t;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile boolean advertise8BitMime;
    private volatile boolean keepMessages = true;
    private final Object arrivals = new Object();
    private long count;

    private SmtpSink(boolean advertise8BitMime) throws IOException {
        this.advertise8BitMime = advertise8BitMime;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    public static SmtpSink start(boolean advertise8BitMime) throws IOException {
        return new SmtpSink(advertise8BitMime);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From the next connection on, the EHLO reply does (or does not) list 8BITMIME. */
    public void advertise8BitMime(boolean on) {
        this.advertise8BitMime = on;
    }

    /** Whether {@link #received()} keeps the mails that arrive (default true); the benchmark only counts them. */
    public SmtpSink keepMessages(boolean keep) {
        this.keepMessages = keep;
        return this;
    }

    /** How many mails have arrived since the start, kept or not. */
    public long count() {
        synchronized (arrivals) {
            return count;
        }
    }

    /** Waits until {@link #count()} reaches {@code target}; false if {@code timeout} passed first. */
    public boolean awaitCount(long target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (arrivals) {
            while (count < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(arrivals, left);
            }
            return true;
        }
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits for a mail whose bytes satisfy {@code which}; fails the test after {@code timeout}. */
    public Received await(Predicate<Received> which, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Received r : received) {
                if (which.test(r)) {
                    return r;
                }
            }
            sleep(50);
        }
        throw new AssertionError("the SMTP sink received no mail " + what + " within " + timeout.toSeconds()
                + " s; it has " + received.size() + " mail(s)");
    }

    /** The mail carrying this Message-ID. */
    public Received awaitMessageId(String messageId) {
        return await(r -> r.headerBlock().contains(messageId), Duration.ofSeconds(60), "with Message-ID " + messageId);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.submit(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(120_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            boolean offered = advertise8BitMime;
            reply(out, "220 sink.test ESMTP Inkan test sink");
            String from = null;
            List<String> rcpts = new ArrayList<>();
            while (true) {
                byte[] raw = readLine(in);
                if (raw == null) {
                    return;
                }
                String line = new String(raw, StandardCharsets.ISO_8859_1).strip();
                String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> {
                        offered = advertise8BitMime;
                        reply(out, offered ? "250-sink.test\r\n250-8BITMIME\r\n250 SIZE 0" : "250-sink.test\r\n250 SIZE 0");
                    }
                    case "HELO" -> reply(out, "250 sink.test");
                    case "MAIL" -> {
                        from = line.substring(line.indexOf(':') + 1).strip();
                        rcpts.clear();
                        reply(out, "250 2.1.0 OK");
                    }
                    case "RCPT" -> {
                        rcpts.add(line.substring(line.indexOf(':') + 1).strip());
                        reply(out, "250 2.1.5 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        byte[] data = readData(in);
                        if (keepMessages) {
                            received.add(new Received(from, List.copyOf(rcpts), data, offered));
                        }
                        synchronized (arrivals) {
                            count++;
                            arrivals.notifyAll();
                        }
                        reply(out, "250 2.0.0 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK"); // RSET, NOOP
                }
            }
        } catch (SocketException e) {
            // the client went away
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    /** DATA up to the lone dot, dot-stuffing undone (RFC 5321 §4.5.2); line ends kept as sent. */
    private static byte[] readData(InputStream in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (true) {
            byte[] line = readLine(in);
            if (line == null) {
                throw new IOException("connection closed during DATA");
            }
            if (line.length == 3 && line[0] == '.' && line[1] == '\r' && line[2] == '\n') {
                return data.toByteArray();
            }
            if (line.length > 0 && line[0] == '.') {
                data.write(line, 1, line.length - 1);
            } else {
                data.write(line);
            }
        }
    }

    /** One line with its LF (and CR), or null at the end of the stream. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
