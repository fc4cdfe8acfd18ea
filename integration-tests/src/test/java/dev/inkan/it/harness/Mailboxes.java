package dev.inkan.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.utils.TestIMAPClient;

/**
 * Reads delivered mail back over IMAP with James's {@link TestIMAPClient}: the header block of each message
 * in a folder. (Header blocks only: TestIMAPClient reads replies as lines of UTF-8 text, so the octet count of
 * a literal cannot be used to cut out an 8bit body.)
 */
public final class Mailboxes {

    public static final String PASSWORD = "inkan-secret";
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\}\r\n");

    private final int imapPort;

    public Mailboxes(int imapPort) {
        this.imapPort = imapPort;
    }

    /** The header blocks of every message in {@code folder} of {@code user}, oldest first. */
    public List<String> headers(String user, String folder) {
        try (TestIMAPClient imap = new TestIMAPClient()) {
            imap.connect("127.0.0.1", imapPort).login(user, PASSWORD);
            if (imap.list().stream().noneMatch(line -> line.endsWith(" " + folder) || line.endsWith(" \"" + folder + "\""))) {
                return List.of();
            }
            long count = imap.getMessageCount(folder);
            imap.select(folder);
            List<String> out = new ArrayList<>();
            for (long i = 1; i <= count; i++) {
                out.add(headerBlock(imap.sendCommand("FETCH " + i + " (BODY.PEEK[HEADER])")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code folder} holds {@code count} messages and returns their header blocks. */
    public List<String> await(String user, String folder, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> last = List.of();
        while (System.nanoTime() < deadline) {
            last = headers(user, folder);
            if (last.size() >= count) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(user + "'s folder " + folder + " has " + last.size() + " message(s), expected "
                + count + " within 60 s");
    }

    /** Waits for exactly one message in {@code folder} and returns its header block. */
    public String awaitOne(String user, String folder) {
        List<String> all = await(user, folder, 1);
        if (all.size() != 1) {
            throw new AssertionError(user + "'s folder " + folder + " has " + all.size() + " messages, expected 1");
        }
        return all.get(0);
    }

    /** The literal of a FETCH reply: "* n FETCH (BODY[HEADER] {len}CRLF ... CRLF)CRLF tag OK ...". */
    static String headerBlock(String reply) {
        Matcher m = LITERAL.matcher(reply);
        if (!m.find()) {
            throw new AssertionError("not a FETCH reply with a literal: " + reply);
        }
        int end = reply.lastIndexOf("\r\n)\r\n");
        if (end < m.end()) {
            throw new AssertionError("unexpected FETCH reply: " + reply);
        }
        return reply.substring(m.end(), end + 2);
    }
}
