package dev.inkan.it.harness;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal byte-exact IMAP4rev1 client (RFC 3501) for reading delivered mail back: LOGIN, LIST, SELECT,
 * FETCH. Replies are read as octets and literals ({@code {n}}) by their octet count, so 8bit content and
 * any line shape come back exactly (commons-net's client counts characters of text lines instead).
 */
final class ImapSession implements AutoCloseable {

    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\}$");
    private static final Pattern EXISTS = Pattern.compile("^\\* (\\d+) EXISTS$");

    /** One tagged command's untagged lines (text) and literals (octets), in order. */
    record Reply(List<String> lines, List<byte[]> literals) {
    }

    /** The longest one IDLE waits for an update before it is ended and entered again. */
    private static final int IDLE_ROUND_MILLIS = 1_000;
    /**
     * How long the reply to IDLE or DONE may take before the session is taken for wedged and dropped. James answers
     * both within milliseconds; a James 3.8.1 session that has not answered an IDLE after this never does (a JFR
     * recording of the throughput benchmark, 2026-12-07: two such sessions in 30 s, each left unanswered for 2 s and
     * LOGOUT unanswered for 2 s more, while a new session saw every message at once). Taking a slow session for
     * wedged costs only a new session.
     */
    private static final int WEDGED_MILLIS = 300;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int tag;
    /** An IDLE or DONE went unanswered: LOGOUT would not be answered either. */
    private boolean wedged;

    ImapSession(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        String greeting = line();
        if (!greeting.startsWith("* OK")) {
            throw new IOException("IMAP greeting: " + greeting);
        }
    }

    void login(String user, String password) throws IOException {
        command("LOGIN \"" + user + "\" \"" + password + "\"");
    }

    /** LIST lines of every mailbox. */
    List<String> folders() throws IOException {
        return command("LIST \"\" \"*\"").lines();
    }

    /** SELECTs {@code folder}; returns its message count. */
    int select(String folder) throws IOException {
        for (String l : command("SELECT \"" + folder + "\"").lines()) {
            Matcher m = EXISTS.matcher(l);
            if (m.matches()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IOException("SELECT " + folder + " reported no EXISTS count");
    }

    /** The octets of {@code section} (e.g. "HEADER", "" for the whole message) of message {@code n}. */
    byte[] fetch(int n, String section) throws IOException {
        Reply reply = command("FETCH " + n + " (BODY.PEEK[" + section + "])");
        if (reply.literals().isEmpty()) {
            throw new IOException("FETCH " + n + " returned no literal: " + reply.lines());
        }
        return reply.literals().get(0);
    }

    /**
     * In the selected folder: IDLE (RFC 2177) until the server reports at least {@code count} messages
     * ({@code * n EXISTS}) or {@code deadlineNanos} (System.nanoTime) passes, then DONE. Returns the last count
     * reported, or -1 if none was. The server also reports, on entering IDLE, what changed since the last command.
     */
    int idleUntil(int count, long deadlineNanos) throws IOException {
        String t = "i" + (++tag);
        out.write((t + " IDLE\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int exists = -1;
        int timeout = socket.getSoTimeout();
        String l;
        socket.setSoTimeout(Math.min(timeout, WEDGED_MILLIS)); // an unanswered IDLE: a wedged session
        try {
            l = line();
            while (!l.startsWith("+")) { // untagged updates may come before the continuation
                exists = existsIn(l, exists);
                if (l.startsWith(t + " ")) {
                    throw new IOException("IMAP IDLE: " + l);
                }
                l = line();
            }
        } catch (SocketTimeoutException e) {
            wedged = true;
            throw e;
        } finally {
            socket.setSoTimeout(timeout);
        }
        try {
            while (exists < count) {
                long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                // a short wait, then DONE and a new IDLE (whose start reports the count again): James 3.8.1 now and
                // then drops an EXISTS update under load, and waiting out the whole timeout for it stalled a
                // benchmark iteration for up to 30 s
                socket.setSoTimeout((int) Math.min(left, Math.min(timeout, IDLE_ROUND_MILLIS)));
                try {
                    exists = existsIn(line(), exists);
                } catch (SocketTimeoutException e) {
                    break; // only between lines: line() had read nothing yet
                }
            }
        } finally {
            socket.setSoTimeout(timeout);
        }
        out.write("DONE\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        socket.setSoTimeout(Math.min(timeout, WEDGED_MILLIS)); // an unanswered DONE: a wedged session
        try {
            while (!(l = line()).startsWith(t + " ")) {
                exists = existsIn(l, exists);
            }
        } catch (SocketTimeoutException e) {
            wedged = true;
            throw e;
        } finally {
            socket.setSoTimeout(timeout);
        }
        if (!l.startsWith(t + " OK")) {
            throw new IOException("IMAP IDLE: " + l);
        }
        return exists;
    }

    private static int existsIn(String line, int previous) {
        Matcher m = EXISTS.matcher(line);
        return m.matches() ? Integer.parseInt(m.group(1)) : previous;
    }

    /** Sends a command and reads to its tagged completion; a NO or BAD is an IOException. */
    Reply command(String text) throws IOException {
        String t = "i" + (++tag);
        out.write((t + " " + text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        List<String> lines = new ArrayList<>();
        List<byte[]> literals = new ArrayList<>();
        while (true) {
            String l = line();
            Matcher literal = LITERAL.matcher(l);
            while (literal.find()) {
                literals.add(in.readNBytes(Integer.parseInt(literal.group(1))));
                l = l + " <literal> " + line(); // the rest of the response after the literal
                literal = LITERAL.matcher(l);
            }
            if (l.startsWith(t + " ")) {
                if (!l.startsWith(t + " OK")) {
                    throw new IOException("IMAP " + text.split(" ")[0] + ": " + l);
                }
                return new Reply(lines, literals);
            }
            lines.add(l);
        }
    }

    /** One CRLF-terminated line of a reply, without the CRLF. */
    private String line() throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("IMAP connection closed");
            }
            if (previous == '\r' && b == '\n') {
                byte[] bytes = buffer.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            buffer.write(b);
            previous = b;
        }
    }

    @Override
    public void close() throws IOException {
        if (!wedged) {
            try {
                socket.setSoTimeout(2_000);
                command("LOGOUT");
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket.close();
    }
}
