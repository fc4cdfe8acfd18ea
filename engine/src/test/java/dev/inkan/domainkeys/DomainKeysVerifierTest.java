package dev.inkan.domainkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.crypto.RsaSigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.dns.ScriptedResolver;
import dev.inkan.keyrecord.KeyRecord;
import dev.inkan.message.DomainKeysCanonicalization;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each DomainKeys outcome on small, readable messages signed by Inkan's signer. */
class DomainKeysVerifierTest {

    static final RsaSigningKey KEY = (RsaSigningKey) new SigningKeyGenerator(new SecureRandom()).rsa(1024);
    static final String MESSAGE = "From: Joe <joe@example.com>\r\nTo: ann@example.net\r\nSubject: hi\r\n\r\nHello.\r\n";

    static String sign(String message, String domain, DomainKeysCanonicalization c, List<String> headers) throws Exception {
        DomainKeysSigning signing = new DomainKeysSigning(new DomainKeysSigningSpec(domain, "s1", KEY, c, headers));
        ScannedMessage scanned = MessageSink.scan(new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)),
                MessageLimits.DEFAULT, List.of(signing));
        return signing.signatureField(scanned).orElseThrow() + message;
    }

    static ScriptedResolver dns() {
        return ScriptedResolver.empty().txt("s1._domainkey.example.com", KeyRecord.textFor(KEY.publicKey()));
    }

    static DomainKeysVerdict verify(String message, ScriptedResolver dns) throws Exception {
        return new DomainKeysVerifier(dns, MessageLimits.DEFAULT).verify(
                new ByteArrayInputStream(message.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void a_signed_message_passes_and_reports_the_sending_domain() throws Exception {
        DomainKeysVerdict v = verify(sign(MESSAGE, "example.com", DomainKeysCanonicalization.NOFWS, null), dns());
        assertThat(v.result()).isEqualTo(DomainKeysResult.PASS);
        assertThat(v.toResultInfo().toString()).contains("result=pass").contains("rsa-sha1, 1024-bit key, s=s1")
                .contains("name=d, value=example.com").contains("name=from, value=example.com");
    }

    @Test
    void nofws_survives_rewrapping_and_white_space_simple_does_not() throws Exception {
        String nofws = sign(MESSAGE, "example.com", DomainKeysCanonicalization.NOFWS, null);
        String simple = sign(MESSAGE, "example.com", DomainKeysCanonicalization.SIMPLE, null);
        assertThat(verify(nofws.replace("Subject: hi", "Subject:\r\n  hi").replace("Hello.", "Hel lo.\t"), dns())
                .result()).isEqualTo(DomainKeysResult.PASS);
        assertThat(verify(simple.replace("Hello.", "Hello. "), dns()).result()).isEqualTo(DomainKeysResult.FAIL);
        // trailing empty lines are ignored by both (RFC 4870 §3.4.2.1)
        assertThat(verify(simple + "\r\n\r\n", dns()).result()).isEqualTo(DomainKeysResult.PASS);
    }

    @Test
    void an_altered_body_fails() throws Exception {
        DomainKeysVerdict v = verify(sign(MESSAGE, "example.com", DomainKeysCanonicalization.SIMPLE, null).replace("Hello", "Howdy"),
                dns());
        assertThat(v.result()).isEqualTo(DomainKeysResult.FAIL);
        assertThat(v.reason()).isEqualTo(DomainKeysReason.SIGNATURE_MISMATCH);
    }

    @Test
    void unsigned_mail_is_none_and_reports_no_properties() throws Exception {
        DomainKeysVerdict v = verify(MESSAGE, dns());
        assertThat(v.result()).isEqualTo(DomainKeysResult.NONE);
        assertThat(v.toResultInfo().properties()).isEmpty();
    }

    @Test
    void key_outcomes_map_to_rfc7601_results() throws Exception {
        String signed = sign(MESSAGE, "example.com", DomainKeysCanonicalization.NOFWS, null);
        assertThat(verify(signed, ScriptedResolver.empty()).result()).isEqualTo(DomainKeysResult.PERMERROR);
        assertThat(verify(signed, ScriptedResolver.empty().tempFail("s1._domainkey.example.com", "timed out")).result())
                .isEqualTo(DomainKeysResult.TEMPERROR);
        assertThat(verify(signed, ScriptedResolver.empty().txt("s1._domainkey.example.com", "k=rsa; p=")).result())
                .isEqualTo(DomainKeysResult.FAIL);
        String withG = KeyRecord.textFor(KEY.publicKey()) + "; g=ann";
        DomainKeysVerdict g = verify(signed, ScriptedResolver.empty().txt("s1._domainkey.example.com", withG));
        assertThat(g.reason()).isEqualTo(DomainKeysReason.GRANULARITY_MISMATCH);
        DomainKeysVerdict joe = verify(signed, ScriptedResolver.empty().txt("s1._domainkey.example.com",
                KeyRecord.textFor(KEY.publicKey()) + "; g=joe"));
        assertThat(joe.result()).isEqualTo(DomainKeysResult.PASS);
        // a g= that matched authenticates the local part: the whole address is reported (RFC 7601 §2.7.1)
        assertThat(joe.toResultInfo().toString()).contains("name=from, value=joe@example.com");
    }

    @Test
    void a_signature_for_another_domain_is_not_used_and_the_right_one_is_chosen() throws Exception {
        String third = sign(MESSAGE, "example.com", DomainKeysCanonicalization.NOFWS, null)
                .replace("d=example.com", "d=other.example");
        assertThat(verify(third, dns()).reason()).isEqualTo(DomainKeysReason.DOMAIN_MISMATCH);
        // RFC 4870 §3.7.3: a foreign signature on top is skipped for the one that covers the sending domain
        String good = sign(MESSAGE, "example.com", DomainKeysCanonicalization.NOFWS, null);
        String foreign = "DomainKey-Signature: a=rsa-sha1; c=nofws; d=other.example; s=x; q=dns; b=AAAA\r\n";
        DomainKeysVerdict v = verify(foreign + good, dns());
        assertThat(v.result()).as(v.toString()).isEqualTo(DomainKeysResult.PASS);
        assertThat(v.domain()).isEqualTo("example.com");
        assertThat(v.signatures()).isEqualTo(2);
    }

    @Test
    void the_sender_decides_and_must_be_listed_in_h() throws Exception {
        String viaList = "From: Ann <ann@elsewhere.example>\r\nSender: Joe <joe@example.com>\r\n" + MESSAGE.substring(
                MESSAGE.indexOf("To:"));
        DomainKeysVerdict v = verify(sign(viaList, "example.com", DomainKeysCanonicalization.SIMPLE, List.of("from", "sender", "to")),
                dns());
        assertThat(v.result()).isEqualTo(DomainKeysResult.PASS);
        assertThat(v.sender().header()).isEqualTo("sender");
        DomainKeysSigning refused = new DomainKeysSigning(new DomainKeysSigningSpec("example.com", "s1", KEY,
                DomainKeysCanonicalization.SIMPLE, List.of("from", "to")));
        MessageSink.scan(new ByteArrayInputStream(viaList.getBytes(StandardCharsets.ISO_8859_1)), MessageLimits.DEFAULT,
                List.of(refused));
        assertThat(refused.notSigned()).hasValueSatisfying(reason -> assertThat(reason).contains("h= must list sender"));
    }

    @Test
    void malformed_signatures_are_neutral_with_the_reason() throws Exception {
        String base = "DomainKey-Signature: a=rsa-sha1; c=nofws; d=example.com; s=s1; q=dns; b=AAAA\r\n" + MESSAGE;
        assertThat(verify(base.replace("q=dns; ", ""), dns()).reason()).isEqualTo(DomainKeysReason.MISSING_TAG);
        assertThat(verify(base.replace("q=dns", "q=ldap"), dns()).reason())
                .isEqualTo(DomainKeysReason.UNSUPPORTED_QUERY_METHOD);
        assertThat(verify(base.replace("c=nofws", "c=relaxed"), dns()).reason())
                .isEqualTo(DomainKeysReason.UNSUPPORTED_CANONICALIZATION);
        assertThat(verify(base.replace("a=rsa-sha1", "a=rsa-sha256"), dns()).result())
                .isEqualTo(DomainKeysResult.NEUTRAL);
        assertThat(verify(base.replace("From: Joe <joe@example.com>\r\n", ""), dns()).result())
                .isEqualTo(DomainKeysResult.PERMERROR);
    }
}
