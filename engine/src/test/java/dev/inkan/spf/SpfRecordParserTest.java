package dev.inkan.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The record grammar of RFC 7208 §12: selection, every mechanism's syntax, modifiers, syntax errors. */
class SpfRecordParserTest {

    @ParameterizedTest(name = "\"{0}\" is an SPF record: {1}")
    @CsvSource(delimiter = '|', value = {
        "v=spf1|true", "v=spf1 -all|true", "V=SpF1 mx|true", "v=spf10|false", "v=spf1mx|false", "v=spf2.0/pra|false",
        "' v=spf1'|false", "spf1|false", "v=spf1\t-all|false"})
    void recordSelection(String txt, boolean spf) {
        assertThat(SpfRecordParser.isSpfRecord(txt)).isEqualTo(spf);
    }

    @ParameterizedTest(name = "syntax error: \"{0}\" ({1})")
    @CsvSource(delimiter = '|', value = {
        "v=spf1 -all moo|unknown mechanism",
        "v=spf1 -all.|unknown mechanism",
        "v=spf1 -all:foobar|all takes no argument",
        "v=spf1 -all/8|all takes no argument",
        "v=spf1 redirect:example.com|unknown mechanism",
        "v=spf1 =all|unknown mechanism",
        "v=spf1 1up=foo|unknown mechanism",
        "v=spf1 moo.cow/far_out=man:dog/cat|unknown mechanism",
        "v=spf1 include|include needs",
        "v=spf1 include:|empty domain-spec",
        "v=spf1 include:example.com/24|top label",
        "v=spf1 exists|exists needs",
        "v=spf1 exists:mail.example.com/24|top label",
        "v=spf1 a:|empty domain-spec",
        "v=spf1 a/33|CIDR",
        "v=spf1 a//129|CIDR",
        "v=spf1 a/24/64|CIDR",
        "v=spf1 a/032|CIDR",
        "v=spf1 a:example.com:8080|top label",
        "v=spf1 a:111.222.33.44|top label",
        "v=spf1 mx:abc.123|top label",
        "v=spf1 mx: -all|empty domain-spec",
        "v=spf1 ptr/0|ptr needs",
        "v=spf1 ptr:|empty domain-spec",
        "v=spf1 ip4|ip4 needs",
        "v=spf1 ip4:1.2.3.4/33|CIDR",
        "v=spf1 ip4:1.2.3.4/032|CIDR",
        "v=spf1 ip4:1.2.3.4//32|CIDR",
        "v=spf1 ip4:1.2.3|dotted quad",
        "v=spf1 ip4:1.2.3.4:8080|dotted quad",
        "v=spf1 ip4:01.2.3.4|dotted quad",
        "v=spf1 ip4:256.2.3.4|dotted quad",
        "v=spf1 ip6|ip6 needs",
        "v=spf1 ip6::CAFE::BABE|IPv6",
        "v=spf1 ip6:2001:db8::/129|CIDR",
        "v=spf1 ip6:::1.1.1.1//33|CIDR",
        "v=spf1 ip6:2001:db8:ZZZZ::|IPv6",
        "v=spf1 exp= -all|empty domain-spec",
        "v=spf1 exp=-all|top label",
        "v=spf1 redirect=|empty domain-spec",
        "v=spf1 redirect=a.example.com redirect=b.example.com|more than once",
        "v=spf1 exp=a.example.com EXP=b.example.com|more than once",
        "v=spf1 foo=%abc|'%' followed by",
        "v=spf1 -exists:%(ir).sbl.example.org|'%' followed by",
        "v=spf1 a:%{c}.example.com|macro letter",
    })
    void syntaxErrors(String record, String because) {
        SpfRecordParse parse = SpfRecordParser.parse(record);
        assertThat(parse.isOk()).as(record).isFalse();
        assertThat(parse.error()).contains(because);
    }

