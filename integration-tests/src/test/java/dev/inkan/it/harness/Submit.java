package dev.inkan.it.harness;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Mail into James over SMTP, byte for byte: EHLO, optional AUTH PLAIN, MAIL FROM (with BODY=8BITMIME for
 * an 8bit message, RFC 6152), RCPT TO, DATA with dot-stuffing. (James's SMTPMessageSender is not used:
 * its commons-net client has no encoding set and re-encodes the message text with the platform charset,
 * which mangles 8bit mail.)
 */
public final class Submit {

    private final int smtpPort;
    private final InetAddress localAddress;

    public Submit(int smtpPort) {
        this(smtpPort, null);
    }

    private Submit(int smtpPort, InetAddress localAddress) {
        this.smtpPort = smtpPort;
        this.localAddress = localAddress;
    }

    /**
     * The same, connecting from another loopback address (e.g. 127.0.0.2; Linux routes all of 127.0.0.0/8 to
     * the loopback interface): James records it as the client's address, so a test can tell two "remote" MTAs
     * apart for SPF.
     */
    public Submit from(InetAddress local) {
        return new Submit(smtpPort, local);
    }

    /** As a remote MTA would: no authentication. */
    public void inbound(String mailFrom, String rcptTo, byte[] message) throws IOException {
        send("mta.remote.test", null, mailFrom, rcptTo, message);
    }

    /** As a mail client submitting for {@code user} (SMTP AUTH PLAIN); MAIL FROM is the user. */
    public void authenticated(String user, String rcptTo, byte[] message) throws IOException {
        send("client.test", user, user, List.of(rcptTo), message);
    }

    /** The same, to several recipients in one transaction. */
    public void authenticated(String user, List<String> rcptTo, byte[] message) throws IOException {
        send("client.test", user, user, rcptTo, message);
    }

    private void send(String helo, String user, String mailFrom, String rcptTo, byte[] message) throws IOException {
        send(helo, user, mailFrom, List.of(rcptTo), message);
    }

    private void send(String helo, String user, String mailFrom, List<String> rcptTo, byte[] message)
            throws IOException {
        try (Session session = open(helo, user)) {
            session.send(mailFrom, rcptTo, message);
        }
    }

    /**
     * One SMTP connection for many transactions, as an MTA or a bulk client keeps it: EHLO (and AUTH PLAIN
     * when {@code user} is not null) once, then {@link Session#send} per mail; QUIT on close.
     */
    public Session open(String helo, String user) throws IOException {
        return new Session(helo, user);
    }

    /** An open SMTP connection to James; not thread-safe. */
    public final class Session implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final boolean offers8BitMime;

        private Session(String helo, String user) throws IOException {
            socket = localAddress == null ? new Socket(InetAddress.getLoopbackAddress(), smtpPort)
                    : new Socket(InetAddress.getLoopbackAddress(), smtpPort, localAddress, 0);
            try {
                socket.setSoTimeout(60_000);
                in = new BufferedInputStream(socket.getInputStream());
                out = socket.getOutputStream();
                expect(in, "220", "greeting");
                offers8BitMime = command(in, out, "EHLO " + helo, "250").contains("8BITMIME");
                if (user != null) {
                    String plain = Base64.getEncoder().encodeToString(("\0" + user + "\0" + Mailboxes.PASSWORD)
                            .getBytes(StandardCharsets.UTF_8));
                    command(in, out, "AUTH PLAIN " + plain, "235");
                }
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        }

        /** One transaction: MAIL FROM (BODY=8BITMIME for 8bit mail), RCPT TO each, DATA; James answered 250. */
        public void send(String mailFrom, List<String> rcptTo, byte[] message) throws IOException {
            send(mailFrom, rcptTo, message, "250");
        }

        /** The same, expecting {@code endOfData} (e.g. "451") as the reply to the end of DATA. */
        public void send(String mailFrom, List<String> rcptTo, byte[] message, String endOfData) throws IOException {
            boolean eightBit = hasEightBitBytes(message) && offers8BitMime;
            command(in, out, "MAIL FROM:<" + mailFrom + ">" + (eightBit ? " BODY=8BITMIME" : ""), "250");
            for (String rcpt : rcptTo) {
                command(in, out, "RCPT TO:<" + rcpt + ">", "250");
            }
            command(in, out, "DATA", "354");
            out.write(dotStuffed(message));
            out.flush();
            expect(in, endOfData, "end of DATA");
        }

        @Override
        public void close() throws IOException {
            try (socket) {
                command(in, out, "QUIT", "221");
            }
        }
    }

    private static String command(InputStream in, OutputStream out, String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return expect(in, code, line.startsWith("AUTH") ? "AUTH" : line);
    }

    /** Reads a (multi-line) reply; fails unless it has {@code code}. */
    private static String expect(InputStream in, String code, String after) throws IOException {
        StringBuilder reply = new StringBuilder();
        while (true) {
            String line = readLine(in);
            if (line == null) {
                throw new IOException("SMTP server closed the connection after " + after + "; reply so far: " + reply);
            }
            reply.append(line).append('\n');
            if (line.length() < 4 || line.charAt(3) != '-') {
                break;
            }
        }
        if (!reply.toString().startsWith(code)) {
            throw new IOException("SMTP server answered " + after + " with: " + reply.toString().strip());
        }
        return reply.toString();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    /** The message with leading dots doubled, a final CRLF ensured, and the terminating dot line. */
    static byte[] dotStuffed(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 64);
        boolean lineStart = true;
        for (byte b : message) {
            if (lineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            lineStart = b == '\n';
        }
        if (!lineStart) {
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(".\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static boolean hasEightBitBytes(byte[] data) {
        for (byte b : data) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }
}
