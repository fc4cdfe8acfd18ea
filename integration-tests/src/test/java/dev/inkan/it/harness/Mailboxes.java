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
        return fetchAll(user, folder, "HEADER").stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
    }

    /** Every message in {@code folder} of {@code user}, whole and byte-exact, oldest first. */
    public List<byte[]> messages(String user, String folder) {
        return fetchAll(user, folder, "");
    }

    /** {@code section} ("HEADER", "" for the whole message) of every message in the folder, oldest first. */
    private List<byte[]> fetchAll(String user, String folder, String section) {
        try (ImapSession imap = new ImapSession(imapPort)) {
            imap.login(user, PASSWORD);
            if (imap.folders().stream().noneMatch(line -> line.endsWith(" " + folder) || line.endsWith(" \"" + folder + "\""))) {
                return List.of();
            }
            int count = imap.select(folder);
            List<byte[]> out = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                out.add(imap.fetch(i, section));
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
            try {
                last = headers(user, folder);
            } catch (UncheckedIOException e) {
                // seen once on a folder LocalDelivery had just created: SELECT counted a message that FETCH
                // refused ("Invalid messageset"); a read racing the delivery, so ask again
                last = List.of();
            }
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

    /**
     * A logged-in IMAP session with {@code folder} selected (created first if it does not exist yet), which
     * waits for the folder to reach a message count without polling: the server pushes the count in IDLE.
     */
    public FolderWatch watch(String user, String folder) throws IOException {
        ImapSession imap = new ImapSession(imapPort);
        try {
            imap.login(user, PASSWORD);
            if (imap.folders().stream().noneMatch(line -> line.endsWith(" " + folder) || line.endsWith(" \"" + folder + "\""))) {
                imap.command("CREATE \"" + folder + "\"");
            }
            return new FolderWatch(imap, imap.select(folder), () -> watch(user, folder));
        } catch (IOException | RuntimeException e) {
            imap.close();
            throw e;
        }
    }

    /** See {@link #watch}. */
    public static final class FolderWatch implements AutoCloseable {

        /** Opens the same watch anew. */
        interface Reopen {
            FolderWatch open() throws IOException;
        }

        private ImapSession imap;
        private int messages;
        private final Reopen reopen;

        private FolderWatch(ImapSession imap, int messages, Reopen reopen) {
            this.imap = imap;
            this.messages = messages;
            this.reopen = reopen;
        }

        /** The last message count the server reported. */
        public int messages() {
            return messages;
        }

        /** Waits until the folder holds at least {@code count} messages; false if {@code timeout} passed first. */
        public boolean await(int count, Duration timeout) throws IOException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (messages < count && System.nanoTime() - deadline < 0) {
                int before = messages;
                boolean stalled;
                try {
                    messages = Math.max(messages, imap.idleUntil(count, deadline));
                    stalled = messages == before; // a whole IDLE round (ImapSession) without an update
                } catch (java.net.SocketTimeoutException e) {
                    stalled = true;
                }
                if (stalled && messages < count) {
                    // James 3.8.1's IMAP server sometimes leaves an IDLE unanswered or an update unsent under
                    // load: a new session's SELECT sees the folder as it is, and waits on
                    imap.close();
                    FolderWatch fresh = reopen.open();
                    imap = fresh.imap;
                    messages = Math.max(messages, fresh.messages);
                }
            }
            return messages >= count;
        }

        /**
         * Deletes every message of the folder (flagged deleted, then EXPUNGE): for the throughput benchmark, which
         * keeps the messages James stores bounded (see ThroughputServer#nextRecipient).
         */
        public void expungeAll() throws IOException {
            if (messages > 0) {
                imap.command("STORE 1:* +FLAGS.SILENT (\\Deleted)");
                imap.command("EXPUNGE");
            }
        }

        @Override
        public void close() throws IOException {
            imap.close();
        }
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
