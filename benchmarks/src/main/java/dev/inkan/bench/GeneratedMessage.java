package dev.inkan.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A realistic plain-text message of an exact size, generated on the fly and never materialised: a header
 * block like a relayed message's (Received, From, To, Subject, Date, Message-ID, MIME fields), a blank
 * line, then prose in lines of at most 72 characters with CRLF endings and blank lines between paragraphs.
 * The body repeats a deterministic 64 KiB pattern, so a 100 MB message costs 64 KiB of memory; the last
 * two bytes are always CRLF. Every instance of a given size yields the same bytes.
 */
public final class GeneratedMessage extends InputStream {

    static final byte[] HEADERS = ("Received: from mail.example.net (mail.example.net [192.0.2.25])\r\n"
            + "\tby mx.example.com (Inkan) with ESMTPS id 4Zq1Lx0bN7z9sWm\r\n"
            + "\tfor <bob@example.com>; Thu, 15 Jan 2026 11:59:58 +0000\r\n"
            + "Received: from [198.51.100.7] (client.example.net [198.51.100.7])\r\n"
            + "\tby mail.example.net with ESMTPSA id 7HqQ2c; Thu, 15 Jan 2026 11:59:57 +0000\r\n"
            + "From: Alice Example <alice@example.com>\r\n"
            + "To: Bob Example <bob@example.net>, carol@example.org\r\n"
            + "Cc: Dave <dave@example.net>\r\n"
            + "Subject: Quarterly report: figures, notes and the plan for next quarter\r\n"
            + "Date: Thu, 15 Jan 2026 12:59:57 +0100\r\n"
            + "Message-ID: <20260115115957.4Zq1Lx0bN7z9sWm@mail.example.com>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8; format=flowed\r\n"
            + "Content-Transfer-Encoding: 7bit\r\n"
            + "\r\n").getBytes(StandardCharsets.US_ASCII);

    private static final String[] WORDS = ("the of and to in is that for it as was with be by on not he this are"
            + " or his from at which but have an they you were her she there been one all we their has would when"
            + " if so no will more other its time only new some could these two may first then do any like my"
            + " now over such our man me even most made after also did many before must through back years where"
            + " much your way well down should because each just those people how too little state good very make"
            + " world still own see men work long get here between both life being under never day same another"
            + " know while last might us great old year off come since against go came right used take three"
            + " report quarter revenue forecast meeting schedule customer delivery invoice budget").split(" ");

    private static final byte[] BODY_PATTERN = bodyPattern(64 * 1024);

    private final long size;
    private final long bodyEnd;
    private long position;

    /** A message of exactly {@code size} bytes. */
    public GeneratedMessage(long size) {
        if (size < HEADERS.length + 2) {
            throw new IllegalArgumentException("a generated message is at least " + (HEADERS.length + 2) + " bytes");
        }
        this.size = size;
        this.bodyEnd = size - 2;
    }

    /** The whole message as bytes: for sizes that fit comfortably in memory. */
    public static byte[] bytes(int size) {
        byte[] out = new byte[size];
        int n = new GeneratedMessage(size).read(out, 0, size);
        if (n != size) {
            throw new IllegalStateException("generated " + n + " of " + size + " bytes");
        }
        return out;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (position >= size) {
            return -1;
        }
        int done = 0;
        while (done < len && position < size) {
            int n;
            if (position < HEADERS.length) {
                n = (int) Math.min(len - done, HEADERS.length - position);
                System.arraycopy(HEADERS, (int) position, b, off + done, n);
            } else if (position < bodyEnd) {
                long inBody = position - HEADERS.length;
                int at = (int) (inBody % BODY_PATTERN.length);
                n = (int) Math.min(Math.min(len - done, BODY_PATTERN.length - at), bodyEnd - position);
                System.arraycopy(BODY_PATTERN, at, b, off + done, n);
            } else {
                n = 1;
                b[off + done] = position == bodyEnd ? (byte) '\r' : (byte) '\n';
            }
            done += n;
            position += n;
        }
        return done;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, size - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, size - position);
    }

    /** Paragraphs of 3–8 lines of words, each line at most 72 characters, filling exactly {@code length} bytes. */
    private static byte[] bodyPattern(int length) {
        Random random = new Random(20260115L);
        StringBuilder text = new StringBuilder(length + 80);
        while (text.length() < length) {
            int lines = 3 + random.nextInt(6);
            for (int l = 0; l < lines; l++) {
                StringBuilder line = new StringBuilder(WORDS[random.nextInt(WORDS.length)]);
                line.setCharAt(0, Character.toUpperCase(line.charAt(0)));
                while (true) {
                    String word = WORDS[random.nextInt(WORDS.length)];
                    String sep = random.nextInt(12) == 0 ? ", " : " ";
                    if (line.length() + sep.length() + word.length() > 72) {
                        break;
                    }
                    line.append(sep).append(word);
                }
                text.append(line).append(l == lines - 1 ? ".\r\n" : "\r\n");
            }
            text.append("\r\n");
        }
        // Cut back to the last complete line so that the pattern repeats as whole lines.
        int cut = text.lastIndexOf("\r\n", length - 2) + 2;
        text.setLength(cut);
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
