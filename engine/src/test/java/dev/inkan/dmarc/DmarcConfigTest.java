package dev.inkan.dmarc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.dns.ScriptedResolver;
import dev.inkan.publicsuffix.PublicSuffixList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mode switch and the configuration around it: presets, a replaced Public Suffix List, limits. */
class DmarcConfigTest {

    private static final ScriptedResolver DNS = ScriptedResolver.fromZoneText("""
            _dmarc.example.co.uk. TXT "v=DMARC1; p=reject"
            _dmarc.dept.example.co.uk. TXT "v=DMARC1; p=none"
            """);

    @Test
    void presets() {
        DmarcConfig rfc9989 = DmarcConfig.rfc9989(DNS);
        assertThat(rfc9989.mode()).isEqualTo(DmarcMode.RFC9989);
        assertThat(rfc9989.publicSuffixList()).isNull();
        assertThat(rfc9989.multipleAuthorDomains()).isEqualTo(DmarcConfig.MultipleAuthorDomains.EVALUATE_EACH);
        assertThat(rfc9989.maxAuthorDomains()).isEqualTo(DmarcConfig.DEFAULT_MAX_AUTHOR_DOMAINS);
        assertThat(rfc9989.trustedArcSealers()).isEmpty();
        DmarcConfig rfc7489 = DmarcConfig.rfc7489(DNS);
        assertThat(rfc7489.mode()).isEqualTo(DmarcMode.RFC7489);
        assertThat(rfc7489.publicSuffixList()).isSameAs(PublicSuffixList.bundled());
        assertThat(rfc7489.toBuilder().build().publicSuffixList()).isSameAs(PublicSuffixList.bundled());
    }

    /** The same message, two Organizational Domain functions: the tree walk and the PSL. */
    @Test
    void the_mode_switches_the_organizational_domain_function() {
        assertThat(new DmarcEvaluator(DmarcConfig.rfc9989(DNS)).organizationalDomain("a.dept.example.co.uk")
                .organizationalDomain()).isEqualTo("example.co.uk");
        assertThat(new DmarcEvaluator(DmarcConfig.rfc7489(DNS)).organizationalDomain("a.dept.example.co.uk")
                .organizationalDomain()).isEqualTo("example.co.uk");
        ScriptedResolver nothing = ScriptedResolver.empty();
        assertThat(new DmarcEvaluator(DmarcConfig.rfc9989(nothing)).organizationalDomain("A.Dept.Example.co.uk")
                .organizationalDomain()).as("no records: the name itself").isEqualTo("a.dept.example.co.uk");
        OrganizationalDomain failed = new DmarcEvaluator(DmarcConfig.rfc9989(ScriptedResolver.empty()
                .tempFail("_dmarc.uk", "timed out"))).organizationalDomain("example.co.uk");
        assertThat(failed.isKnown()).isFalse();
        assertThat(failed.detail()).contains("timed out");
    }

    /** Operators replace the bundled list with a file (configuration); RFC 7489 mode then follows it. */
    @Test
    void a_public_suffix_list_file_replaces_the_bundled_one(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("public_suffix_list.dat");
        Files.writeString(file, "uk\nco.uk\nexample.co.uk\n");
        DmarcConfig config = DmarcConfig.rfc7489(DNS).toBuilder().publicSuffixListFile(file).build();
        assertThat(config.publicSuffixList().source()).isEqualTo(file.toString());
        DmarcEvaluator evaluator = new DmarcEvaluator(config);
        assertThat(evaluator.organizationalDomain("a.dept.example.co.uk").organizationalDomain())
                .isEqualTo("dept.example.co.uk");
        DmarcVerdict verdict = evaluator.evaluate(DmarcRequest.builder(AuthorDomains.of("a.dept.example.co.uk"))
                .dkim(DkimInput.pass("example.co.uk", "s")).build());
        assertThat(verdict.policy().domain()).isEqualTo("dept.example.co.uk");
        assertThat(verdict.result()).isEqualTo(DmarcResult.FAIL);

        Files.writeString(file, "// nothing\n");
        assertThatThrownBy(() -> DmarcConfig.rfc7489(DNS).toBuilder().publicSuffixListFile(file))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bad_settings_fail_fast() {
        assertThatThrownBy(() -> DmarcConfig.builder(DNS).maxAuthorDomains(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DmarcConfig.builder(DNS).trustedArcSealers(Set.of("not a domain")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a domain");
        assertThat(DmarcConfig.builder(DNS).trustedArcSealers(Set.of("Lists.Example.ORG.")).build()
                .trustedArcSealers()).containsExactly("lists.example.org");
    }

    @Test
    void one_evaluator_serves_many_messages() {
        DmarcEvaluator evaluator = new DmarcEvaluator(DmarcConfig.rfc9989(DNS));
        for (int i = 0; i < 3; i++) {
            assertThat(evaluator.evaluate(DmarcRequest.builder(AuthorDomains.of("example.co.uk"))
                    .dkim(DkimInput.pass("mail.example.co.uk", "s")).build()).result()).isEqualTo(DmarcResult.PASS);
        }
        assertThat(List.of(DmarcMode.values())).containsExactly(DmarcMode.RFC9989, DmarcMode.RFC7489);
    }
}
