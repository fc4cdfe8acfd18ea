package dev.inkan.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.conformance.ConformanceSuite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files as OpenSSL, opendkim-genkey and dkimpy write them. */
class SigningKeyReaderTest {

    static Path resource(String name) throws Exception {
        return Paths.get(SigningKeyReaderTest.class.getResource("/keys/" + name).toURI());
    }

    @Test
    void rsa_pkcs1_and_pkcs8_from_openssl_give_the_same_key() throws Exception {
        SigningKey pkcs1 = SigningKeyReader.read(resource("openssl-rsa-pkcs1.pem"));
        SigningKey pkcs8 = SigningKeyReader.read(resource("openssl-rsa-pkcs8.pem"));
        assertThat(pkcs1.type()).isEqualTo(KeyType.RSA);
        assertThat(pkcs1.bits()).isEqualTo(2048);
        String expected = Files.readString(resource("openssl-rsa-public.der.b64")).strip();
        assertThat(pkcs1.publicKey().dnsKeyBase64()).isEqualTo(expected);
        assertThat(pkcs8.publicKey().dnsKeyBase64()).isEqualTo(expected);
    }

    @Test
    void ed25519_pkcs8_from_openssl() throws Exception {
        SigningKey key = SigningKeyReader.read(resource("openssl-ed25519.pem"));
        assertThat(key.type()).isEqualTo(KeyType.ED25519);
        assertThat(key.publicKey().dnsKeyBase64()).isEqualTo(Files.readString(resource("openssl-ed25519.pub.b64")).strip());
    }

    /** RFC 8463 A.1: the raw seed file dkimpy uses gives the public key published in A.2. */
    @Test
    void ed25519_raw_seed_gives_the_rfc_8463_public_key() throws Exception {
        SigningKey key = SigningKeyReader.read(ConformanceSuite.resolve("dkim-rfc-vectors/rfc8463/A.1-ed25519-private-seed.b64"));
        assertThat(key.publicKey().dnsKeyBase64()).isEqualTo("11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
    }

    @Test
    void mail_dkim_corpus_keys_load() throws Exception {
        assertThat(SigningKeyReader.read(ConformanceSuite.resolve("dkim-corpus/test.key")).type()).isEqualTo(KeyType.RSA);
        assertThat(SigningKeyReader.read(ConformanceSuite.resolve("dkim-corpus/test.ed.key")).type()).isEqualTo(KeyType.ED25519);
    }

    @Test
    void written_pem_reads_back_to_the_same_key(@TempDir Path dir) throws Exception {
        SigningKeyGenerator generator = new SigningKeyGenerator(new SecureRandom());
        for (SigningKey key : new SigningKey[] {generator.rsa(1024), generator.ed25519()}) {
            Path file = dir.resolve(key.type() + ".pem");
            Files.writeString(file, key.toPem(), StandardCharsets.US_ASCII);
            SigningKey back = SigningKeyReader.read(file);
            assertThat(back.publicKey().dnsKeyBase64()).isEqualTo(key.publicKey().dnsKeyBase64());
            byte[] data = "data".getBytes(StandardCharsets.US_ASCII);
            assertThat(key.publicKey().verify(HashAlgorithm.SHA256, data, back.sign(HashAlgorithm.SHA256, data))).isTrue();
        }
        assertThat(generator.rsa(1024).toPem()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    }

    @Test
    void unusable_keys_give_one_clear_line(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> SigningKeyReader.read(resource("openssl-rsa-encrypted.pem")))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("encrypted private keys are not supported");
        assertThatThrownBy(() -> SigningKeyReader.read(resource("openssl-rsa-public.pem")))
                .hasMessageContaining("this is a public key; signing needs the private key");
        assertThatThrownBy(() -> SigningKeyReader.read(dir.resolve("missing.pem")))
                .hasMessageStartingWith("cannot read key file");
        assertThatThrownBy(() -> SigningKeyReader.read("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n"))
                .hasMessageContaining("not a PKCS#1 RSA key");
        assertThatThrownBy(() -> SigningKeyReader.read("c2hvcnQ="))
                .hasMessage("not a PEM key; as a raw Ed25519 seed it should be 32 bytes, got 5");
        assertThatThrownBy(() -> SigningKeyReader.read("-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n"))
                .hasMessageContaining("unsupported PEM type \"EC PRIVATE KEY\"");
        assertThatThrownBy(() -> SigningKeyReader.read("  ")).hasMessage("the key is empty");
    }

    @Test
    void dns_key_data_is_validated() {
        assertThatThrownBy(() -> VerifyingKey.fromDnsKeyData(KeyType.ED25519, new byte[44]))
                .hasMessage("Ed25519 public key must be 32 bytes, got 44");
        assertThatThrownBy(() -> VerifyingKey.fromDnsKeyData(KeyType.RSA, new byte[] {1, 2, 3}))
                .hasMessageContaining("public key record has no modulus");
    }

    @Test
    void a_bare_pkcs1_rsa_public_key_in_dns_is_accepted() throws Exception {
        RsaSigningKey key = new SigningKeyGenerator(new SecureRandom()).rsa(1024);
        var jdk = key.publicKey().jdkKey();
        byte[] pkcs1 = new org.bouncycastle.asn1.pkcs.RSAPublicKey(jdk.getModulus(), jdk.getPublicExponent()).getEncoded();
        assertThat(VerifyingKey.fromDnsKeyData(KeyType.RSA, pkcs1).bits()).isEqualTo(1024);
    }
}
