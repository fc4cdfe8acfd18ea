package dev.inkan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.inkan.crypto.KeyType;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyReader;
import dev.inkan.dns.DnsAnswer;
import dev.inkan.dns.ZoneFileResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeygenCommandTest {

    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1024, 2048, 4096})
    void rsaKeyAndRecordArePublishable(int bits) throws Exception {
        CliRun run = CliRun.run("keygen", "--domain", "example.com", "--selector", "s1", "--bits", "" + bits,
                "--out", dir.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        SigningKey key = assertKeyFile(dir.resolve("s1.private"));
        assertThat(key.type()).isEqualTo(KeyType.RSA);
        assertThat(key.bits()).isEqualTo(bits);
        assertRecordPublishes(run, key, "s1._domainkey.example.com", "v=DKIM1; k=rsa; p=");
    }

    @Test
    void ed25519KeyAndRecordArePublishable() throws Exception {
        CliRun run = CliRun.run("keygen", "--domain", "example.com", "--selector", "ed", "--type", "ed25519",
                "--out", dir.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        SigningKey key = assertKeyFile(dir.resolve("ed.private"));
        assertThat(key.type()).isEqualTo(KeyType.ED25519);
        assertRecordPublishes(run, key, "ed._domainkey.example.com", "v=DKIM1; k=ed25519; p=");
    }

    @Test
    void defaultsToRsa2048AndCreatesTheOutputDirectory() throws Exception {
        Path out = dir.resolve("keys/new");

        CliRun run = CliRun.run("keygen", "--domain", "example.com.", "--selector", "def", "--out", out.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        SigningKey key = assertKeyFile(out.resolve("def.private"));
        assertThat(key.type()).isEqualTo(KeyType.RSA);
        assertThat(key.bits()).isEqualTo(2048);
        assertThat(run.out()).contains(out.resolve("def.private").toString()).contains(out.resolve("def.txt").toString())
                .contains("Publish this TXT record at def._domainkey.example.com:");
    }

    @Test
    void refusesToOverwriteAnExistingKey() throws Exception {
        Path existing = Files.writeString(dir.resolve("s1.private"), "my precious key");

        CliRun run = CliRun.run("keygen", "--domain", "example.com", "--selector", "s1", "--out", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement(STRING)
                .startsWith("inkan: ").contains("s1.private already exists");
        assertThat(Files.readString(existing)).isEqualTo("my precious key");
        assertThat(dir.resolve("s1.txt")).doesNotExist();
    }

    @Test
    void refusesToOverwriteAnExistingRecordAndWritesNoKey() throws Exception {
        Files.writeString(dir.resolve("s1.txt"), "; old record");

        CliRun run = CliRun.run("keygen", "--domain", "example.com", "--selector", "s1", "--out", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(Files.readString(dir.resolve("s1.txt"))).isEqualTo("; old record");
        assertThat(dir.resolve("s1.private")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"512", "1023", "4097", "8192", "many"})
    void rsaSizeOutsideRfc8301RangeIsAUsageError(String bits) {
        CliRun run = CliRun.run("keygen", "--domain", "example.com", "--selector", "s1", "--bits", bits,
                "--out", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement(STRING)
                .startsWith("inkan: ").contains("--bits");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void bitsWithEd25519IsAUsageError() {
        CliRun run = CliRun.run("keygen", "--domain", "example.com", "--selector", "s1", "--type", "ed25519",
                "--bits", "2048", "--out", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement(STRING)
                .contains("--bits applies to rsa keys only");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aSelectorThatIsNotADnsNameCannotEscapeTheOutputDirectory() {
        CliRun run = CliRun.run("keygen", "--domain", "example.com", "--selector", "../evil", "--out", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(dir.resolveSibling("evil.private")).doesNotExist();
    }

    /** The key file is owner-only and reads back as a signing key. */
    private static SigningKey assertKeyFile(Path keyFile) throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        return SigningKeyReader.read(keyFile);
    }

    /**
     * The .txt is a valid zone whose TXT value at {@code owner} is the printed record and holds the key's
     * public half, written as character-strings of at most 255 bytes.
     */
    private void assertRecordPublishes(CliRun run, SigningKey key, String owner, String prefix) throws Exception {
        Path txt = dir.resolve(owner.substring(0, owner.indexOf('.')) + ".txt");
        DnsAnswer<String> answer = ZoneFileResolver.fromFile(txt).txt(owner);
        assertThat(answer.isFound()).as(answer.toString()).isTrue();
        String published = answer.records().get(0);

        assertThat(published).isEqualTo(prefix + key.publicKey().dnsKeyBase64());
        assertThat(run.outLines()).last().isEqualTo(published);
        List<String> strings = quotedStrings(Files.readString(txt));
        assertThat(String.join("", strings)).isEqualTo(published);
        assertThat(strings).allSatisfy(s -> assertThat(s.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255));
    }

    private static List<String> quotedStrings(String zoneText) {
        List<String> strings = new ArrayList<>();
        Matcher m = QUOTED.matcher(zoneText);
        while (m.find()) {
            strings.add(m.group(1));
        }
        return strings;
    }
}
