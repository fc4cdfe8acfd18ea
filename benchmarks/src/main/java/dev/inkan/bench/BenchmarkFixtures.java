package dev.inkan.bench;

import dev.inkan.crypto.Ed25519SigningKey;
import dev.inkan.crypto.RsaSigningKey;
import dev.inkan.crypto.SigningKey;
import dev.inkan.dkim.DkimSigner;
import dev.inkan.dkim.DkimSigningSpec;
import dev.inkan.dkim.DkimVerdict;
import dev.inkan.dkim.DkimVerifier;
import dev.inkan.dkim.DkimVerifierConfig;
import dev.inkan.dns.DnsResolver;
import dev.inkan.dns.ZoneFileException;
import dev.inkan.dns.ZoneFileResolver;
import dev.inkan.message.Canonicalization;
import dev.inkan.message.HeaderBlock;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.MessageSink;
import dev.inkan.message.SignedHeaderData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * What every benchmark shares: the keys (generated once per JVM from a fixed seed), their DNS records, the
 * signer and verifier set up as a mail server would (one verifier for many messages), and messages of a
 * given size, unsigned and signed. Signed messages are checked to verify before they are handed out, so no
 * benchmark can measure a failing verification.
 */
public final class BenchmarkFixtures {

    /** The clock of signer and verifier: a fixed instant in the past, so t= is never in the future. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);
    public static final String DOMAIN = "example.com";

    /** The two signature algorithms measured, each with its own key and selector. */
    public enum Algorithm {
        RSA_2048("rsa2048"),
        ED25519("ed25519");

        private final String selector;

        Algorithm(String selector) {
            this.selector = selector;
        }

        public String selector() {
            return selector;
        }
    }

    private static final class Keys {
        static final KeyPair RSA;
        static final Ed25519PrivateKeyParameters ED25519;

