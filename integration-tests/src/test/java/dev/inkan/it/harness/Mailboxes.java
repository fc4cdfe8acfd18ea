package dev.inkan.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads delivered mail back over IMAP, byte-exact ({@link ImapSession}): the header block of each message in a folder. */
public final class Mailboxes {

    public static final String PASSWORD = "inkan-secret";

    private final int imapPort;

    public Mailboxes(int imapPort) {
        this.imapPort = imapPort;
    }

    /** The header blocks of every message in {@code folder} of {@code user}, oldest first. */
    public List<String> headers(String user, String folder) {
        try (ImapSession imap = new ImapSession(imapPort)) {
            imap.login(user, PASSWORD);
            if (imap.folders().stream().noneMatch(line -> line.endsWith(" " + folder) || line.endsWith(" \"" + folder + "\""))) {
                return List.of();
            }
            int count = imap.select(folder);
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                out.add(new String(imap.fetch(i, "HEADER"), StandardCharsets.UTF_8));
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
}
