package dev.inkan.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.conformance.ConformanceSuite;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZoneFileResolverTest {

    private static final String ZONE = """
            $ORIGIN example.com.
            $TTL 300
            @               IN A     192.0.2.1
                            IN AAAA  2001:db8::1
                            IN MX    10 mail
                            IN MX    20 backup.example.net.
                            IN TXT   "v=spf1 " "ip4:192.0.2.0/24 " "-all"
            mail            IN A     192.0.2.25
            sel._domainkey  IN TXT   ( "v=DKIM1; k=rsa; "
                                       "p=MIGfMA0" )
            two             IN TXT   "first"
                            IN TXT   "second"
            alias           IN CNAME hop1
            hop1            IN CNAME mail
            dangling        IN CNAME nowhere.example.org.
            loop1           IN CNAME loop2
            loop2           IN CNAME loop1
            1.2.0.192.in-addr.arpa. IN PTR mail.example.com.
            1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa. IN PTR example.com.
            """;

    private final ZoneFileResolver zone = load(ZONE);

    @Test
    void joinsTheCharacterStringsOfOneTxtRecordWithoutSeparators() {
        assertThat(zone.txt("example.com").records()).containsExactly("v=spf1 ip4:192.0.2.0/24 -all");
        assertThat(zone.txt("sel._domainkey.example.com").records()).containsExactly("v=DKIM1; k=rsa; p=MIGfMA0");
    }

    @Test
    void keepsSeveralTxtRecordsApart() {
        assertThat(zone.txt("two.example.com").records()).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    void resolvesRelativeNamesAgainstOriginAndNamesCaseInsensitively() {
        assertThat(zone.a("MAIL.Example.COM").records()).containsExactly(address("192.0.2.25"));
        assertThat(zone.a("mail.example.com.").records()).containsExactly(address("192.0.2.25"));
    }

    @Test
    void usesTheGivenOriginForNamesBeforeAnyOriginDirective() throws Exception {
        ZoneFileResolver relative = ZoneFileResolver.fromText("sel._domainkey TXT \"v=DKIM1\"\n", "example.org");
        assertThat(relative.txt("sel._domainkey.example.org").records()).containsExactly("v=DKIM1");
    }

    @Test
    void answersAddressMailExchangeAndPointerRecords() {
        assertThat(zone.a("example.com").records()).containsExactly(address("192.0.2.1"));
        assertThat(zone.aaaa("example.com").records()).containsExactly(address("2001:db8::1"));
        assertThat(zone.mx("example.com").records())
                .containsExactly(new MxHost(10, "mail.example.com"), new MxHost(20, "backup.example.net"));
        assertThat(zone.ptr(address("192.0.2.1")).records()).containsExactly("mail.example.com");
        assertThat(zone.ptr(address("2001:db8::1")).records()).containsExactly("example.com");
    }

    @Test
    void tellsAMissingNameFromAMissingType() {
        assertThat(zone.txt("nothing.example.com").status()).isEqualTo(DnsStatus.NXDOMAIN);
        assertThat(zone.txt("mail.example.com").status()).isEqualTo(DnsStatus.NO_DATA);
        assertThat(zone.ptr(address("192.0.2.99")).status()).isEqualTo(DnsStatus.NXDOMAIN);
    }

    @Test
    void anEmptyNonTerminalExistsWithoutData() {
        assertThat(zone.txt("_domainkey.example.com").status()).isEqualTo(DnsStatus.NO_DATA);
        assertThat(zone.txt("other._domainkey.example.com").status()).isEqualTo(DnsStatus.NXDOMAIN);
    }

    @Test
    void followsCnameChainsInsideTheZone() {
        assertThat(zone.a("alias.example.com").records()).containsExactly(address("192.0.2.25"));
        assertThat(zone.txt("alias.example.com").status()).isEqualTo(DnsStatus.NO_DATA);
        assertThat(zone.a("dangling.example.com").status()).isEqualTo(DnsStatus.NXDOMAIN);
    }

    @Test
    void aCnameLoopIsATemporaryFailureNotAnEndlessLoop() {
        DnsAnswer<String> answer = zone.txt("loop1.example.com");
        assertThat(answer.status()).isEqualTo(DnsStatus.TEMPFAIL);
        assertThat(answer.detail()).isEqualTo("CNAME loop");
    }

    @Test
    void followsEightCnamesButNotNine() throws Exception {
        StringBuilder chain = new StringBuilder("$ORIGIN example.com.\nend A 192.0.2.7\n");
        for (int i = 1; i <= 9; i++) {
            chain.append("c").append(i).append(" CNAME ").append(i == 9 ? "end" : "c" + (i + 1)).append('\n');
        }
        ZoneFileResolver chained = load(chain.toString());
        assertThat(chained.a("c2.example.com").records()).containsExactly(address("192.0.2.7"));
        assertThat(chained.a("c1.example.com").status()).isEqualTo(DnsStatus.TEMPFAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "a..example.com", ".example.com", "example.com..",
            "a234567890123456789012345678901234567890123456789012345678901234.example.com"})
    void anInvalidNameCanNeverExist(String name) {
        DnsAnswer<String> answer = zone.txt(name);
        assertThat(answer.status()).isEqualTo(DnsStatus.NXDOMAIN);
        assertThat(answer.detail()).startsWith("invalid DNS name: ");
    }

    @Test
    void aNameOfMoreThan253CharactersIsInvalid() {
        String label = "a".repeat(63);
        String name253 = String.join(".", label, label, label, "a".repeat(61));
        assertThat(name253).hasSize(253);
        assertThat(zone.txt(name253).status()).isEqualTo(DnsStatus.NXDOMAIN);
        assertThat(zone.txt(name253).detail()).isEqualTo("NXDOMAIN");
        assertThat(zone.txt("a." + name253).detail()).startsWith("invalid DNS name: name longer than 253");
    }

    @Test
    void keepsUtf8TxtDataAsWritten() {
        ZoneFileResolver utf8 = load("note.example. TXT \"n=Schlüssel für 日本\"\n");
        assertThat(utf8.txt("note.example").records()).containsExactly("n=Schlüssel für 日本");
    }

    @Test
    void loadsTheRfc6376AppendixCKeyRecord() throws Exception {
        ZoneFileResolver rfc = ZoneFileResolver.fromFile(ConformanceSuite.resolve("dkim-rfc-vectors/rfc6376/C-dns-zone.txt"));
        assertThat(rfc.txt("brisbane._domainkey.example.org").records()).containsExactly(
                "v=DKIM1; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYt"
                        + "IxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhi"
                        + "tdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB");
        assertThat(rfc.txt("_domainkey.example.org").status()).isEqualTo(DnsStatus.NO_DATA);
    }

    @Test
    void loadsTheRfc8463AppendixA2KeyRecords() throws Exception {
        ZoneFileResolver rfc = ZoneFileResolver.fromFile(ConformanceSuite.resolve("dkim-rfc-vectors/rfc8463/A.2-dns-zone.txt"));
        assertThat(rfc.txt("brisbane._domainkey.football.example.com").records())
                .containsExactly("v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
        assertThat(rfc.txt("test._domainkey.football.example.com").records()).containsExactly(
                "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWR"
                        + "iGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutAC"
                        + "DfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3"
                        + "Ip3G+2kryOTIKT+l/K4w3QIDAQAB");
    }

    @Test
    void aSyntaxErrorNamesTheFileAndLine(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("keys.zone");
        Files.writeString(file, "ok.example. TXT \"fine\"\n\nbad.example. A 999.1.1.1\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ZoneFileResolver.fromFile(file))
                .isInstanceOf(ZoneFileException.class)
                .hasMessageStartingWith("zone file " + file + ", line 3: ")
                .hasMessageContaining("999.1.1.1")
                .hasNoCause();
    }

    @Test
    void aSyntaxErrorInZoneTextNamesTheLine() {
        assertThatThrownBy(() -> ZoneFileResolver.fromText("a.example. TXT \"x\"\nb.example. BOGUS x\n"))
                .isInstanceOf(ZoneFileException.class)
                .hasMessageStartingWith("zone text, line 2: ");
    }

    @Test
    void refusesIncludeDirectives() {
        assertThatThrownBy(() -> ZoneFileResolver.fromText("$INCLUDE /etc/passwd\n"))
                .isInstanceOf(ZoneFileException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("$INCLUDE");
    }

    private static ZoneFileResolver load(String text) {
        try {
            return ZoneFileResolver.fromText(text);
        } catch (ZoneFileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_txt_record_without_strings_is_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ZoneFileResolver.fromText("sel._domainkey.example.com. IN TXT\n"))
                .isInstanceOf(ZoneFileException.class)
                .hasMessage("zone text: the TXT record of sel._domainkey.example.com. has no character-string (RFC 1035 §3.3.14 requires one)");
    }
}