        static {
            try {
                SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
                random.setSeed(20260115L);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), random);
                RSA = generator.generateKeyPair();
                ED25519 = new Ed25519PrivateKeyParameters(random);
            } catch (GeneralSecurityException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    private static final Pattern B_TAG_VALUE = Pattern.compile("(?s)(;\\s*b=)[^;]*$");
    private static final Pattern H_TAG_VALUE = Pattern.compile("(?s)[;\\s]h=([^;]*);");

    private BenchmarkFixtures() {
    }

    // ---- keys and DNS

    /** The JDK key pair behind the RSA-2048 signing key, for the raw crypto baseline. */
    public static KeyPair rsaKeyPair() {
        return Keys.RSA;
    }

    public static RSAPublicKey rsaPublicKey() {
        return (RSAPublicKey) Keys.RSA.getPublic();
    }

    /** The Bouncy Castle key behind the Ed25519 signing key, for the raw crypto baseline. */
    public static Ed25519PrivateKeyParameters ed25519PrivateKey() {
        return Keys.ED25519;
    }

    public static Ed25519PublicKeyParameters ed25519PublicKey() {
        return Keys.ED25519.generatePublicKey();
    }

    public static SigningKey signingKey(Algorithm algorithm) {
        return algorithm == Algorithm.RSA_2048 ? new RsaSigningKey((RSAPrivateCrtKey) Keys.RSA.getPrivate())
                : new Ed25519SigningKey(Keys.ED25519);
    }

    /** The key record published at {@code <selector>._domainkey.example.com}. */
    public static String keyRecord(Algorithm algorithm) {
        SigningKey key = signingKey(algorithm);
        return "v=DKIM1; k=" + key.type().tagName() + "; p=" + key.publicKey().dnsKeyBase64();
    }

    /** In-memory DNS publishing both keys (TXT split into 255-octet strings, as a real zone must). */
    public static DnsResolver resolver() {
        StringBuilder zone = new StringBuilder();
        for (Algorithm a : Algorithm.values()) {
            zone.append(a.selector()).append("._domainkey.").append(DOMAIN).append(". 3600 IN TXT");
            String record = keyRecord(a);
            for (int i = 0; i < record.length(); i += 255) {
                zone.append(" \"").append(record, i, Math.min(record.length(), i + 255)).append('"');
            }
            zone.append('\n');
        }
        try {
            return ZoneFileResolver.fromText(zone.toString());
        } catch (ZoneFileException e) {
            throw new IllegalStateException(e);
        }
    }

    /** jDKIM's key lookup, answered from the same records without DNS. */
    public static PublicKeyRecordRetriever jdkimRetriever() {
        String rsaRecord = keyRecord(Algorithm.RSA_2048);
        return (method, selector, token) -> {
            if (Algorithm.RSA_2048.selector().contentEquals(selector) && DOMAIN.contentEquals(token)) {
                return List.of(rsaRecord);
            }
            throw new PermFailException("no key for " + selector + "._domainkey." + token);
        };
    }

    // ---- engine objects, built as a server would build them once

    /** relaxed/relaxed, default header list, t= from {@link #CLOCK}: the engine's defaults. */
    public static DkimSigner signer(Algorithm algorithm) {
        return new DkimSigner(List.of(DkimSigningSpec.builder(signingKey(algorithm), DOMAIN, algorithm.selector())
                .canonicalization(Canonicalization.RELAXED, Canonicalization.RELAXED).build()), CLOCK);
    }

    public static DkimVerifier verifier() {
        return new DkimVerifier(DkimVerifierConfig.builder(resolver()).clock(CLOCK).build());
    }

    // ---- messages

    /** An unsigned message of exactly {@code size} bytes. */
    public static byte[] message(int size) {
        return GeneratedMessage.bytes(size);
    }

    /** The DKIM-Signature field (CRLF-terminated) for the {@code size}-byte message. */
    public static String signatureField(Algorithm algorithm, int size) {
        try {
            return signer(algorithm).sign(new ByteArrayInputStream(message(size))).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code size}-byte message with its DKIM-Signature prepended; checked to pass verification. */
    public static byte[] signedMessage(Algorithm algorithm, int size) {
        byte[] signed = concat(latin1(signatureField(algorithm, size)), message(size));
        requirePass(verify(verifier(), signed), algorithm + " " + size + "-byte message");
        return signed;
    }

    /**
     * The bytes one signature of the {@code size}-byte message covers (RFC 6376 §3.7): the signed header
     * fields and the DKIM-Signature field without its b= value, relaxed-canonicalized. Signing these with
     * the raw key reproduces the signer's b= exactly; that is what one DKIM signature costs in pure crypto.
     */
    public static byte[] headerHashInput(Algorithm algorithm, int size) {
        String field = signatureField(algorithm, size);
        String withoutCrlf = field.substring(0, field.length() - 2);
        String withoutB = B_TAG_VALUE.matcher(withoutCrlf).replaceFirst("$1");
        Matcher h = H_TAG_VALUE.matcher(withoutCrlf);
        if (!h.find()) {
            throw new IllegalStateException("no h= in " + field);
        }
        List<String> names = new ArrayList<>();
        for (String name : h.group(1).split(":")) {
            names.add(name.strip());
        }
        return SignedHeaderData.build(headers(message(size)), names, Canonicalization.RELAXED, withoutB);
    }

    /** The b= value of a signature field, decoded. */
    public static byte[] signatureValue(String field) {
        Matcher b = Pattern.compile("(?s);\\s*b=([^;]*)$").matcher(field.strip());
        if (!b.find()) {
            throw new IllegalStateException("no b= in " + field);
        }
        return java.util.Base64.getDecoder().decode(b.group(1).replaceAll("\\s", ""));
    }

    public static List<DkimVerdict> verify(DkimVerifier verifier, byte[] message) {
        try {
            return verifier.verify(new ByteArrayInputStream(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless there is exactly one verdict and it is a pass: benchmarks measure passing messages only. */
    public static void requirePass(List<DkimVerdict> verdicts, String what) {
        if (verdicts.size() != 1 || !verdicts.get(0).passed()) {
            throw new IllegalStateException(what + " does not verify: " + verdicts);
        }
    }

    static HeaderBlock headers(byte[] message) {
        try {
            return MessageSink.scan(new ByteArrayInputStream(message), MessageLimits.DEFAULT, List.of()).headers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
