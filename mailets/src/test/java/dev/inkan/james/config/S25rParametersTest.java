package dev.inkan.james.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.net.IpLiteral;
import dev.inkan.s25r.S25rResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.mailet.MailetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The S25R parameters shared by S25rCheck and S25rClientIs: lists inline and from files, DNS, and their errors. */
class S25rParametersTest {

    @TempDir
    Path dir;

    private static MailetParameters p(Map<String, String> values) {
        return new MailetParameters("S25rCheck", values::get);
    }

    @Test
    void inline_and_file_entries_are_one_list_and_dns_comes_from_the_zone() throws Exception {
        Path zone = Files.writeString(dir.resolve("s25r.zone"), """
                1.2.0.192.in-addr.arpa. PTR adsl123.example.jp.
                adsl123.example.jp. A 192.0.2.1
                2.2.0.192.in-addr.arpa. PTR dhcp7.example.net.
                dhcp7.example.net. A 192.0.2.2
                """);
        Path allowFile = Files.writeString(dir.resolve("white_list"), "/^dhcp7\\.example\\.net$/ OK\n");
        var checker = S25rParameters.checker(p(Map.of("dnsZoneFile", zone.toString(), "allow", "198.51.100.0/24",
                "allowFile", allowFile.toString())));
        assertThat(checker.check(IpLiteral.parse("192.0.2.1").orElseThrow()).result()).isEqualTo(S25rResult.FLAGGED);
        assertThat(checker.check(IpLiteral.parse("192.0.2.2").orElseThrow()).listEntry())
                .hasValue("/^dhcp7\\.example\\.net$/");
        assertThat(checker.check(IpLiteral.parse("198.51.100.9").orElseThrow()).result())
                .isEqualTo(S25rResult.ALLOWED);
    }

    @Test
    void a_bad_parameter_is_one_line_naming_it() throws Exception {
        assertThatThrownBy(() -> S25rParameters.checker(p(Map.of("allow", "example.jp, 10.0.0.0/40"))))
                .isInstanceOf(MailetException.class)
                .hasMessage("S25rCheck: parameter 'allow' has '10.0.0.0/40' is neither an address block,"
                        + " a /regular expression/ nor a domain");
        assertThatThrownBy(() -> S25rParameters.checker(p(Map.of("deny", "/(unclosed/"))))
                .hasMessageStartingWith("S25rCheck: parameter 'deny' has '/(unclosed/' is not a valid regular expression");
        Path bad = Files.writeString(dir.resolve("deny"), "# deny\n/ok/\nmail@example.jp\n");
        assertThatThrownBy(() -> S25rParameters.checker(p(Map.of("denyFile", bad.toString()))))
                .hasMessage("S25rCheck: parameter 'denyFile' file " + bad.toAbsolutePath() + ", line 3:"
                        + " 'mail@example.jp' is neither an address block, a /regular expression/ nor a domain");
        assertThatThrownBy(() -> S25rParameters.checker(p(Map.of("allowFile", dir.resolve("missing").toString()))))
                .hasMessageContaining("parameter 'allowFile' file").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> S25rParameters.checker(p(Map.of("dnsBudget", "50"))))
                .hasMessage("S25rCheck: parameter 'dnsBudget' must be between 100 and 600000, got 50");
    }
}
