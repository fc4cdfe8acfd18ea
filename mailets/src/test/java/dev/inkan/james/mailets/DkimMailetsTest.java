package dev.inkan.james.mailets;

import static dev.inkan.james.mailets.MailetFixtures.CLOCK;
import static dev.inkan.james.mailets.MailetFixtures.MESSAGE;
import static dev.inkan.james.mailets.MailetFixtures.bytes;
import static dev.inkan.james.mailets.MailetFixtures.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.authres.ResultInfo;
import dev.inkan.james.attributes.ResultAttributes;
import dev.inkan.james.authres.AuthResultsField;
import dev.inkan.james.mailets.MailetFixtures.JamesLayout;
import java.nio.file.Path;
import java.util.List;
import javax.mail.MessagingException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DkimSign and DkimVerify on JavaMail messages (the real-server suite covers James's own message class). */
class DkimMailetsTest {

    @TempDir
    Path dir;
    Path zone;

    @BeforeEach
    void setUp() throws Exception {
        zone = MailetFixtures.keysAndZone(dir);
    }

    DkimSign signer(String... parameters) throws MessagingException {
        DkimSign mailet = new DkimSign(CLOCK);
        mailet.init(config("DkimSign", parameters));
        return mailet;
    }

    DkimVerify verifier(String... parameters) throws MessagingException {
        DkimVerify mailet = new DkimVerify(CLOCK);
        String[] all = new String[parameters.length + 4];
        System.arraycopy(new String[] {"dnsZoneFile", zone.toString(), "authservId", "mx.example.net"}, 0, all, 0, 4);
        System.arraycopy(parameters, 0, all, 4, parameters.length);
        mailet.init(config("DkimVerify", all));
        return mailet;
    }

    static FakeMailetConfig config(String name, String... parameters) {
        FakeMailetConfig.Builder b = FakeMailetConfig.builder().mailetName(name).mailetContext(FakeMailContext.defaultContext());
        for (int i = 0; i < parameters.length; i += 2) {
            b.setProperty(parameters[i], parameters[i + 1]);
        }
        return b.build();
    }

    @Test
    void sign_prepends_the_signature_and_keeps_every_other_header_line() throws Exception {
        Mail mail = mail(MESSAGE);
        signer("domain", "example.com", "selector", "rsa", "privateKeyFile", dir.resolve("rsa.private").toString())
                .service(mail);
        String out = bytes(mail);
        // James's saveChanges() may move MIME-Version (see JamesLayout); everything else is kept as it came.
        JamesLayout james = JamesLayout.of(MESSAGE);
        assertThat(out).startsWith(james.above() + "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;"
                + " d=example.com; s=rsa;");
        assertThat(out.substring(out.indexOf("Received:"))).isEqualTo(james.below());
    }

    @Test
    void signed_mail_verifies_and_gets_one_authentication_results_field() throws Exception {
        Mail mail = mail(MESSAGE);
        signer("domain", "example.com", "selector", "rsa", "privateKeyFile", dir.resolve("rsa.private").toString())
                .service(mail);
        verifier().service(mail);

        List<ResultInfo> recorded = ResultAttributes.get(mail, "dkim");
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo("pass");
            assertThat(r.property("header", "d")).contains("example.com");
        });
        String out = bytes(mail);
        assertThat(out).startsWith(JamesLayout.of(MESSAGE).above()
                + "Authentication-Results: mx.example.net;\r\n\tdkim=pass header.d=example.com header.s=rsa");
    }

    /**
     * James's own message class re-runs JavaMail's saveChanges once a header changed, which adds a missing
     * MIME-Version. That field is not signed, so the signature still verifies.
     */
    @Test
    void james_adding_mime_version_does_not_break_the_signature() throws Exception {
        String noMimeVersion = MESSAGE.replace("MIME-Version: 1.0\r\n", "");
        Mail mail = mail(noMimeVersion);
        signer("domain", "example.com", "selector", "rsa", "privateKeyFile", dir.resolve("rsa.private").toString())
                .service(mail);
        // where the added field goes differs between James lines (3.8.1: on top; 3.9: below the first field)
        assertThat(bytes(mail)).contains("DKIM-Signature:").contains("MIME-Version: 1.0\r\n");
        verifier().service(mail);
        assertThat(ResultAttributes.get(mail, "dkim")).extracting(ResultInfo::result).containsExactly("pass");
    }

    @Test
    void dual_signing_with_a_key_list() throws Exception {
        Mail mail = mail(MESSAGE);
        signer("keys", "example.com:rsa:" + dir.resolve("rsa.private") + ", example.com:ed:" + dir.resolve("ed.private"))
                .service(mail);
        verifier().service(mail);
        assertThat(ResultAttributes.get(mail, "dkim")).extracting(ResultInfo::result).containsExactly("pass", "pass");
        assertThat(ResultAttributes.get(mail, "dkim")).extracting(r -> r.property("header", "a").orElseThrow())
                .containsExactly("rsa-sha256", "ed25519-sha256");
    }

    @Test
    void mail_of_another_domain_is_not_signed_unless_foreign_signing_is_on() throws Exception {
        String foreign = MESSAGE.replace("joe@example.com", "joe@elsewhere.example");
        Mail mail = mail(foreign);
        signer("domain", "example.com", "selector", "rsa", "privateKeyFile", dir.resolve("rsa.private").toString())
                .service(mail);
        assertThat(bytes(mail)).isEqualTo(JamesLayout.of(foreign).unchanged());

        signer("domain", "example.com", "selector", "rsa", "privateKeyFile", dir.resolve("rsa.private").toString(),
                "signForeignDomains", "true").service(mail);
        assertThat(bytes(mail)).startsWith(JamesLayout.of(foreign).above() + "DKIM-Signature:").contains("d=example.com;");
    }

    /** OpenDKIM's RemoveOldSignatures: off by default (earlier signatures stay below); on, only mail it signs loses them. */
    @Test
    void remove_old_signatures_drops_earlier_dkim_signatures_only_from_mail_it_signs() throws Exception {
        String ed = dir.resolve("ed.private").toString();
        String rsa = dir.resolve("rsa.private").toString();
        for (boolean remove : new boolean[] {false, true}) {
            Mail mail = mail(MESSAGE);
            signer("domain", "example.com", "selector", "ed", "privateKeyFile", ed).service(mail);
            signer("domain", "example.com", "selector", "rsa", "privateKeyFile", rsa,
                    "removeOldSignatures", String.valueOf(remove)).service(mail);
            assertThat(dkimSignatureSelectors(bytes(mail))).as("removeOldSignatures=%s", remove)
                    .containsExactlyElementsOf(remove ? List.of("rsa") : List.of("rsa", "ed"));
            verifier().service(mail);
            assertThat(ResultAttributes.get(mail, "dkim")).extracting(ResultInfo::result)
                    .containsExactlyElementsOf(remove ? List.of("pass") : List.of("pass", "pass"));
        }

        // mail this signer does not sign (another author domain) keeps the signatures it came with
        String foreign = MESSAGE.replace("joe@example.com", "joe@elsewhere.example");
        Mail mail = mail(foreign);
        signer("domain", "example.com", "selector", "ed", "privateKeyFile", ed, "signForeignDomains", "true").service(mail);
        String before = bytes(mail);
        signer("domain", "example.com", "selector", "rsa", "privateKeyFile", rsa, "removeOldSignatures", "yes")
                .service(mail);
        assertThat(bytes(mail)).isEqualTo(before);
        assertThat(dkimSignatureSelectors(before)).containsExactly("ed");

        assertThatThrownBy(() -> signer("domain", "example.com", "selector", "rsa", "privateKeyFile", rsa,
                "removeOldSignatures", "sometimes"))
                .hasMessage("DkimSign: parameter 'removeOldSignatures' must be true or false, got 'sometimes'");
    }

    /** The s= of every DKIM-Signature field of {@code message}, top first. */
    private static List<String> dkimSignatureSelectors(String message) {
        return java.util.regex.Pattern.compile("(?m)^DKIM-Signature:[^\\r]*(?:\\r\\n[ \\t][^\\r]*)*").matcher(message)
                .results().map(m -> m.group().replaceAll("(?s).*?[; \\t]s=([^;]+);.*", "$1")).toList();
    }

    @Test
    void verify_removes_forged_results_for_our_id_and_keeps_others() throws Exception {
        Mail mail = mail("Authentication-Results: MX.example.net; dkim=pass header.d=bank.example\r\n"
                + "Authentication-Results: upstream.example; spf=pass smtp.mailfrom=example.com\r\n" + MESSAGE);
        verifier().service(mail);
        String out = bytes(mail);
        assertThat(out).startsWith(JamesLayout.of(MESSAGE).above() + "Authentication-Results: mx.example.net; dkim=none\r\n"
                + "Authentication-Results: upstream.example; spf=pass smtp.mailfrom=example.com\r\n");
        assertThat(out).doesNotContain("bank.example");
    }

    @Test
    void later_results_merge_into_our_one_field() throws Exception {
        Mail mail = mail(MESSAGE);
        verifier().service(mail);
        AuthResultsField.add(mail, "mx.example.net", List.of(ResultInfo.of("spf", "pass")));
        String out = bytes(mail);
        assertThat(out).startsWith(JamesLayout.of(MESSAGE).above() + "Authentication-Results: mx.example.net; dkim=none; spf=pass\r\n");
        assertThat(out.indexOf("Authentication-Results", 30)).isEqualTo(-1);
    }

    @Test
    void a_method_recorded_again_replaces_its_entry_and_reuses_the_recorded_result() throws Exception {
        Mail mail = mail(MESSAGE);
        AuthResultsField.add(mail, "mx.example.net", List.of(ResultInfo.of("spf", "pass")));
        ResultAttributes.put(mail, "dkim", List.of(ResultInfo.of("dkim", "neutral")));
        AuthResultsField.add(mail, "mx.example.net", List.of(ResultInfo.of("dkim", "neutral")));
        verifier().service(mail);   // as after an SMTP-session check that recorded dkim=neutral
        verifier().service(mail);
        String out = bytes(mail);
        assertThat(out).startsWith(JamesLayout.of(MESSAGE).above() + "Authentication-Results: mx.example.net; spf=pass; dkim=neutral\r\n");
        assertThat(out.indexOf("Authentication-Results", 30)).isEqualTo(-1);
    }

    @Test
    void tampered_mail_fails_with_the_reason_in_the_header() throws Exception {
        Mail signed = mail(MESSAGE);
        signer("domain", "example.com", "selector", "ed", "privateKeyFile", dir.resolve("ed.private").toString())
                .service(signed);
        Mail tampered = mail(bytes(signed).replace("Hi Ann.", "Hi Bob."));
        verifier().service(tampered);
        assertThat(bytes(tampered)).contains("dkim=fail (body hash did not verify) header.d=example.com");
    }

    @Test
    void a_dns_failure_is_temperror_and_the_mail_goes_on() throws Exception {
        Mail mail = mail(MESSAGE);
        signer("domain", "example.com", "selector", "missing", "privateKeyFile", dir.resolve("rsa.private").toString())
                .service(mail);
        verifier().service(mail);
        assertThat(ResultAttributes.get(mail, "dkim")).singleElement()
                .satisfies(r -> assertThat(r.comment()).isEqualTo("no key for signature"));
    }

    @Test
    void a_message_that_cannot_be_read_is_temperror_not_an_exception() throws Exception {
        Mail mail = mail(MESSAGE);
        javax.mail.internet.MimeMessage vanishing = new javax.mail.internet.MimeMessage(
                javax.mail.Session.getInstance(new java.util.Properties())) {
            @Override
            public void writeTo(java.io.OutputStream os) throws MessagingException {
                throw new MessagingException("spool file vanished");
            }
        };
        // a signed message, so that its body has to be read
        vanishing.setHeader("DKIM-Signature", "v=1; a=rsa-sha256; d=example.com; s=rsa; h=from; bh=AAAA; b=AAAA");
        mail.setMessage(vanishing);
        verifier().service(mail);
        assertThat(ResultAttributes.get(mail, "dkim")).singleElement()
                .satisfies(r -> assertThat(r.result()).isEqualTo("temperror"));
        signer("domain", "example.com", "selector", "rsa", "privateKeyFile", dir.resolve("rsa.private").toString())
                .service(mail); // logs a WARN, throws nothing
    }

    @Test
    void bad_configuration_fails_at_start_with_one_clear_line() throws Exception {
        assertThatThrownBy(() -> signer("domain", "example.com", "selector", "s"))
                .hasMessage("DkimSign: configure exactly one key source: privateKey/privateKeyFile (with domain and selector),"
                        + " keys, or keyTable with signingTable");
        assertThatThrownBy(() -> signer("domain", "example.com", "selector", "s", "privateKeyFile", "/nonexistent"))
                .hasMessage("DkimSign: parameter 'privateKeyFile' file /nonexistent does not exist or is not readable");
        java.nio.file.Path notAKey = dir.resolve("not-a-key.private");
        java.nio.file.Files.writeString(notAKey, "this is no PEM key\n");
        assertThatThrownBy(() -> signer("domain", "example.com", "selector", "s", "privateKeyFile", notAKey.toString()))
                .hasMessageStartingWith("DkimSign: parameter 'privateKeyFile' is not usable: ");
        assertThatThrownBy(() -> signer("domain", "example.com", "selector", "s", "privateKey", "garbage"))
                .hasMessageStartingWith("DkimSign: parameter 'privateKey' is not usable: ");
        assertThatThrownBy(() -> signer("domain", "example.com", "selector", "s", "privateKeyFile",
                dir.resolve("rsa.private").toString(), "algorithm", "ed25519-sha256"))
                .hasMessageContaining("cannot sign: algorithm ed25519-sha256 needs a ed25519 key");
        assertThatThrownBy(() -> signer("domain", "example.com", "selector", "s", "privateKeyFile",
                dir.resolve("rsa.private").toString(), "canonicalisation", "relaxed"))
                .hasMessageContaining("canonicalisation");
        assertThatThrownBy(() -> signer("keys", "example.com:rsa:" + dir.resolve("rsa.private"), "algorithm", "rsa-sha256"))
                .hasMessageContaining("parameter 'algorithm' applies to a single key");
        assertThatThrownBy(() -> signer("keyTable", "/k", "signingTable", "/s", "signForeignDomains", "true"))
                .hasMessageContaining("with a signing table use a '*' line");
        assertThatThrownBy(() -> verifier("dnsRetries", "1"))
                .hasMessage("DkimVerify: parameter 'dnsZoneFile' cannot be combined with dnsServers, dnsTimeout or dnsRetries");
        assertThatThrownBy(() -> verifier("maxSignatures", "0"))
                .hasMessage("DkimVerify: parameter 'maxSignatures' must be between 1 and 100, got 0");
    }
}
