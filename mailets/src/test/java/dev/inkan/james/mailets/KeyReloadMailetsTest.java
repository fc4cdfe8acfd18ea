package dev.inkan.james.mailets;

import static dev.inkan.james.mailets.MailetFixtures.MESSAGE;
import static dev.inkan.james.mailets.MailetFixtures.bytes;
import static dev.inkan.james.mailets.MailetFixtures.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.authres.ResultInfo;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.dkim.DkimKeyRecord;
import dev.inkan.james.attributes.ResultAttributes;
import dev.inkan.testing.EditedFile;
import dev.inkan.testing.MovingClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.mail.MessagingException;
import org.apache.mailet.Mail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DkimSign and ArcSeal take a rotated key from a rewritten KeyTable (or key file) without being initialised
 * again, keep the keys they have when the new file is broken, and their mail verifies throughout against a
 * zone publishing both selectors (s2026a, the old key; s2026b, the new one).
 */
class KeyReloadMailetsTest {

    private static final SigningKeyGenerator KEYS = new SigningKeyGenerator(new SecureRandom());
    private static final SigningKey OLD = KEYS.rsa(1024);
    private static final SigningKey NEW = KEYS.rsa(1024);

    @TempDir
    Path dir;
    Path zone;
    final MovingClock clock = new MovingClock(MailetFixtures.CLOCK.instant());

    @BeforeEach
    void keysTablesAndZone() throws Exception {
        write("s2026a.private", OLD.toPem());
        write("s2026b.private", NEW.toPem());
        write("KeyTable", "example example.com:s2026a:s2026a.private\n");
        write("SigningTable", "*@example.com example\n");
        zone = write("zone", "s2026a._domainkey.example.com. IN TXT \"" + DkimKeyRecord.textFor(OLD.publicKey()) + "\"\n"
                + "s2026b._domainkey.example.com. IN TXT \"" + DkimKeyRecord.textFor(NEW.publicKey()) + "\"\n");
    }

    DkimSign signer(String... more) throws MessagingException {
        DkimSign mailet = new DkimSign(clock);
        mailet.init(DkimMailetsTest.config("DkimSign", parameters(more)));
        return mailet;
    }

    ArcSeal sealer() throws MessagingException {
        ArcSeal mailet = new ArcSeal(clock);
        mailet.init(DkimMailetsTest.config("ArcSeal", parameters("dnsZoneFile", zone.toString(),
                "authservId", "list.example.com")));
        return mailet;
    }

