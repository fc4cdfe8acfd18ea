package dev.inkan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.inkan.crypto.KeyType;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.SigningKeyReader;
import dev.inkan.dkim.DkimKeyRecord;
import dev.inkan.dns.ZoneFileResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code inkan keygen --rotate-from}: the next selector's key, both records, the revocation and the plan. */
class KeyRotationCommandTest {

    @TempDir
    Path dir;

    private CliRun keygen(String... more) {
        return CliRun.run(Args.of("keygen", "--domain", "example.com", "--out", dir, more));
    }

    @Test
    void rotationWritesTheNextKeyAndPrintsBothRecordsTheRevocationAndThePlan() throws Exception {
        assertThat(keygen("--selector", "s2026a", "--bits", "1024").exitCode()).isZero();
        SigningKey old = SigningKeyReader.read(dir.resolve("s2026a.private"));

        CliRun run = keygen("--rotate-from", "s2026a", "--date", "2026-12-07");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        SigningKey next = SigningKeyReader.read(dir.resolve("s2026b.private"));
        assertThat(next.type()).isEqualTo(KeyType.RSA);
        assertThat(next.bits()).as("at least 2048 bits, whatever the old key had").isEqualTo(2048);
        String oldRecord = DkimKeyRecord.textFor(old.publicKey());
        String newRecord = DkimKeyRecord.textFor(next.publicKey());
        Path newKey = dir.resolve("s2026b.private").toAbsolutePath();
        assertThat(run.outLines()).containsSubsequence(
                "Private key: " + dir.resolve("s2026b.private") + " (rsa 2048 bits, mode 600; keep it secret)",
                "Revocation:  " + dir.resolve("s2026a.revoked.txt") + " (zone-file line for step 5, not before)",
                "Rotating example.com from selector s2026a to s2026b.",
                "Keep this TXT record published, unchanged, at s2026a._domainkey.example.com:",
                oldRecord,
                "Publish this TXT record at s2026b._domainkey.example.com:",
                newRecord,
                "1. Publish the new record now, beside the old one.",
                "     inkan check dkim --domain example.com --selector s2026b --key " + newKey,
                "     KeyTable line:   <keyname> example.com:s2026b:" + newKey,
                "v=DKIM1; k=rsa; p=");
        assertThat(run.out()).contains("7 days after the switch (on 2026-12-14 at the earliest)")
                .contains("RFC 6376 section 3.6.1");

        assertThat(ZoneFileResolver.fromFile(dir.resolve("s2026b.txt")).txt("s2026b._domainkey.example.com").records())
                .containsExactly(newRecord);
        assertThat(ZoneFileResolver.fromFile(dir.resolve("s2026a.revoked.txt")).txt("s2026a._domainkey.example.com")
                .records()).containsExactly("v=DKIM1; k=rsa; p=");
        assertThat(dir.resolve("s2026a.private")).exists();
    }

    @Test
    void theNewKeyKeepsTheOldTypeAndTheGracePeriodIsAnOption() throws Exception {
        assertThat(keygen("--selector", "ed20261101", "--type", "ed25519").exitCode()).isZero();

        CliRun run = keygen("--rotate-from", "ed20261101", "--date", "2026-12-07", "--grace-days", "30");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(SigningKeyReader.read(dir.resolve("ed20261207.private")).type()).isEqualTo(KeyType.ED25519);
        assertThat(run.out()).contains("30 days after the switch (on 2027-01-06 at the earliest)")
                .contains("\nv=DKIM1; k=ed25519; p=\n");
    }

    @Test
    void anOldKeyElsewhereAndAnExplicitNewSelector() throws Exception {
        Path keys = Files.createDirectories(dir.resolve("old"));
        assertThat(CliRun.run(Args.of("keygen", "--domain", "example.com", "--selector", "default", "--bits", "1024",
                "--out", keys)).exitCode()).isZero();

        CliRun run = keygen("--rotate-from", "default", "--old-key", keys.resolve("default.private").toString(),
                "--selector", "mail1", "--type", "ed25519");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.out()).contains("from selector default to mail1");
        assertThat(dir.resolve("mail1.private")).exists();
        assertThat(dir.resolve("default.revoked.txt")).exists();
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
        "s2026a, 2026-12-07, , s2026b",
        "s2026b, 2026-12-07, , s2027a",
        "s2024a, 2026-12-07, , s2026b",
        "s2026a, 2026-03-01, , s2026b",
        "mail2026b, 2027-01-10, , mail2027a",
        "S2026A, 2026-05-01, , s2026b",
        "20261101, 2026-12-07, , 20261207",
        "k-20261101, 2026-12-07, , k-20261207",
        "default, 2026-12-07, yearhalf, s2026b",
        "default, 2026-12-07, date, 20261207",
        "s2026a, 2026-12-07, date, 20261207",
    })
    void theNextSelectorFollowsTheScheme(String old, String day, String scheme, String expected) {
        SelectorScheme chosen = scheme == null ? SelectorScheme.of(old).orElseThrow()
                : new OptionConverters.Schemes().convert(scheme);
        assertThat(chosen.next(old, LocalDate.parse(day))).isEqualTo(expected);
    }

    @Test
    void theDateSchemeNamesOneSelectorADay() {
        assertThatThrownBy(() -> SelectorScheme.DATE.next("20261207", LocalDate.parse("2026-12-07")))
                .hasMessageContaining("one selector a day");
    }

    @Test
    void problemsAreOneLineAndWriteNothing() throws Exception {
        assertThat(keygen("--selector", "default", "--bits", "1024").exitCode()).isZero();
        assertThat(keygen("--selector", "20261207", "--bits", "1024").exitCode()).isZero();
        long files = Files.list(dir).count();

        assertOneLineError(keygen("--rotate-from", "default"), "follows no naming scheme");
        assertOneLineError(keygen("--rotate-from", "s2026a"), "s2026a.private", "--old-key");
        assertOneLineError(keygen("--rotate-from", "20261207", "--date", "2026-12-07"), "one selector a day");
        assertOneLineError(keygen("--rotate-from", "default", "--selector", "default"), "must differ");
        assertOneLineError(keygen("--rotate-from", "default", "--selector", "x", "--scheme", "date"), "--scheme");
        assertOneLineError(keygen("--rotate-from", "default", "--scheme", "weekly"), "yearhalf or date");
        assertOneLineError(keygen("--rotate-from", "default", "--scheme", "date", "--grace-days", "0"), "--grace-days");
        assertOneLineError(keygen("--rotate-from", "default", "--date", "7.12.2026"), "YYYY-MM-DD");
        assertOneLineError(keygen("--selector", "s1", "--grace-days", "3"), "--rotate-from only");
        assertOneLineError(keygen(), "--selector is required");
        assertThat(Files.list(dir).count()).isEqualTo(files);
    }

    @Test
    void anExistingRevocationFileIsNotOverwritten() throws Exception {
        assertThat(keygen("--selector", "s2026a", "--bits", "1024").exitCode()).isZero();
        Files.writeString(dir.resolve("s2026a.revoked.txt"), "; mine");

        assertOneLineError(keygen("--rotate-from", "s2026a", "--date", "2026-12-07"), "s2026a.revoked.txt already exists");
        assertThat(dir.resolve("s2026b.private")).doesNotExist();
        assertThat(Files.readString(dir.resolve("s2026a.revoked.txt"))).isEqualTo("; mine");
    }

    private static void assertOneLineError(CliRun run, String... fragments) {
        assertThat(run.exitCode()).as(run.out()).isEqualTo(2);
        assertThat(run.errLines()).singleElement(STRING).startsWith("inkan: ").contains(fragments);
    }
}
