package dev.inkan.keytable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenDKIM-format KeyTable and SigningTable, as in the seed write-up 001 (Postfix + OpenDKIM). */
class KeyTablesTest {

    @TempDir
    Path dir;
    SigningKey rsa;

    @BeforeEach
    void keys() throws Exception {
        rsa = new SigningKeyGenerator(new SecureRandom()).rsa(1024);
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys/example.private"), rsa.toPem());
        Files.writeString(dir.resolve("keys/ed.private"), new SigningKeyGenerator(new SecureRandom()).ed25519().toPem());
    }

    private TableKeySelector selector(String keyTable, String signingTable, boolean refile, boolean multiple) throws Exception {
        Files.writeString(dir.resolve("KeyTable"), keyTable);
        Files.writeString(dir.resolve("SigningTable"), signingTable);
        String location = (refile ? "refile:" : "") + dir.resolve("SigningTable");
        return new TableKeySelector(KeyTable.read(dir.resolve("KeyTable")), SigningTable.read(location), multiple);
    }

    @Test
    void refile_wildcards_pick_keys_in_file_order() throws Exception {
        TableKeySelector s = selector("""
                # name      domain:selector:keyfile
                example     example.com:s2024:keys/example.private
                ed          example.com:ed2024:keys/ed.private
                operator    operator.example:fwd:keys/example.private
                """, """
                *@example.com   example
                *@example.com   ed
                *               operator
                """, true, true);
        assertThat(s.choose("Joe@Example.com")).extracting(KeySelection::selector).containsExactly("s2024", "ed2024", "fwd");
        assertThat(s.choose("x@elsewhere.example")).extracting(KeySelection::domain).containsExactly("operator.example");
        assertThat(s.choose("joe@example.com").get(0).key().publicKey().dnsKeyBase64()).isEqualTo(rsa.publicKey().dnsKeyBase64());
    }

    @Test
    void without_multiple_signatures_only_the_first_match_signs() throws Exception {
        TableKeySelector s = selector("example example.com:s:keys/example.private\ned example.com:e:keys/ed.private\n",
                "*@example.com example\n*@example.com ed\n", true, false);
        assertThat(s.choose("joe@example.com")).extracting(KeySelection::selector).containsExactly("s");
        assertThat(s.choose("joe@other.example")).isEmpty();
    }

    @Test
    void percent_domain_signs_with_the_authors_domain_and_identity_comes_from_the_table() throws Exception {
        TableKeySelector s = selector("any %:shared:keys/example.private\n", "* any @list.example\n",
                true, false);
        KeySelection k = s.choose("ann@customer.example").get(0);
        assertThat(k.domain()).isEqualTo("customer.example");
        assertThat(k.identity()).isEqualTo("@list.example");
    }

    @Test
    void plain_table_matches_address_then_domain() throws Exception {
        TableKeySelector s = selector("a example.com:a:keys/example.private\nb example.com:b:keys/ed.private\n",
                "boss@example.com a\nexample.com b\n", false, false);
        assertThat(s.choose("boss@example.com")).extracting(KeySelection::selector).containsExactly("a");
        assertThat(s.choose("staff@example.com")).extracting(KeySelection::selector).containsExactly("b");
        assertThat(s.choose("staff@sub.example.com")).isEmpty();
    }

    @Test
    void errors_name_the_file_and_line() throws Exception {
        assertThatThrownBy(() -> selector("bad line\n", "* bad\n", true, false))
                .isInstanceOf(KeyTableException.class).hasMessageEndingWith("KeyTable, line 1: expected 'keyname domain:selector:keyfile'");
        assertThatThrownBy(() -> selector("k example.com:s:keys/missing.private\n", "* k\n", true, false))
                .hasMessageContaining("KeyTable, line 1: cannot read key file");
        assertThatThrownBy(() -> selector("k example.com:s:keys/example.private\n", "* nokey\n", true, false))
                .hasMessage("signing table line '* nokey' names a key that is not in the key table");
        assertThatThrownBy(() -> SigningTable.read(dir.resolve("absent").toString())).hasMessageStartingWith("cannot read");
    }

    @Test
    void fixed_keys_sign_their_own_domain_unless_told_to_sign_foreign_mail() {
        List<KeySelection> keys = List.of(new KeySelection("example.com", "s", rsa, null));
        assertThat(new FixedKeySelector(keys, false).choose("a@mail.example.com")).hasSize(1);
        assertThat(new FixedKeySelector(keys, false).choose("a@evil-example.com")).isEmpty();
        assertThat(new FixedKeySelector(keys, true).choose("a@elsewhere.example")).hasSize(1);
    }
}
