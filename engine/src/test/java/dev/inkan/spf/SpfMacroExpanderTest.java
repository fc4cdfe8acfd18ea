package dev.inkan.spf;

import dev.inkan.net.IpLiteral;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.spf.SpfMacroString.Kind;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The macro language of RFC 7208 §7: every §7.4 example, the special cases, escaping, truncation, syntax. */
class SpfMacroExpanderTest {

    static final InetAddress IP4 = IpLiteral.parse("192.0.2.3").orElseThrow();
    static final InetAddress IP6 = IpLiteral.parse("2001:db8::cb01").orElseThrow();

    /** RFC 7208 §7.4: sender strong-bad@email.example.com, PTR name mx.example.org. */
    static SpfMacroValues values(InetAddress ip) {
        return new SpfMacroValues("strong-bad@email.example.com", "strong-bad", "email.example.com",
                "email.example.com", ip, "mx.example.org", "mx.example.org", "receiver.example.net", 1_400_000_000L);
    }

    static String name(String domainSpec, InetAddress ip) {
        SpfMacroParse parsed = SpfMacroString.parse(domainSpec, Kind.DOMAIN_SPEC);
        assertThat(parsed.error()).as(domainSpec).isNull();
        return SpfMacroExpander.expandName(parsed.value(), values(ip));
    }

