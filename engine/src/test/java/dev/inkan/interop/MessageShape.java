package dev.inkan.interop;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The message shapes every interop case runs over: each one stresses a different corner of the header or
 * body canonicalizations (RFC 6376 §3.4). Bytes are exact; {@link #LF_ONLY} is the only one with bare LF.
 *
 * <p>Left out on purpose: a field name followed by white space before the colon ("Subject : x", obsolete
 * RFC 5322 syntax that relaxed canonicalization handles): dkimpy 1.1.4 cannot read such a message at all
 * (rfc822_parse raises MessageFormatError "Unexpected characters in RFC822 header").
 */
enum MessageShape {

    PLAIN_ASCII(crlf(headers("Plain message", "plain"), "",
            "Hello Bob,", "", "This is a plain ASCII message.", "-- ", "Alice", "")),

    EMPTY_BODY(crlf(headers("Nothing below", "empty"), "", "")),

    /**
     * The last body line has no CRLF: simple and relaxed both complete it (RFC 6376 §3.4.3, §3.4.4).
     * Mail::DKIM 1.20230212 does not for simple; see the PEER QUIRK handling in the tests.
     */
    NO_FINAL_CRLF(crlf(headers("No final line end", "nofinal"), "", "First line", "last line, no CRLF")),

    /** Empty and white-space-only lines at the end: simple keeps the white-space line, relaxed drops it. */
    TRAILING_BLANK_LINES(crlf(headers("Trailing blank lines", "trailing"), "",
            "Text, then empty lines.", "", "", " \t", "", "", "")),

    /** Folding with tabs and spaces, runs of white space and trailing white space in header and body. */
    FOLDED_WHITESPACE(crlf(
            "From: Alice Example <alice@example.com>",
            "To: Bob <bob@example.net>,",
            "\tCarol <carol@example.net>,  ",
            "        Dave <dave@example.net>",
            "Subject:   A long subject line that goes on and on, well past the usual width,   ",
            "\tand is folded with a tab\t",
            " and again with a space   ",
            "Date:\tMon, 03 Jun 2024 10:00:00 +0000",
            "Message-ID: <folded@example.com>",
            "X-Not-Signed: \t  lots   of \t white space  ",
            "",
            "Body line with trailing spaces   ",
            "Tabs\tand  double  spaces\t inside",
            "   leading spaces",
            "")),

    /** Raw UTF-8 in the Subject (RFC 6532) and an 8bit UTF-8 body. */
    UTF8_8BIT(crlf(
            "From: Jürgen <juergen@example.com>",
            "To: 印鑑 <inkan@example.net>",
            "Subject: Grüße aus Köln — 印鑑 ✓",
            "Date: Mon, 03 Jun 2024 10:00:00 +0000",
            "Message-ID: <utf8@example.com>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            "",
            "Grüße, ça va? Ünïcödé in the body.",
            "日本語のテキスト。  ",
            "Emoji: 📬",
            "")),

    /** Header fields only: no empty line, no body at all (canonicalized as an empty body). */
    HEADERS_ONLY(headers("Headers only", "headersonly") + "\r\n"),

    /**
     * About 100 KB of words, spaces, tabs, empty and white-space-only lines in a seeded random mix, ending
     * in white-space lines: many buffer boundaries for a streaming canonicalizer to get right.
     */
    LONG_WHITESPACE_MIX(headers("Long white-space mix", "mix") + "\r\n\r\n" + whitespaceMix()),

    MULTIPART_MIME(crlf(
            "From: Alice <alice@example.com>",
            "To: Bob <bob@example.net>",
            "Subject: Multipart",
            "Date: Mon, 03 Jun 2024 10:00:00 +0000",
            "Message-ID: <multipart@example.com>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed;",
            " boundary=\"=_boundary_42\"",
            "",
            "This is a multi-part message in MIME format.",
            "",
            "--=_boundary_42",
            "Content-Type: text/plain; charset=us-ascii",
            "",
            "The text part.",
            "",
            "--=_boundary_42",
            "Content-Type: application/octet-stream; name=\"data.bin\"",
            "Content-Transfer-Encoding: base64",
            "Content-Disposition: attachment; filename=\"data.bin\"",
            "",
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4",
            "OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ubw==",
            "",
            "--=_boundary_42--",
            "")),

    /** A file with Unix line ends: every engine must treat bare LF as CRLF (Inkan normalises on input). */
    LF_ONLY(crlf(headers("Unix line ends", "lfonly"), "", "Line one", "", "Line three  ", "")
            .replace("\r\n", "\n"));

    private final byte[] bytes;

    MessageShape(String text) {
        this.bytes = text.getBytes(StandardCharsets.UTF_8);
    }

    /** The message exactly as it goes into the signer (a fresh copy). */
    byte[] bytes() {
        return bytes.clone();
    }

    /** The line end this message uses, for a signature field to prepend. */
    String lineEnd() {
        return this == LF_ONLY ? "\n" : "\r\n";
    }

    private static String headers(String subject, String id) {
        return String.join("\r\n",
                "From: Alice <alice@example.com>",
                "To: Bob <bob@example.net>",
                "Subject: " + subject,
                "Date: Mon, 03 Jun 2024 10:00:00 +0000",
                "Message-ID: <" + id + "@example.com>");
    }

    private static String whitespaceMix() {
        String[] pieces = {"word", "x", " ", "  ", "\t", " \t ", "\r\n", "\r\n\r\n", " \r\n", "\t\r\n"};
        Random random = new Random(6376);
        StringBuilder body = new StringBuilder();
        while (body.length() < 100_000) {
            body.append(pieces[random.nextInt(pieces.length)]);
        }
        return body.append("\r\n \r\n\r\n\t\r\n").toString();
    }

    /** Joins lines with CRLF: a trailing "" gives a final CRLF. */
    private static String crlf(String... lines) {
        return String.join("\r\n", lines);
    }
}