    private String[] parameters(String... more) {
        List<String> all = new ArrayList<>(List.of("keyTable", dir.resolve("KeyTable").toString(),
                "signingTable", "refile:" + dir.resolve("SigningTable")));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Signs a fresh message and checks it with DkimVerify (the engine's verifier) against the zone. */
    private String signedAndVerified(DkimSign signer) throws Exception {
        Mail mail = mail(MESSAGE);
        signer.service(mail);
        DkimVerify verifier = new DkimVerify(clock);
        verifier.init(DkimMailetsTest.config("DkimVerify", "dnsZoneFile", zone.toString(), "authservId", "mx.example.net"));
        Mail received = mail(bytes(mail));
        verifier.service(received);
        ResultInfo dkim = ResultAttributes.get(received, "dkim").get(0);
        return dkim.result() + " s=" + dkim.property("header", "s").orElse("?");
    }

    @Test
    void dkim_sign_switches_to_the_new_selector_after_the_key_table_is_rewritten() throws Exception {
        DkimSign signer = signer();
        assertThat(signedAndVerified(signer)).isEqualTo("pass s=s2026a");

        write("KeyTable", "example example.com:s2026b:s2026b.private\n");
        clock.advance(Duration.ofSeconds(30));
        assertThat(signedAndVerified(signer)).as("looked at no sooner than 60 s after the last look")
                .isEqualTo("pass s=s2026a");

        clock.advance(Duration.ofSeconds(30));
        assertThat(signedAndVerified(signer)).isEqualTo("pass s=s2026b");
        assertThat(signedAndVerified(signer)).isEqualTo("pass s=s2026b");
    }

    @Test
    void a_broken_key_table_keeps_the_old_key_signing_and_a_fixed_one_is_taken() throws Exception {
        DkimSign signer = signer("keyReloadInterval", "10s");
        write("KeyTable", "example example.com:s2026b:missing.private\n");
        clock.advance(Duration.ofSeconds(10));
        assertThat(signedAndVerified(signer)).isEqualTo("pass s=s2026a");

        write("KeyTable", "example example.com s2026b\n");
        clock.advance(Duration.ofSeconds(10));
        assertThat(signedAndVerified(signer)).isEqualTo("pass s=s2026a");

        write("KeyTable", "example example.com:s2026b:s2026b.private\n");
        clock.advance(Duration.ofSeconds(10));
        assertThat(signedAndVerified(signer)).isEqualTo("pass s=s2026b");
    }

    @Test
    void a_replaced_private_key_file_is_read_again_unless_reloading_is_off() throws Exception {
        Path key = write("single.private", OLD.toPem());
        DkimSign reloading = new DkimSign(clock);
        reloading.init(DkimMailetsTest.config("DkimSign", "domain", "example.com", "selector", "s2026b",
                "privateKeyFile", key.toString()));
        DkimSign fixed = new DkimSign(clock);
        fixed.init(DkimMailetsTest.config("DkimSign", "domain", "example.com", "selector", "s2026b",
                "privateKeyFile", key.toString(), "keyReloadInterval", "0"));
        assertThat(signedAndVerified(reloading)).startsWith("fail");   // s2026b publishes the new key

        write("single.private", NEW.toPem());
        clock.advance(Duration.ofSeconds(60));
        assertThat(signedAndVerified(reloading)).isEqualTo("pass s=s2026b");
        assertThat(signedAndVerified(fixed)).startsWith("fail");
    }

    @Test
    void arc_seal_switches_keys_the_same_way() throws Exception {
        ArcSeal sealer = sealer();
        assertThat(sealed(sealer)).contains("d=example.com; s=s2026a;");

        write("KeyTable", "example example.com:s2026b:s2026b.private\n");
        write("SigningTable", "*@example.com example\n# rotated\n");
        clock.advance(Duration.ofSeconds(60));
        String sealed = sealed(sealer);
        assertThat(sealed).contains("d=example.com; s=s2026b;");

        Mail next = mail(sealed);
        ArcVerify verifier = new ArcVerify();
        verifier.init(DkimMailetsTest.config("ArcVerify", "dnsZoneFile", zone.toString(), "authservId", "mx.example.net"));
        verifier.service(next);
        assertThat(ResultAttributes.get(next, "arc").get(0).result()).isEqualTo("pass");

        write("SigningTable", "*@example.com nosuchkey\n");
        clock.advance(Duration.ofSeconds(60));
        assertThat(sealed(sealer)).as("a signing table naming an unknown key is not taken")
                .contains("d=example.com; s=s2026b;");
    }

    @Test
    void a_bad_reload_interval_stops_start_up_with_one_line() {
        assertThatThrownBy(() -> signer("keyReloadInterval", "soon"))
                .hasMessage("DkimSign: parameter 'keyReloadInterval' must be a duration like 300, 30s, 10m, 2h or 7d,"
                        + " got 'soon'");
        assertThatThrownBy(() -> {
            DkimSign mailet = new DkimSign(clock);
            mailet.init(DkimMailetsTest.config("DkimSign", "domain", "example.com", "selector", "s",
                    "privateKey", OLD.toPem(), "keyReloadInterval", "60"));
        }).hasMessageContaining("keyReloadInterval' applies to keys read from files");
    }

    private String sealed(ArcSeal sealer) throws Exception {
        Mail mail = mail(MESSAGE);
        sealer.service(mail);
        return bytes(mail);
    }

    private Path write(String name, String text) throws Exception {
        return EditedFile.write(dir.resolve(name), text);
    }
}
