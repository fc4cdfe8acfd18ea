package dev.inkan.interop;

import static dev.inkan.interop.PeerAssertions.assertPasses;
import static dev.inkan.interop.PeerAssertions.assertRejects;
import static dev.inkan.interop.PeerAssertions.noteEd25519Unsupported;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.dkim.DkimSigningSpec;
import dev.inkan.interop.PeerAssertions.Why;
import dev.inkan.message.Canonicalization;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inkan's signing options, each checked by dkimpy and Mail::DKIM: l= (also l=0), i=, x= (valid and expired),
 * oversigned From and Subject, RSA + Ed25519 dual signing, and the rejections that prove the peers check
 * what they are given (a header changed, a field added under oversigning, a key that does not match).
 */
class InkanSignatureOptionsTest {

    private static final byte[] MESSAGE = MessageShape.PLAIN_ASCII.bytes();
    private static final String FOOTER = "--\r\nMailing list footer, added after signing.\r\n";

    @TempDir
    static Path dir;
    private static VerifyBatch batch;
    private static int ed25519Index;

    @BeforeAll
    static void signEverything() {
        batch = new VerifyBatch(dir, InteropKeys.zone());
        byte[] withL = Inkan.sign(MESSAGE, rsa().bodyLengthTag(true).build());
        batch.add("l=", withL);
        batch.add("l= then footer", Messages.append(withL, FOOTER));
        batch.add("l= relaxed/simple then footer", Messages.append(Inkan.sign(MESSAGE, rsa()
                .canonicalization(Canonicalization.RELAXED, Canonicalization.SIMPLE).bodyLengthTag(true).build()),
                FOOTER));
        batch.add("no l= then footer", Messages.append(Inkan.sign(MESSAGE, rsa().build()), FOOTER));
        // relaxed canonicalization of an empty body is empty: Inkan writes l=0
        batch.add("l=0 then footer", Messages.append(Inkan.sign(MessageShape.EMPTY_BODY.bytes(),
                rsa().bodyLengthTag(true).build()), FOOTER));

        batch.add("i=user", Inkan.sign(MESSAGE, rsa().identity("alice@example.com").build()));
        batch.add("i=subdomain", Inkan.sign(MESSAGE, rsa().identity("@mail.example.com").build()));

        batch.add("x= in an hour", Inkan.sign(MESSAGE, rsa().expiration(Duration.ofHours(1)).build()));
        Clock threeDaysAgo = Clock.offset(Inkan.NOW, Duration.ofDays(-3));
        batch.add("x= expired", Inkan.sign(MESSAGE, threeDaysAgo, rsa().expiration(Duration.ofDays(1)).build()));

        byte[] oversigned = Inkan.sign(MESSAGE, rsa().oversign(Set.of("from", "subject")).build());
        batch.add("oversigned", oversigned);
        batch.add("oversigned, From added", Messages.addHeaderOnTop(oversigned, "From: mallory@example.org\r\n"));
        batch.add("oversigned, Subject added", Messages.addHeaderOnTop(oversigned, "Subject: Pay now\r\n"));
        batch.add("Subject changed", Messages.replaceInHeader(oversigned, "Subject: Plain", "Subject: Plane"));

        byte[] dual = Inkan.sign(MESSAGE, rsa().build(), Inkan.spec("ed25519", Canonicalization.RELAXED,
                Canonicalization.RELAXED).build());
        ed25519Index = new String(dual, StandardCharsets.US_ASCII).indexOf("a=ed25519-sha256")
                < new String(dual, StandardCharsets.US_ASCII).indexOf("a=rsa-sha256") ? 0 : 1;
        batch.add("dual", dual);
        batch.add("dual, body changed", Messages.tamperBody(dual));

        // signed with the 1024-bit key, but s=rsa2048 names the 2048-bit key in the zone
        batch.add("wrong key", Inkan.sign(MESSAGE, DkimSigningSpec.builder(InteropKeys.key("rsa1024"),
                InteropKeys.DOMAIN, "rsa2048").build()));
    }

    private static DkimSigningSpec.Builder rsa() {
        return Inkan.spec("rsa2048", Canonicalization.RELAXED, Canonicalization.RELAXED);
    }

