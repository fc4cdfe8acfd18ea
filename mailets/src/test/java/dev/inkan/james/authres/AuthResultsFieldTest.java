package dev.inkan.james.authres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.authres.ResultInfo;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.james.server.core.MimeMessageInputStreamSource;
import org.apache.james.server.core.MimeMessageWrapper;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.junit.jupiter.api.Test;

/**
 * Our one field on James's message class as a chain of mailets extends it: on top, every other line kept in order,
 * whether it is replaced where it stands (the only Authentication-Results field, already on top) or the header is
 * rewritten (other Authentication-Results fields present, or another field to put below ours).
 */
class AuthResultsFieldTest {

    private static final String ID = "mx.example.net";
    private static final List<String> HEADER = List.of(
            "Received: from mta.remote.test by mx.example.net; Sun, 22 Nov 2026 10:00:00 +0000",
            "From: Joe <joe@example.com>",
            "To: ann@example.net",
            "Subject: hello",
            "\tfolded",
            "Date: Sun, 22 Nov 2026 10:00:00 +0000",
            "Message-ID: <1@example.com>");

    private static Mail mail(List<String> header) throws Exception {
        String message = String.join("\r\n", header) + "\r\n\r\nHi Ann.\r\n";
        return FakeMail.builder().name("m").mimeMessage(new MimeMessageWrapper(MimeMessageInputStreamSource.create("m",
                new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1))))).build();
    }

    private static List<String> lines(Mail mail) throws Exception {
        return Collections.list(mail.getMessage().getAllHeaderLines());
    }

    /** The header lines JavaMail holds for {@code header} ("Subject" and its folded line are one). */
    private static List<String> held(List<String> header) throws Exception {
        return lines(mail(header));
    }

    @Test
    void the_only_field_on_top_is_replaced_where_it_stands() throws Exception {
        Mail mail = mail(HEADER);
        AuthResultsField.add(mail, ID, List.of(ResultInfo.of("dkim", "pass")));
        AuthResultsField.add(mail, ID, List.of(ResultInfo.of("arc", "none")));
        AuthResultsField.add(mail, ID, List.of(ResultInfo.of("dmarc", "pass")));
        List<String> expected = new ArrayList<>();
        expected.add("Authentication-Results: mx.example.net; dkim=pass; arc=none; dmarc=pass");
        expected.addAll(held(HEADER));
        assertThat(lines(mail)).containsExactlyElementsOf(expected);
    }

    @Test
    void with_other_fields_the_header_is_rewritten_and_they_keep_their_places() throws Exception {
        List<String> header = new ArrayList<>(HEADER);
        header.add(2, "Authentication-Results: relay.example.org; spf=fail smtp.mailfrom=example.com");
        header.add("Authentication-Results: mx.example.net; dkim=pass (forged by the sender)");
        Mail mail = mail(header);
        AuthResultsField.add(mail, ID, List.of(ResultInfo.of("dkim", "fail")));
        AuthResultsField.add(mail, ID, List.of(ResultInfo.of("spf", "pass")),
                List.of("Received-SPF: pass (mx.example.net: domain of example.com designates 192.0.2.1)\r\n"));
        AuthResultsField.add(mail, ID, List.of(ResultInfo.of("dmarc", "fail")));
        List<String> expected = new ArrayList<>();
        expected.add("Authentication-Results: mx.example.net; dkim=fail; spf=pass; dmarc=fail");
        expected.add("Received-SPF: pass (mx.example.net: domain of example.com designates 192.0.2.1)");
        List<String> kept = held(header);
        kept.remove(kept.size() - 1); // the forged field claiming our id
        expected.addAll(kept);
        assertThat(lines(mail)).containsExactlyElementsOf(expected);
    }

    @Test
    void a_field_written_elsewhere_in_the_same_text_is_read_back_alike() throws Exception {
        Mail first = mail(HEADER);
        AuthResultsField.add(first, ID, List.of(new ResultInfo("dkim", "fail", "key (revoked)", null, List.of())));
        Mail second = mail(HEADER);
        AuthResultsField.add(second, ID, List.of(new ResultInfo("dkim", "fail", "key (revoked)", null, List.of())));
        AuthResultsField.add(first, ID, List.of(ResultInfo.of("dmarc", "fail")));
        // the second mail's field is not the last one this thread wrote: it is parsed, and reads the same
        AuthResultsField.add(second, ID, List.of(ResultInfo.of("dmarc", "fail")));
        assertThat(lines(second)).isEqualTo(lines(first));
        assertThat(AuthResultsField.ours(second.getMessage(), ID).orElseThrow().results()).hasSize(2);
    }
}