    static String explanation(String text, InetAddress ip) {
        SpfMacroParse parsed = SpfMacroString.parse(text, Kind.EXPLAIN_STRING);
        assertThat(parsed.error()).as(text).isNull();
        return SpfMacroExpander.expandExplanation(parsed.value(), values(ip), 1000);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "%{s}|strong-bad@email.example.com",
        "%{o}|email.example.com",
        "%{d}|email.example.com",
        "%{d4}|email.example.com",
        "%{d3}|email.example.com",
        "%{d2}|example.com",
        "%{d1}|com",
        "%{dr}|com.example.email",
        "%{d2r}|example.email",
        "%{l}|strong-bad",
        "%{l-}|strong.bad",
        "%{lr}|strong-bad",
        "%{lr-}|bad.strong",
        "%{l1r-}|strong",
        "%{ir}.%{v}._spf.%{d2}|3.2.0.192.in-addr._spf.example.com",
        "%{lr-}.lp._spf.%{d2}|bad.strong.lp._spf.example.com",
        "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}|bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
        "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}|3.2.0.192.in-addr.strong.lp._spf.example.com",
        "%{d2}.trusted-domains.example.net|example.com.trusted-domains.example.net",
    })
    void rfc7208Section74Examples(String macro, String expansion) {
        assertThat(SpfMacroExpander.expandExplanation(SpfMacroString.parse(macro, Kind.EXPLAIN_STRING).value(),
                values(IP4), 1000)).isEqualTo(expansion);
    }

    @Test
    void rfc7208Section74Ipv6Example() {
        assertThat(name("%{ir}.%{v}._spf.%{d2}", IP6)).isEqualTo(
                "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com");
    }

    @Test
    void specialSequencesPercentSpaceAndUrlSpace() {
        assertThat(name("a%%b%_c%-d.example.com", IP4)).isEqualTo("a%b c%20d.example.com");
    }

    @Test
    void upperCaseLettersAreUrlEscapedAfterTransformation() {
        SpfMacroValues v = new SpfMacroValues("~jack&jill=up-a_b3.c@e8.example.com", "~jack&jill=up-a_b3.c",
                "e8.example.com", "e8.example.com", IP4, "unknown", "hëlo", "r", 0);
        assertThat(SpfMacroExpander.expandExplanation(SpfMacroString.parse("%{L} %{H} %{D2R}",
                Kind.EXPLAIN_STRING).value(), v, 1000)).isEqualTo("~jack%26jill%3Dup-a_b3.c h%C3%ABlo example.e8");
    }

    @Test
    void explanationOnlyLettersAndTheirValues() {
        assertThat(explanation("%{c} %{r} %{t} %{p} %{h} %{i}", IP4))
                .isEqualTo("192.0.2.3 receiver.example.net 1400000000 mx.example.org mx.example.org 192.0.2.3");
        assertThat(explanation("%{c} is %{v}", IP6)).isEqualTo("2001:db8::cb01 is ip6");
    }

    @Test
    void multipleDelimitersAndEmptyParts() {
        SpfMacroValues v = new SpfMacroValues("foo-bar+zip+quux@x.example", "foo-bar+zip+quux", "x.example",
                "a..b.example", IP4, "", "", "", 0);
        assertThat(SpfMacroExpander.expandExplanation(SpfMacroString.parse("%{l2r+-} %{lr+-} %{dr}",
                Kind.EXPLAIN_STRING).value(), v, 1000)).isEqualTo("bar.foo quux.zip.bar.foo example.b..a");
    }

    @Test
    void trailingDotIsRemovedFromNamesButKeptInExplanations() {
        assertThat(name("%{d}.example.net.", IP4)).isEqualTo("email.example.com.example.net");
        assertThat(explanation("This is a test.", IP4)).isEqualTo("This is a test.");
    }

    @Test
    void longNamesAreTruncatedFromTheLeftByWholeLabels() {
        String spec = "foobar." + "%{o}.".repeat(14) + "example.com";
        String full = "foobar." + "email.example.com.".repeat(14) + "example.com";
        String expanded = name(spec, IP4);
        assertThat(full).hasSize(270);
        assertThat(expanded).hasSize(249).isEqualTo(full.substring(21)).startsWith("com.email.");
        assertThat(SpfMacroExpander.truncateFromLeft("a".repeat(100) + "." + "b".repeat(100) + "." + "c".repeat(100)))
                .isEqualTo("b".repeat(100) + "." + "c".repeat(100));
    }

    @Test
    void absurdExpansionsStayBounded() {
        String huge = "x".repeat(50_000) + ".example";
        SpfMacroValues v = new SpfMacroValues("u@" + huge, "u", huge, huge, IP4, "", "", "", 0);
        SpfMacroString spec = SpfMacroString.parse("%{d}%{d}%{d}%{d99999999999}%{d}.example.com",
                Kind.DOMAIN_SPEC).value();
        assertThat(SpfMacroExpander.expandName(spec, v)).hasSizeLessThanOrEqualTo(253).endsWith("example.com");
        SpfMacroString text = SpfMacroString.parse("%{o} %{o} %{o}", Kind.EXPLAIN_STRING).value();
        assertThat(SpfMacroExpander.expandExplanation(text, v, 512)).hasSize(512);
    }

    @Test
    void explanationsAreUsAscii() {
        SpfMacroValues v = new SpfMacroValues("jörg@example.com", "jörg\u0007", "example.com", "example.com", IP4, "",
                "", "", 0);
        assertThat(SpfMacroExpander.expandExplanation(SpfMacroString.parse("%{l} here",
                Kind.EXPLAIN_STRING).value(), v, 100)).isEqualTo("j?rg? here");
    }

    @ParameterizedTest(name = "invalid domain-spec \"{0}\"")
    @ValueSource(strings = {
        "", "%", "foo%", "%x.example.com", "%(ir).sbl.example.org", "%{", "%{}.example.com", "%{x}.example.com",
        "%{d0}.example.com", "%{d2r+-x}.example.com", "%{c}.example.com", "%{r}.example.com", "%{t}.example.com",
        "museum", "museum.", "example.-com", "abc.123", "foo-bar", "a b.example.com", "ex\u00e4mple.com",
        "foo.example.com/24x", "%{d}com"})
    void invalidDomainSpecs(String spec) {
        assertThat(SpfMacroString.parse(spec, Kind.DOMAIN_SPEC).isOk()).isFalse();
    }

    @ParameterizedTest(name = "valid domain-spec \"{0}\"")
    @ValueSource(strings = {
        "example.com", "example.com.", "%{d}", "%{ir}.%{v}._spf.%{d2}", "foo:bar/baz.example.com",
        "foo.example.xn--zckzah", "_spf.%{d}", "%{d}.1-2", "%{l1r+-=/,_.}.example.com", "mail.example...com",
        ".com", "x.%%", "%{D2R}.Example.COM"})
    void validDomainSpecs(String spec) {
        assertThat(SpfMacroString.parse(spec, Kind.DOMAIN_SPEC).error()).isNull();
    }

    @Test
    void explainStringsAllowSpacesAndCrtButNothingElse() {
        assertThat(SpfMacroString.parse("%{c} at %{t} by %{r}", Kind.EXPLAIN_STRING).isOk()).isTrue();
        assertThat(SpfMacroString.parse("The %{x}-files.", Kind.EXPLAIN_STRING).isOk()).isFalse();
        assertThat(SpfMacroString.parse("tab\there", Kind.EXPLAIN_STRING).isOk()).isFalse();
        assertThat(SpfMacroString.parse("\u00efExplanation", Kind.EXPLAIN_STRING).isOk()).isFalse();
    }
}