    @Test
    void bodyLengthTagLetsBothPeersIgnoreAppendedText() {
        bothPass("l=");
        bothPass("l= then footer");
        bothPass("l= relaxed/simple then footer");
        bothReject("no l= then footer", Why.BODY_CHANGED);
    }

    @Test
    void bodyLengthZero() {
        Peer dkimpy = Peer.dkimpy();
        assertPasses(dkimpy, "l=0 then footer", report(dkimpy, "l=0 then footer"));
        Peer mailDkim = Peer.mailDkim();
        Peer.Report report = report(mailDkim, "l=0 then footer");
        if (!report.signature(0).passed()) {
            // Peer quirk, Mail::DKIM 1.20230212: "if (my $limit = $sig->body_count)" in
            // Canonicalization/DkimCommon.pm reads l=0 as false, i.e. as no l= at all, so the appended text
            // counts. RFC 6376 §3.5 allows l=0 (1*76DIGIT); dkimpy and Inkan honour it.
            System.out.println("PEER QUIRK [l=0 then footer]: " + mailDkim + " ignores l=0: "
                    + report.signature(0).detail());
            assertThat(report.signature(0).detail()).contains("body has been altered");
        }
    }

    @Test
    void identityTagIsAccepted() {
        bothPass("i=user");
        bothPass("i=subdomain");
    }

    @Test
    void expirationIsHonoured() {
        bothPass("x= in an hour");
        // dkimpy allows 10 h of slop on x= (validate_signature_fields); three days past is well beyond
        bothReject("x= expired");
        assertThat(report(Peer.mailDkim(), "x= expired").signature(0).detail()).contains("expired");
    }

    @Test
    void oversignedFieldsCannotBeAdded() {
        bothPass("oversigned");
        bothReject("oversigned, From added", Why.HEADERS_CHANGED);
        bothReject("oversigned, Subject added", Why.HEADERS_CHANGED);
        bothReject("Subject changed", Why.HEADERS_CHANGED);
    }

    @Test
    void dualSignatureRsaAndEd25519() {
        Peer dkimpy = Peer.dkimpy();
        assertPasses(dkimpy, "dual", report(dkimpy, "dual"), 0);
        assertPasses(dkimpy, "dual", report(dkimpy, "dual"), 1);
        assertRejects(dkimpy, "dual, body changed", report(dkimpy, "dual, body changed"), 0, Why.BODY_CHANGED);
        assertRejects(dkimpy, "dual, body changed", report(dkimpy, "dual, body changed"), 1, Why.BODY_CHANGED);

        Peer mailDkim = Peer.mailDkim();
        int rsaIndex = 1 - ed25519Index;
        assertThat(report(mailDkim, "dual").signatures()).hasSize(2);
        assertPasses(mailDkim, "dual", report(mailDkim, "dual"), rsaIndex);
        assertRejects(mailDkim, "dual, body changed", report(mailDkim, "dual, body changed"), rsaIndex,
                Why.BODY_CHANGED);
        if (mailDkim.supportsEd25519()) {
            assertPasses(mailDkim, "dual", report(mailDkim, "dual"), ed25519Index);
        } else {
            noteEd25519Unsupported(mailDkim, "dual (ed25519 signature)", report(mailDkim, "dual"), ed25519Index);
        }
    }

    @Test
    void keyThatDoesNotMatchIsRejected() {
        // observed: dkimpy "signature did not verify" (plain False); Mail::DKIM "fail (OpenSSL error: data too
        // small for key size)", as a 1024-bit signature is checked with the zone's 2048-bit key
        bothReject("wrong key");
    }

    private static Peer.Report report(Peer peer, String label) {
        return batch.report(peer, label);
    }

    private static void bothPass(String label) {
        for (Peer peer : new Peer[] {Peer.dkimpy(), Peer.mailDkim()}) {
            assertPasses(peer, label, report(peer, label));
        }
    }

    private static void bothReject(String label) {
        for (Peer peer : new Peer[] {Peer.dkimpy(), Peer.mailDkim()}) {
            assertRejects(peer, label, report(peer, label), 0);
        }
    }

    private static void bothReject(String label, Why why) {
        for (Peer peer : new Peer[] {Peer.dkimpy(), Peer.mailDkim()}) {
            assertRejects(peer, label, report(peer, label), 0, why);
        }
    }
}