    @ParameterizedTest(name = "control or non-ASCII character: {0}")
    @ValueSource(strings = {"v=spf1 a:ctrl.example.com\rptr -all", "v=spf1 ip4:192.0.2.5\n include:x.example.com",
        "v=spf1 a:foo.example.com\0", "v=spf1 \u0080a:example.net -all", "v=spf1 a:example.net \u0096all",
        "v=spf1 a:\u00ef\u00bb\u00bfgarbage.example.net -all", "v=spf1 ip4:192.0.2.1\t-all"})
    void controlAndNonAsciiCharactersAreSyntaxErrors(String record) {
        assertThat(SpfRecordParser.parse(record).isOk()).isFalse();
    }

    @Test
    void parsesEveryMechanismWithDefaults() {
        SpfRecord record = SpfRecordParser.parse("v=spf1  +a -mx:example.org/24 ~ptr ?ip4:192.0.2.0/24"
                + " ip6:2001:db8::/32 include:_spf.example.net exists:%{ir}.bl.example.org a//64 mx/16//48"
                + " ALL redirect=_spf.example.com exp=explain.%{d} moo.cow-far_out=man:dog/cat default=+ ").record();
        List<SpfDirective> d = record.directives();
        assertThat(d).extracting(SpfDirective::qualifier).containsExactly(SpfQualifier.PASS, SpfQualifier.FAIL,
                SpfQualifier.SOFTFAIL, SpfQualifier.NEUTRAL, SpfQualifier.PASS, SpfQualifier.PASS, SpfQualifier.PASS,
                SpfQualifier.PASS, SpfQualifier.PASS, SpfQualifier.PASS);
        assertThat(d.get(0).mechanism()).isEqualTo(new SpfMechanism.A(null, 32, 128));
        assertThat(((SpfMechanism.Mx) d.get(1).mechanism()).ip4Prefix()).isEqualTo(24);
        assertThat(((SpfMechanism.Mx) d.get(1).mechanism()).domainSpec().text()).isEqualTo("example.org");
        assertThat(d.get(2).mechanism()).isEqualTo(new SpfMechanism.Ptr(null));
        assertThat(d.get(3).mechanism()).isEqualTo(new SpfMechanism.Ip4(new byte[] {(byte) 192, 0, 2, 0}, 24));
        assertThat(((SpfMechanism.Ip6) d.get(4).mechanism()).prefix()).isEqualTo(32);
        assertThat(d.get(7).mechanism()).isEqualTo(new SpfMechanism.A(null, 32, 64));
        assertThat(d.get(8).mechanism()).isEqualTo(new SpfMechanism.Mx(null, 16, 48));
        assertThat(d.get(9).mechanism()).isInstanceOf(SpfMechanism.All.class);
        assertThat(d.get(1).text()).isEqualTo("-mx:example.org/24");
        assertThat(record.redirect().text()).isEqualTo("_spf.example.com");
        assertThat(record.explanation().text()).isEqualTo("explain.%{d}");
        assertThat(record.hasAll()).isTrue();
    }

    @Test
    void domainSpecMayContainColonsAndSlashesBeforeTheCidr() {
        SpfMechanism.A a = (SpfMechanism.A) SpfRecordParser.parse("v=spf1 a:foo:bar/baz.example.com/24//64")
                .record().directives().get(0).mechanism();
        assertThat(a.domainSpec().text()).isEqualTo("foo:bar/baz.example.com");
        assertThat(a.ip4Prefix()).isEqualTo(24);
        assertThat(a.ip6Prefix()).isEqualTo(64);
    }

    @Test
    void emptyRecordAndUnknownModifiersAreValid() {
        assertThat(SpfRecordParser.parse("v=spf1").record().directives()).isEmpty();
        assertThat(SpfRecordParser.parse("v=spf1 ip4:192.0.2.1 -all moo= match.sub-domains_9=yes").isOk()).isTrue();
    }

    @Test
    void ipv4MappedNetworkInIp6StaysIpv6() {
        SpfMechanism.Ip6 ip6 = (SpfMechanism.Ip6) SpfRecordParser.parse("v=spf1 ip6:::FFFF:1.2.3.4").record()
                .directives().get(0).mechanism();
        assertThat(ip6.network()).hasSize(16);
        assertThat(ip6.prefix()).isEqualTo(128);
    }
}
