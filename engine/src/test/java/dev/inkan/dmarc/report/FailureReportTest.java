package dev.inkan.dmarc.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dmarc.report.FailureReport.Failure;
import dev.inkan.dmarc.report.FailureReport.Redaction;
import dev.inkan.testing.MovingClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.junit.jupiter.api.Test;

/** RFC 9991 failure reports: well-formed ARF (RFC 5965/6591), headers only by default, fo= honoured, rate-limited. */
class FailureReportTest {

    static final byte[] HEADER = ("From: Boss <ceo@example.com>\r\nTo: staff@example.net\r\nSubject: wire money\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] BODY = "Send it today.\r\n".getBytes(StandardCharsets.US_ASCII);

    static Failure failure() {
        return new Failure("example.com", "203.0.113.9", "x@spoof.example", Instant.parse("2026-12-07T00:10:00Z"),
                "mx.example.net; dmarc=fail (p=reject dis=reject) header.from=example.com", List.of("dkim", "spf"),
                List.of("example.com s1"), "txt : example.com : \"v=spf1 ip4:192.0.2.0/24 -all\"", "reject");
    }

    static String part(Multipart parts, int i) throws Exception {
        return new String(((SingleBody) parts.getBodyParts().get(i).getBody()).getInputStream().readAllBytes(),
                StandardCharsets.ISO_8859_1);
    }

    @Test
    void the_report_is_arf_with_the_rfc_9991_fields_and_only_the_header() throws Exception {
        byte[] bytes = FailureReport.build(failure(), "dmarc-reports@mx.example.net", "ruf@example.com", "Inkan/0.1",
                Redaction.HEADERS, HEADER, BODY, "f1.example.com@mx.example.net", Instant.parse("2026-12-07T00:10:05Z"));
        Message message = new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(bytes));
        assertThat(message.getMimeType()).isEqualTo("multipart/report");
        assertThat(message.getHeader().getField("Content-Type").getBody()).contains("report-type=feedback-report");
        Multipart parts = (Multipart) message.getBody();
        assertThat(parts.getBodyParts()).extracting(e -> e.getMimeType())
                .containsExactly("text/plain", "message/feedback-report", "text/rfc822-headers");
        String feedback = part(parts, 1);
        assertThat(feedback).contains("Feedback-Type: auth-failure\r\n").contains("Version: 1\r\n")
                .contains("Auth-Failure: dmarc\r\n").contains("Identity-Alignment: dkim, spf\r\n")
                .contains("Authentication-Results: mx.example.net; dmarc=fail").contains("Reported-Domain: example.com")
                .contains("Source-IP: 203.0.113.9").contains("DKIM-Domain: example.com\r\nDKIM-Selector: s1\r\n")
                .contains("SPF-DNS: txt : example.com").contains("Delivery-Result: reject");
        assertThat(part(parts, 2)).contains("Subject: wire money").doesNotContain("Send it today");
    }

    @Test
    void full_redaction_carries_the_message_and_injection_is_neutralised() throws Exception {
        Failure hostile = new Failure("example.com", "203.0.113.9", "x@spoof.example\r\nBcc: victim@example.org",
                Instant.parse("2026-12-07T00:10:00Z"), "mx; dmarc=fail", List.of(), List.of(), null, null);
        byte[] bytes = FailureReport.build(hostile, "r@mx.example.net", "ruf@example.com", "Inkan/0.1", Redaction.FULL,
                HEADER, BODY, "f2@mx.example.net", Instant.parse("2026-12-07T00:10:05Z"));
        Message message = new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(bytes));
        Multipart parts = (Multipart) message.getBody();
        assertThat(parts.getBodyParts().get(2).getMimeType()).isEqualTo("message/rfc822");
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).doesNotContain("\r\nBcc:")
                .contains("Identity-Alignment: none");
    }

    @Test
    void fo_zero_reports_only_when_nothing_aligned_passed_and_fo_one_when_anything_failed() {
        assertThat(FailureReport.wanted(List.of("0"), false, false)).isTrue();
        assertThat(FailureReport.wanted(List.of("0"), true, false)).isFalse();
        assertThat(FailureReport.wanted(List.of("1"), true, false)).isTrue();
        assertThat(FailureReport.wanted(List.of("1"), true, true)).isFalse();
        assertThat(FailureReport.wanted(List.of("d", "s"), false, false)).isTrue(); // fo without 0/1 means the default 0
    }

    @Test
    void the_limiter_caps_each_destination_per_hour_and_all_per_minute() {
        MovingClock clock = new MovingClock();
        FailureReportLimiter limiter = new FailureReportLimiter(2, 3, clock);
        assertThat(limiter.allow("ruf@a.example")).isTrue();
        assertThat(limiter.allow("RUF@a.example")).isTrue();
        assertThat(limiter.allow("ruf@a.example")).isFalse(); // 2 per hour for one destination
        assertThat(limiter.allow("ruf@b.example")).isTrue();
        assertThat(limiter.allow("ruf@c.example")).isFalse(); // 3 per minute in all
        clock.advance(Duration.ofMinutes(2));
        assertThat(limiter.allow("ruf@c.example")).isTrue();
        assertThat(limiter.allow("ruf@a.example")).isFalse(); // still within the hour
        clock.advance(Duration.ofHours(1));
        assertThat(limiter.allow("ruf@a.example")).isTrue();
        assertThat(limiter.refused()).isEqualTo(3);
    }
}
