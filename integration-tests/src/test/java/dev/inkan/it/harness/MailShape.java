package dev.inkan.it.harness;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * The kinds of mail a user sends through James, as a mail client writes them (CRLF, headers in ASCII).
 * Each one takes a different path through JavaMail and James's 7bit conversion.
 */
public enum MailShape {

    /** US-ASCII text/plain, 7bit. */
    PLAIN_TEXT(false) {
        @Override
        String content() {
            return lines("MIME-Version: 1.0",
                    "Content-Type: text/plain; charset=us-ascii",
                    "Content-Transfer-Encoding: 7bit",
                    "",
                    "Hello Bob,",
                    "",
                    "a plain message.  Two spaces, a tab:\there, trailing space ",
                    "-- ",
                    "Alice",
                    "");
        }
    },

    /** UTF-8 text/plain sent as 8bit: James converts it to quoted-printable for a hop without 8BITMIME. */
    UTF8_8BIT(true) {
        @Override
        String content() {
            return lines("MIME-Version: 1.0",
                    "Content-Type: text/plain; charset=utf-8",
                    "Content-Transfer-Encoding: 8bit",
                    "",
                    "Grüße aus Köln — ça va? Ünïcödé, 日本語のテキスト, 印鑑.",
                    "Emoji: 📬 ✓",
                    "A line with = and a long tail to make quoted-printable fold it: " + "ßäöü".repeat(20),
                    "");
        }
    },

    /** multipart/alternative: an 8bit text part and a quoted-printable HTML part. */
    MULTIPART_ALTERNATIVE(true) {
        @Override
        String content() {
            return lines("MIME-Version: 1.0",
                    "Content-Type: multipart/alternative;",
                    "\tboundary=\"----=_Part_alt_4711\"",
                    "",
                    "------=_Part_alt_4711",
                    "Content-Type: text/plain; charset=UTF-8",
                    "Content-Transfer-Encoding: 8bit",
                    "",
                    "Plain part: naïve café, Øresund.",
                    "",
                    "------=_Part_alt_4711",
                    "Content-Type: text/html; charset=UTF-8",
                    "Content-Transfer-Encoding: quoted-printable",
                    "",
                    "<html><body><p>HTML part: na=C3=AFve caf=C3=A9, =C3=98resund.</p></body></h=",
                    "tml>",
                    "",
                    "------=_Part_alt_4711--",
                    "");
        }
    },

    /** multipart/mixed: an 8bit text part, a base64 binary attachment and an 8bit text attachment. */
    MULTIPART_MIXED_ATTACHMENT(true) {
        @Override
        String content() {
            byte[] pdf = new byte[3000];
            new Random(6376).nextBytes(pdf);
            String base64 = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(pdf);
            return lines("MIME-Version: 1.0",
                    "Content-Type: multipart/mixed; boundary=\"=_mixed_boundary_42\"",
                    "",
                    "This is a multi-part message in MIME format.",
                    "",
                    "--=_mixed_boundary_42",
                    "Content-Type: text/plain; charset=utf-8",
                    "Content-Transfer-Encoding: 8bit",
                    "",
                    "Hi Bob, the report is attached — größer als gedacht.",
                    "",
                    "--=_mixed_boundary_42",
                    "Content-Type: application/pdf; name=\"report.pdf\"",
                    "Content-Transfer-Encoding: base64",
                    "Content-Disposition: attachment; filename=\"report.pdf\"",
                    "",
                    base64,
                    "",
                    "--=_mixed_boundary_42",
                    "Content-Type: text/plain; charset=utf-8; name=\"notes.txt\"",
                    "Content-Transfer-Encoding: 8bit",
                    "Content-Disposition: attachment; filename=\"notes.txt\"",
                    "",
                    "Notizen: Übergröße, Straße, naïve.",
                    "",
                    "--=_mixed_boundary_42--",
                    "");
        }
    },

    /** Long header fields folded with tabs and spaces, an RFC 2047 Subject, a long References chain. */
    LONG_FOLDED_HEADERS(false) {
        @Override
        String extraHeaders() {
            StringBuilder references = new StringBuilder("References:");
            for (int i = 0; i < 12; i++) {
                references.append(i == 0 ? " " : "\r\n\t").append("<thread-").append(i).append(".").append("x".repeat(30))
                        .append("@mail.example.com>");
            }
            return lines("Cc: Carol Example <carol@example.org>,",
                    "    Dave Example <dave@example.org>,  ",
                    "\tErin Example <erin@example.org>",
                    references.toString(),
                    "In-Reply-To: <thread-11." + "x".repeat(30) + "@mail.example.com>",
                    "X-Long-Unfolded: " + "word ".repeat(150).strip(),
                    "X-Spaced:    lots   of \t white   space   ");
        }

        @Override
        String subject(String id) {
            return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(("Grüße: a very long subject line " + id)
                    .getBytes(StandardCharsets.UTF_8)) + "?=\r\n =?UTF-8?Q?_that_goes_on_and_on_=E2=80=94_folded?=\r\n\tand folded again";
        }

        @Override
        String content() {
            return lines("MIME-Version: 1.0",
                    "Content-Type: text/plain; charset=us-ascii",
                    "",
                    "Body after long headers.",
                    "");
        }
    };

    private final boolean eightBit;

    MailShape(boolean eightBit) {
        this.eightBit = eightBit;
    }

    /** Whether the body holds 8bit data (so James converts it for a hop without 8BITMIME). */
    public boolean eightBit() {
        return eightBit;
    }

    public boolean multipart() {
        return name().startsWith("MULTIPART");
    }

    /** The MIME headers and the body. */
    abstract String content();

    String extraHeaders() {
        return "";
    }

    String subject(String id) {
        return name() + " " + id;
    }

    /** The whole message: From, To, Subject, Date, Message-ID, the shape's headers and body. */
    public byte[] message(String from, String to, String messageId) {
        String text = "From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + "Subject: " + subject(messageId) + "\r\n"
                + "Date: Sun, 22 Nov 2026 10:00:00 +0000\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + extraHeaders()
                + content();
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String lines(String... lines) {
        return String.join("\r\n", lines) + (lines[lines.length - 1].isEmpty() ? "" : "\r\n");
    }
}
