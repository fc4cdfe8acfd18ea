package dev.inkan.domainkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.conformance.ConformanceSuite;
import dev.inkan.crypto.RsaSigningKey;
import dev.inkan.crypto.SigningKeyReader;
import dev.inkan.dns.ScriptedResolver;
import dev.inkan.keyrecord.KeyRecord;
import dev.inkan.message.DomainKeysCanonicalization;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Mail::DKIM's DomainKeys signing vectors (domainkeys/signer-vectors.txt, from its t/signer_dk.t): rsa-sha1 is
 * deterministic, so b= must start with the prefix given. "Headers=*" there signs Mail::DKIM's default header
 * list, which for this message is From and Subject (not Comment). Each signed message is then verified.
 */
class DomainKeysSignerVectorsTest {

    static final String MESSAGE = "From: jason <jlong@messiah.edu>\r\n"
            + "Subject: hi there\r\n"
            + "Comment: what is a comment\r\n"
            + "\r\n"
            + "this is a sample message\r\n";

    @ParameterizedTest(name = "c={0} h={1}")
    @CsvSource({
        "simple, '', TL93PzPvedAijHChCAt",
        "simple, from:subject, n+qfVkhQPch80atOC7",
        "nofws, '', JWzIzvCZBIYnoMebzKU",
        "nofws, from:subject, fkDC8iF"})
    void signature_matches_mail_dkim(String c, String headers, String prefix) throws Exception {
        RsaSigningKey key = (RsaSigningKey) SigningKeyReader.read(
                ConformanceSuite.resolve("domainkeys/signer-test.key"));
        DomainKeysSigning signing = new DomainKeysSigning(new DomainKeysSigningSpec("messiah.edu", "test8", key,
                DomainKeysCanonicalization.fromTagName(c), headers.isEmpty() ? null : List.of(headers.split(":"))));
        ScannedMessage scanned = MessageSink.scan(new ByteArrayInputStream(MESSAGE.getBytes(StandardCharsets.US_ASCII)),
                MessageLimits.DEFAULT, List.of(signing));
        String field = signing.signatureField(scanned).orElseThrow();
        String b = field.substring(field.indexOf("b=") + 2).replaceAll("\\s", "");
        assertThat(b).startsWith(prefix);
        assertThat(field).startsWith("DomainKey-Signature: a=rsa-sha1; c=" + c + "; d=messiah.edu; s=test8; q=dns;");
        if (!headers.isEmpty()) {
            assertThat(field).contains("h=From:Subject;");
        }

        ScriptedResolver dns = ScriptedResolver.empty().txt("test8._domainkey.messiah.edu",
                KeyRecord.textFor(key.publicKey()));
        DomainKeysVerdict verdict = new DomainKeysVerifier(dns, MessageLimits.DEFAULT).verify(
                new ByteArrayInputStream((field + MESSAGE).getBytes(StandardCharsets.US_ASCII)));
        assertThat(verdict.result()).as(verdict.toString()).isEqualTo(DomainKeysResult.PASS);
        assertThat(verdict.toResultInfo().toString()).contains("from, value=messiah.edu");
    }
}
