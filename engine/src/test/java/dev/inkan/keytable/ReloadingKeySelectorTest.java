package dev.inkan.keytable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import dev.inkan.testing.EditedFile;
import dev.inkan.testing.MovingClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys read again from a KeyTable, SigningTable and key files that change while the signer runs. */
class ReloadingKeySelectorTest {

    private static final SigningKeyGenerator KEYS = new SigningKeyGenerator(new SecureRandom());

    @TempDir
    Path dir;
    final MovingClock clock = new MovingClock();
    final List<String> problems = new ArrayList<>();
    final List<String> reloads = new ArrayList<>();
    int loads;
    SigningKey oldKey;
    SigningKey newKey;

    @BeforeEach
    void tables() throws Exception {
        oldKey = KEYS.rsa(1024);
        newKey = KEYS.ed25519();
        write("s2026a.private", oldKey.toPem());
        write("s2026b.private", newKey.toPem());
        write("KeyTable", "example example.com:s2026a:s2026a.private\n");
        write("SigningTable", "*@example.com example\n");
    }

    ReloadingKeySelector selector() throws Exception {
        return new ReloadingKeySelector(() -> {
            loads++;
            KeyTable keys = KeyTable.read(dir.resolve("KeyTable"));
            String signing = "refile:" + dir.resolve("SigningTable");
            List<Path> files = new ArrayList<>(List.of(dir.resolve("KeyTable"), SigningTable.fileOf(signing)));
            files.addAll(keys.keyFiles());
            return new ReloadingKeySelector.Loaded(new TableKeySelector(keys, SigningTable.read(signing), false), files);
        }, clock, Duration.ofSeconds(60), problems::add, reloads::add);
    }

    @Test
    void a_rewritten_key_table_is_used_after_the_interval_and_not_before() throws Exception {
        ReloadingKeySelector s = selector();
        assertThat(selectorOf(s)).isEqualTo("s2026a");

        write("KeyTable", "example example.com:s2026b:s2026b.private\n");
        clock.advance(Duration.ofSeconds(59));
        assertThat(selectorOf(s)).isEqualTo("s2026a");
        assertThat(loads).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(selectorOf(s)).isEqualTo("s2026b");
        assertThat(s.choose("joe@example.com").get(0).key().publicKey().dnsKeyBase64())
                .isEqualTo(newKey.publicKey().dnsKeyBase64());
        assertThat(reloads).singleElement().asString().contains("KeyTable");
        assertThat(problems).isEmpty();
    }

    @Test
    void unchanged_files_are_only_looked_at_never_read_again() throws Exception {
        ReloadingKeySelector s = selector();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(61));
            assertThat(selectorOf(s)).isEqualTo("s2026a");
        }
        assertThat(loads).isEqualTo(1);
        assertThat(reloads).isEmpty();
    }

    @Test
    void a_key_file_replaced_in_place_is_read_again() throws Exception {
        ReloadingKeySelector s = selector();
        SigningKey replacement = KEYS.rsa(1024);
        Path staged = Files.writeString(dir.resolve("staged.tmp"), replacement.toPem());
        Files.move(staged, dir.resolve("s2026a.private"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        clock.advance(Duration.ofSeconds(60));

        assertThat(s.choose("joe@example.com").get(0).key().publicKey().dnsKeyBase64())
                .isEqualTo(replacement.publicKey().dnsKeyBase64());
        assertThat(reloads).singleElement().asString().contains("s2026a.private");
    }

    @Test
    void a_broken_key_table_keeps_the_old_keys_and_is_reported_once_until_it_is_fixed() throws Exception {
        ReloadingKeySelector s = selector();
        write("KeyTable", "example example.com:s2026b\n");
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(60));
            assertThat(selectorOf(s)).isEqualTo("s2026a");
        }
        assertThat(problems).singleElement().asString()
                .contains(dir.resolve("KeyTable").toString() + ", line 1")
                .contains("expected 'keyname domain:selector:keyfile'");

        write("KeyTable", "example example.com:s2026b:s2026b.private\n");
        clock.advance(Duration.ofSeconds(60));
        assertThat(selectorOf(s)).isEqualTo("s2026b");
        assertThat(problems).hasSize(1);
        assertThat(reloads).hasSize(1);
    }

    @Test
    void a_missing_key_file_keeps_the_old_keys_and_names_the_file() throws Exception {
        ReloadingKeySelector s = selector();
        write("KeyTable", "example example.com:s2027a:s2027a.private\n");
        clock.advance(Duration.ofSeconds(60));

        assertThat(selectorOf(s)).isEqualTo("s2026a");
        assertThat(problems).singleElement().asString().contains("s2027a.private");

        // the key file appears later: the table, unchanged since, is read again at the next check
        write("s2027a.private", KEYS.ed25519().toPem());
        clock.advance(Duration.ofSeconds(60));
        assertThat(selectorOf(s)).isEqualTo("s2027a");
    }

    @Test
    void a_deleted_signing_table_keeps_the_old_keys() throws Exception {
        ReloadingKeySelector s = selector();
        Files.delete(dir.resolve("SigningTable"));
        clock.advance(Duration.ofSeconds(60));

        assertThat(selectorOf(s)).isEqualTo("s2026a");
        assertThat(problems).singleElement().asString().contains("cannot read").contains("SigningTable");
    }

    @Test
    void a_bad_start_is_thrown_and_the_interval_must_be_positive() throws Exception {
        write("KeyTable", "broken\n");
        assertThatThrownBy(this::selector).hasMessageContaining("KeyTable, line 1");
        assertThatThrownBy(() -> new ReloadingKeySelector(() -> null, clock, Duration.ZERO, p -> { }, p -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String selectorOf(ReloadingKeySelector s) {
        return s.choose("joe@example.com").get(0).selector();
    }

    private void write(String name, String text) throws Exception {
        EditedFile.write(dir.resolve(name), text);
    }
}
