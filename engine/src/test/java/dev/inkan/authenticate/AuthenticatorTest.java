package dev.inkan.authenticate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.inkan.arc.ArcResult;
import dev.inkan.authres.AuthResultsFormatter;
import dev.inkan.authres.ResultInfo;
import dev.inkan.authres.ResultProperty;
import dev.inkan.crypto.RsaSigningKey;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.dkim.DkimKeyRecord;
import dev.inkan.dkim.DkimResult;
import dev.inkan.dkim.DkimSigner;
import dev.inkan.dkim.DkimSigningSpec;
import dev.inkan.dkim.DkimVerdict;
import dev.inkan.dmarc.DmarcResult;
import dev.inkan.dns.DnsAnswer;
import dev.inkan.dns.DnsResolver;
import dev.inkan.dns.ForwardingResolver;
import dev.inkan.dns.ScriptedResolver;
import dev.inkan.domainkeys.DomainKeysResult;
import dev.inkan.domainkeys.DomainKeysSigning;
import dev.inkan.domainkeys.DomainKeysSigningSpec;
import dev.inkan.message.DomainKeysCanonicalization;
import dev.inkan.message.MessageLimits;
import dev.inkan.message.MessageSink;
import dev.inkan.message.ScannedMessage;
import dev.inkan.spf.SpfResult;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The one pipeline: every method from one pass, typed DMARC inputs, recorded results, limits and the DNS budget. */
class AuthenticatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
    private static final SigningKey KEY = new SigningKeyGenerator(new SecureRandom()).ed25519();
    private static final String MESSAGE = "From: Joe <joe@example.com>\r\nTo: a@example.net\r\nSubject: hi\r\n"
            + "Date: Sun, 06 Dec 2026 10:00:00 +0000\r\n\r\nHello.\r\n";
    private static final InetAddress CLIENT = address("192.0.2.10");

    private static ScriptedResolver zone() {
        return ScriptedResolver.empty()
                .txt("sel._domainkey.example.com", DkimKeyRecord.textFor(KEY.publicKey()))
                .txt("example.com", "v=spf1 ip4:192.0.2.0/24 -all")
                .txt("_dmarc.example.com", "v=DMARC1; p=reject");
    }

    private static Authenticator authenticator(DnsResolver dns, Duration budget) {
        return new Authenticator(AuthenticationConfig.builder(dns, "mx.example.net").clock(CLOCK).dnsBudget(budget)
                .build());
    }

    @Test
    void everyMethodInOnePassWithTheAuthenticationResultsText() throws Exception {
        Authentication result = authenticator(zone(), Duration.ofSeconds(5)).authenticate(
                stream(signed(MESSAGE, "example.com", "sel")), SmtpEnvelope.of(CLIENT, "mail.example.com",
                        "bounce@example.com"));

        assertThat(result.dkim()).extracting(DkimVerdict::result).containsExactly(DkimResult.PASS);
        assertThat(result.spf().result()).isEqualTo(SpfResult.PASS);
        assertThat(result.arc().result()).isEqualTo(ArcResult.NONE);
        assertThat(result.dmarc().result()).isEqualTo(DmarcResult.PASS);
        assertThat(AuthResultsFormatter.value(result.authenticationResults())).startsWith("mx.example.net; spf=pass")
                .contains("; dkim=pass header.d=example.com header.s=sel").contains("; arc=none smtp.remote-ip=192.0.2.10")
                .contains("; dmarc=pass");
    }

    @Test
    void theHistoricMethodsRunOnlyWhenAskedForAndJoinTheSameField() throws Exception {
        RsaSigningKey dkKey = (RsaSigningKey) new SigningKeyGenerator(new SecureRandom()).rsa(1024);
        DomainKeysSigning dk = new DomainKeysSigning(new DomainKeysSigningSpec("example.com", "dk", dkKey,
                DomainKeysCanonicalization.NOFWS, null));
        String dkimSigned = signed(MESSAGE, "example.com", "sel");
        ScannedMessage scanned = MessageSink.scan(stream(dkimSigned), MessageLimits.DEFAULT, List.of(dk));
        String both = dk.signatureField(scanned).orElseThrow() + dkimSigned;
        ScriptedResolver dns = zone().txt("dk._domainkey.example.com", DkimKeyRecord.textFor(dkKey.publicKey()));
        SmtpEnvelope envelope = SmtpEnvelope.of(CLIENT, "mail.example.com", "bounce@example.com");

        Authentication current = authenticator(dns, Duration.ofSeconds(5)).authenticate(stream(both), envelope);
        assertThat(current.domainKeys()).isNull();
        assertThat(current.senderId()).isNull();
        assertThat(AuthResultsFormatter.value(current.authenticationResults())).doesNotContain("domainkeys")
                .doesNotContain("sender-id");

        Set<Method> all = EnumSet.allOf(Method.class);
        Authentication result = authenticator(dns, Duration.ofSeconds(5)).authenticate(stream(both), envelope, all,
                RecordedResults.none());
        assertThat(result.domainKeys().result()).isEqualTo(DomainKeysResult.PASS);
        assertThat(result.senderId().result()).isEqualTo(SpfResult.PASS);
        assertThat(result.resultInfos()).extracting(ResultInfo::method)
                .containsExactly("spf", "sender-id", "dkim", "domainkeys", "arc", "dmarc");
        assertThat(AuthResultsFormatter.value(result.authenticationResults()))
                .contains("sender-id=pass").contains("header.from=example.com")
                .contains("domainkeys=pass (rsa-sha1, 1024-bit key, s=dk) header.d=example.com header.from=example.com");
    }

    @Test
    void withoutAnSmtpClientThereIsNoSpfAndDmarcUsesDkimAlone() throws Exception {
        Authentication result = authenticator(zone(), Duration.ofSeconds(5)).authenticate(
                stream(signed(MESSAGE, "example.com", "sel")), SmtpEnvelope.none());

        assertThat(result.spf()).isNull();
        assertThat(result.resultInfos(Method.SPF)).isEmpty();
        assertThat(result.dmarc().result()).isEqualTo(DmarcResult.PASS);
    }

    @Test
    void anUnsignedMessageIsDkimNone() throws Exception {
        Authentication result = authenticator(zone(), Duration.ofSeconds(5)).authenticate(stream(MESSAGE),
                SmtpEnvelope.none(), EnumSet.of(Method.DKIM), RecordedResults.none());

        assertThat(result.resultInfos()).extracting(AuthResultsFormatter::resultInfo).containsExactly("dkim=none");
    }

    @Test
    void recordedResultsAreUsedInsteadOfCheckingAgain() throws Exception {
        CountingResolver dns = new CountingResolver(zone());
        RecordedResults recorded = RecordedResults.none()
                .with(Method.DKIM, List.of(new ResultInfo("dkim", "pass", null, null,
                        List.of(ResultProperty.header("d", "example.com")))))
                .with(Method.SPF, List.of(new ResultInfo("spf", "fail", null, null,
                        List.of(ResultProperty.smtp("mailfrom", "example.com")))));

        Authentication result = authenticator(dns, Duration.ofSeconds(5)).authenticate(stream(MESSAGE),
                SmtpEnvelope.of(CLIENT, "mail.example.com", "bounce@example.com"), EnumSet.of(Method.DMARC), recorded);

        assertThat(result.dmarc().result()).as("the recorded dkim=pass for example.com aligns")
                .isEqualTo(DmarcResult.PASS);
        assertThat(result.dkim()).isNull();
        assertThat(result.spf()).isNull();
        assertThat(dns.names).containsOnly("_dmarc.example.com");
    }

    @Test
    void receivedSpfFieldsAreThoseOfTheSpfChecksAskedForAndMadeInThisPass() throws Exception {
        SmtpEnvelope envelope = SmtpEnvelope.of(address("203.0.113.9"), "mail.example.com", "joe@example.com");
        Authenticator authenticator = new Authenticator(AuthenticationConfig.builder(zone(), "mx.example.net")
                .clock(CLOCK).checkHelo(true).build());

        Authentication asked = authenticator.authenticate(stream(MESSAGE), envelope, EnumSet.of(Method.SPF),
                RecordedResults.none());
        assertThat(asked.receivedSpfFields()).as("HELO's first, then MAIL FROM's").hasSize(2)
                .allMatch(f -> f.startsWith("Received-SPF: ") && f.endsWith("\r\n"));
        assertThat(asked.receivedSpfFields().get(0)).contains("identity=helo");
        assertThat(asked.receivedSpfFields().get(1)).startsWith("Received-SPF: fail").contains("identity=mailfrom");

        Authentication dmarcInput = authenticator.authenticate(stream(MESSAGE), envelope, EnumSet.of(Method.DMARC),
                RecordedResults.none());
        assertThat(dmarcInput.spf()).as("checked as DMARC's input").isNotNull();
        assertThat(dmarcInput.receivedSpfFields()).as("but SPF was not asked for").isEmpty();

        RecordedResults recorded = RecordedResults.none().with(Method.SPF, List.of(new ResultInfo("spf", "pass", null,
                null, List.of(ResultProperty.smtp("mailfrom", "example.com")))));
        Authentication reused = authenticator.authenticate(stream(MESSAGE), envelope, EnumSet.of(Method.SPF), recorded);
        assertThat(reused.receivedSpfFields()).as("recorded earlier, not checked here").isEmpty();

        Authentication noClient = authenticator.authenticate(stream(MESSAGE), SmtpEnvelope.none(),
                EnumSet.of(Method.SPF), RecordedResults.none());
        assertThat(noClient.receivedSpfFields()).isEmpty();
    }

    @Test
    void aHeaderBeyondTheLimitIsThePermanentErrorOfEveryMethodThatReadsIt() throws Exception {
        String big = "X-Filler: " + "a".repeat(3000) + "\r\n" + MESSAGE;
        Authenticator small = new Authenticator(AuthenticationConfig.builder(zone(), "mx.example.net").clock(CLOCK)
                .messageLimits(new MessageLimits(1000, 2048)).build());

        Authentication result = small.authenticate(stream(big), SmtpEnvelope.of(CLIENT, "mail.example.com",
                "bounce@example.com"));

        assertThat(result.unreadable()).isNotNull();
        assertThat(result.resultInfos()).extracting(ResultInfo::method, ResultInfo::result).containsExactly(
                tuple("spf", "pass"), tuple("dkim", "permerror"),
                tuple("arc", "fail"), tuple("dmarc", "permerror"));
    }

    @Test
    void aSilentNameServerCostsAtMostTheBudgetAndGivesTemporaryErrors() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        DnsResolver silent = new BlockingResolver(never);
        try {
            Authentication result = authenticator(silent, Duration.ofMillis(300)).authenticate(
                    stream(signed(MESSAGE, "example.com", "sel")), SmtpEnvelope.of(CLIENT, "mail.example.com",
                            "bounce@example.com"));

            assertThat(result.dkim()).extracting(DkimVerdict::result).containsExactly(DkimResult.TEMPERROR);
            assertThat(result.dkim().get(0).comment()).contains("DNS budget of 300 ms used up");
            assertThat(result.spf().result()).isEqualTo(SpfResult.TEMPERROR);
            assertThat(result.dmarc().result()).isEqualTo(DmarcResult.TEMPERROR);
        } finally {
            never.countDown();
        }
    }

    @Test
    void theKeysOfTenSignaturesAreLookedUpAtTheSameTime() throws Exception {
        // Every key query waits until all ten have arrived: one after the other they would all run out of budget.
        String message = MESSAGE;
        List<String> names = new ArrayList<>();
        ScriptedResolver published = zone();
        for (int i = 0; i < 10; i++) {
            String selector = "s" + i;
            published.txt(selector + "._domainkey.example.com", DkimKeyRecord.textFor(KEY.publicKey()));
            message = signed(message, "example.com", selector);
            names.add(selector + "._domainkey.example.com");
        }
        CountDownLatch allAsked = new CountDownLatch(10);
        DnsResolver gathering = new GatheringResolver(published, names, allAsked);

        Authentication result = authenticator(gathering, Duration.ofSeconds(20)).authenticate(stream(message),
                SmtpEnvelope.none(), EnumSet.of(Method.DKIM), RecordedResults.none());

        assertThat(result.dkim()).hasSize(10).extracting(DkimVerdict::result).containsOnly(DkimResult.PASS);
    }

    private static String signed(String message, String domain, String selector) throws Exception {
        DkimSigner signer = new DkimSigner(List.of(DkimSigningSpec.builder(KEY, domain, selector).build()), CLOCK);
        return String.join("", signer.sign(stream(message))) + message;
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Records which TXT names were queried. */
    private static final class CountingResolver extends ForwardingResolver {
        final List<String> names = java.util.Collections.synchronizedList(new ArrayList<>());

        CountingResolver(DnsResolver delegate) {
            super(delegate);
        }

        @Override
        public DnsAnswer<String> txt(String name) {
            names.add(name);
            return super.txt(name);
        }
    }

    /** Never answers until the latch opens (a name server that drops every query). */
    private static final class BlockingResolver extends ForwardingResolver {
        private final CountDownLatch release;

        BlockingResolver(CountDownLatch release) {
            super(ScriptedResolver.empty());
            this.release = release;
        }

        @Override
        public DnsAnswer<String> txt(String name) {
            await();
            return DnsAnswer.tempFail("released");
        }

        @Override
        public DnsAnswer<InetAddress> a(String name) {
            await();
            return DnsAnswer.tempFail("released");
        }

        private void await() {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Answers the gathered names only once all of them have been asked (or after 3 s: then too late). */
    private static final class GatheringResolver extends ForwardingResolver {
        private final Set<String> gathered;
        private final CountDownLatch allAsked;

        GatheringResolver(DnsResolver delegate, List<String> names, CountDownLatch allAsked) {
            super(delegate);
            this.gathered = Set.copyOf(names);
            this.allAsked = allAsked;
        }

        @Override
        public DnsAnswer<String> txt(String name) {
            if (gathered.contains(name)) {
                allAsked.countDown();
                try {
                    if (!allAsked.await(3, TimeUnit.SECONDS)) {
                        return DnsAnswer.tempFail("not asked together");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.txt(name);
        }
    }
}
