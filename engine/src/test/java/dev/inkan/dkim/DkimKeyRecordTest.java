package dev.inkan.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dns.DnsAnswer;
import dev.inkan.dns.DnsResolver;
import dev.inkan.dns.MxHost;
import dev.inkan.dns.ScriptedResolver;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the verifier makes of each kind of key record and DNS outcome (RFC 6376 §3.6.1, §6.1.2). */
class DkimKeyRecordTest {

    static byte[] signedRsa() throws Exception {
        return DkimRoundTripTest.signPlain(DkimSigningSpec.builder(TestKeys.RSA_2048, "example.com", "sel")
                .identity("joe@sub.example.com").build());
    }

    static Stream<Arguments> records() {
        String p = TestKeys.RSA_2048.publicKey().dnsKeyBase64();
        return Stream.of(
                Arguments.of("plain record", "v=DKIM1; k=rsa; p=" + p, DkimResult.PASS, null, null),
                Arguments.of("no v= no k=", "p=" + p, DkimResult.PASS, null, null),
                Arguments.of("testing mode", "v=DKIM1; t=y; p=" + p, DkimResult.PASS, null, "key in testing mode (t=y)"),
                Arguments.of("h=sha256 allowed", "v=DKIM1; h=sha1:sha256; p=" + p, DkimResult.PASS, null, null),
                Arguments.of("s=email", "v=DKIM1; s=email; p=" + p, DkimResult.PASS, null, null),
                Arguments.of("unknown tags ignored", "v=DKIM1; n=notes; zz=1; g=nobody; p=" + p, DkimResult.PASS, null, null),
                Arguments.of("p= split by whitespace", "v=DKIM1; p=" + p.substring(0, 100) + " " + p.substring(100),
                        DkimResult.PASS, null, null),
                Arguments.of("revoked", "v=DKIM1; p=", DkimResult.FAIL, DkimReason.KEY_REVOKED, "key revoked"),
                Arguments.of("truncated p= (TXT split wrong)", "v=DKIM1; p=" + p.substring(0, 200),
                        DkimResult.PERMERROR, DkimReason.KEY_INVALID, "public key record has no modulus (p= is not an RSA public key)"),
                Arguments.of("truncated p= not a base64 quantum", "v=DKIM1; p=" + p.substring(0, 201),
                        DkimResult.PERMERROR, DkimReason.KEY_SYNTAX, "key syntax error: p= is not valid base64"),
                Arguments.of("p= not a key", "v=DKIM1; p=" + java.util.Base64.getEncoder().encodeToString(new byte[64]),
                        DkimResult.PERMERROR, DkimReason.KEY_INVALID, "public key record has no modulus (p= is not an RSA public key)"),
                Arguments.of("wrong version", "v=DKIM2; p=" + p, DkimResult.PERMERROR, DkimReason.KEY_VERSION, null),
                Arguments.of("ed25519 key for rsa signature", "v=DKIM1; k=ed25519; p=" + p, DkimResult.PERMERROR,
                        DkimReason.INAPPROPRIATE_KEY_ALGORITHM, null),
                Arguments.of("unknown key type", "v=DKIM1; k=dsa; p=" + p, DkimResult.PERMERROR,
                        DkimReason.INAPPROPRIATE_KEY_ALGORITHM, null),
                Arguments.of("h=sha1 only", "v=DKIM1; h=sha1; p=" + p, DkimResult.PERMERROR,
                        DkimReason.INAPPROPRIATE_HASH_ALGORITHM, null),
                Arguments.of("s=chat", "v=DKIM1; s=chat; p=" + p, DkimResult.PERMERROR, DkimReason.KEY_SERVICE_MISMATCH, null),
                Arguments.of("t=s with i= in a subdomain", "v=DKIM1; t=s; p=" + p, DkimResult.PERMERROR,
                        DkimReason.KEY_STRICT_IDENTITY, null),
                Arguments.of("syntax error", "v=DKIM1; k=rsa; t; p=" + p, DkimResult.PERMERROR, DkimReason.KEY_SYNTAX, null),
                Arguments.of("duplicate tag", "v=DKIM1; p=" + p + "; p=" + p, DkimResult.PERMERROR, DkimReason.KEY_SYNTAX, null),
                Arguments.of("no p=", "v=DKIM1; k=rsa", DkimResult.PERMERROR, DkimReason.KEY_SYNTAX, null),
                Arguments.of("not base64", "v=DKIM1; p=###", DkimResult.PERMERROR, DkimReason.KEY_SYNTAX, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void key_record(String name, String record, DkimResult result, DkimReason reason, String comment) throws Exception {
        DkimVerdict v = DkimRoundTripTest.verifyOne(signedRsa(), ScriptedResolver.empty().txt("sel._domainkey.example.com", record));
        assertThat(v.result()).as(v.comment()).isEqualTo(result);
        assertThat(v.reason()).isEqualTo(reason);
        if (comment != null) {
            assertThat(v.comment()).isEqualTo(comment);
        }
    }

    @Test
    void of_several_txt_records_the_first_valid_key_record_is_used() throws Exception {
        ScriptedResolver dns = ScriptedResolver.empty().txt("sel._domainkey.example.com",
                "google-site-verification=abc", TestKeys.record(TestKeys.RSA_2048));
        assertThat(DkimRoundTripTest.verifyOne(signedRsa(), dns).passed()).isTrue();
    }

    @Test
    void nxdomain_is_no_key_for_signature() throws Exception {
        DkimVerdict v = DkimRoundTripTest.verifyOne(signedRsa(), ScriptedResolver.empty());
        assertThat(v.result()).isEqualTo(DkimResult.PERMERROR);
        assertThat(v.comment()).isEqualTo("no key for signature");
    }

    @Test
    void a_dns_timeout_is_temperror() throws Exception {
        DkimVerdict v = DkimRoundTripTest.verifyOne(signedRsa(),
                ScriptedResolver.empty().tempFail("sel._domainkey.example.com", "timed out"));
        assertThat(v.result()).isEqualTo(DkimResult.TEMPERROR);
        assertThat(v.comment()).isEqualTo("key unavailable: sel._domainkey.example.com timed out");
    }

    @Test
    void an_engine_failure_becomes_temperror_not_an_exception() throws Exception {
        DnsResolver broken = new DnsResolver() {
            @Override
            public DnsAnswer<String> txt(String name) {
                throw new IllegalStateException("resolver bug");
            }

            @Override
            public DnsAnswer<InetAddress> a(String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public DnsAnswer<InetAddress> aaaa(String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public DnsAnswer<MxHost> mx(String name) {
                throw new UnsupportedOperationException();
            }

            @Override
            public DnsAnswer<String> ptr(InetAddress address) {
                throw new UnsupportedOperationException();
            }
        };
        DkimVerdict v = DkimRoundTripTest.verifyOne(signedRsa(), broken);
        assertThat(v.result()).isEqualTo(DkimResult.TEMPERROR);
        assertThat(v.reason()).isEqualTo(DkimReason.INTERNAL_ERROR);
        assertThat(v.comment()).contains("resolver bug");
    }

    @Test
    void signatures_beyond_the_cap_are_reported_not_checked() throws Exception {
        DkimSigningSpec spec = DkimSigningSpec.builder(TestKeys.ED25519, "example.com", "sel").build();
        DkimSigningSpec[] twelve = new DkimSigningSpec[12];
        java.util.Arrays.fill(twelve, spec);
        byte[] signed = DkimRoundTripTest.signPlain(twelve);
        List<DkimVerdict> verdicts = DkimRoundTripTest.verify(signed, TestKeys.publish("sel", TestKeys.ED25519));
        assertThat(verdicts).hasSize(12);
        assertThat(verdicts.subList(0, 10)).allMatch(DkimVerdict::passed);
        assertThat(verdicts.subList(10, 12)).allSatisfy(v -> {
            assertThat(v.result()).isEqualTo(DkimResult.POLICY);
            assertThat(v.comment()).isEqualTo("not checked: at most 10 signatures are verified, the author's domain's first");
        });
    }

    @Test
    void junk_signatures_on_top_cannot_push_the_authors_signature_past_the_cap() throws Exception {
        DkimSigningSpec author = DkimSigningSpec.builder(TestKeys.ED25519, "example.com", "sel").build();
        byte[] message = DkimRoundTripTest.signPlain(author);
        DkimSigningSpec junk = DkimSigningSpec.builder(TestKeys.ED25519, "junk.example", "sel").build();
        for (int i = 0; i < 10; i++) {
            message = DkimRoundTripTest.sign(message, junk);
        }
        ScriptedResolver dns = TestKeys.publish("sel", TestKeys.ED25519);
        List<DkimVerdict> verdicts = DkimRoundTripTest.verify(message, dns);
        assertThat(verdicts).hasSize(11);
        assertThat(verdicts.get(10).domain()).isEqualTo("example.com");
        assertThat(verdicts.get(10).passed()).as("the author's own signature, at the bottom, is checked").isTrue();
        assertThat(verdicts.subList(0, 10)).filteredOn(v -> v.result() == DkimResult.POLICY).hasSize(1);
    }
}
