package dev.inkan.dmarc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.inkan.conformance.ConformanceSuite;
import dev.inkan.dns.ScriptedResolver;
import dev.inkan.message.HeaderBlock;
import dev.inkan.message.HeaderField;
import dev.inkan.publicsuffix.PublicSuffixList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OpenDMARC's test tables ({@code dmarc/opendmarc/opendmarc-tests.json}, transcribed from its C tests) mapped
 * onto Inkan's semantics. Every case must agree or be listed in {@link #DIFFERENCES} with our answer and the
 * RFC section behind it; {@link #summary()} prints the counts. The mapping of each table:
 *
 * <ul>
 *   <li><b>dmarc_record_parse</b> (run in both modes): OpenDMARC's parser code is compared with the code our
 *       reading implies: not a DMARC record → {@code EMPTY} for empty text, else {@code BAD_VERSION}; a tag
 *       the mode defines ({@link DmarcMode#tags()}) in {@link DmarcRecord#invalidTags()} → {@code BAD_VALUE}
 *       (RFC 9989 no longer defines {@code pct}, {@code rf}, {@code ri}: ignored, so {@code OKAY}); no {@code p} in RFC 7489 mode →
 *       {@code NO_REQUIRED_P}; otherwise {@code OKAY}. Mapping decision: OpenDMARC refuses the whole record on
 *       {@code BAD_VALUE}; we discard only the bad tag (RFC 9989 §4.8, RFC 7489 §6.3), so a record with a bad
 *       {@code adkim}, {@code pct}, {@code rf}... still applies, while a bad {@code p}/{@code sp} without a
 *       valid {@code rua} is permerror (§4.10.1) — asserted by {@link #record_parse_consequences()}.</li>
 *   <li><b>from_header_domain</b>: the value as the body of one From field; OpenDMARC's domain must be our only
 *       Author Domain.</li>
 *   <li><b>alignment</b> ({@code subdomain} is the Author Domain, {@code tld} a passing DKIM {@code d=}, {@code
 *       mode} the record's {@code adkim}; 0 = aligned = DMARC pass): run three ways — RFC 7489 mode with the
 *       bundled PSL and a record at the author's PSL Organizational Domain; RFC 9989 mode on the same DNS; RFC
 *       9989 mode with a record at the Author Domain only, where the tree walk and the PSL part ways (RFC 9989
 *       Appendix C.3). An Author Domain that is not a domain name is permerror, i.e. not aligned.</li>
 *   <li><b>org_domain_psl</b>: {@link DmarcEvaluator#organizationalDomain} in RFC 7489 mode (bundled PSL, not
 *       OpenDMARC's 2014 list), and in RFC 9989 mode with a record published at each expected Organizational
 *       Domain. A name that is not a domain name is refused.</li>
 * </ul>
 */
class OpenDmarcConformanceTest {

    /** One comparison: OpenDMARC's expectation and our answer, both as text. */
    record Case(String table, String variant, String input, String expected, String ours) {
        String key() {
            return table + " | " + variant + " | " + input;
        }

        @Override
        public String toString() {
            return key() + " (OpenDMARC " + expected + ", ours " + ours + ")";
        }
    }

    /** A case where our answer differs from OpenDMARC's: our answer, and why. */
    record Difference(String ours, String why) {
    }

    private static final String NOT_A_DOMAIN = "RFC 1035 §2.3.1, RFC 5322 §3.4.1: leading, trailing (beyond one) or"
            + " doubled dots make empty labels, so this is no domain name and nothing aligns with it; OpenDMARC strips"
            + " the dots";
    private static final String TREE_WALK = "RFC 9989 §4.10.2, Appendix C.3: with a record only at the Author Domain"
            + " the walk makes it its own Organizational Domain (step 3, the fewest labels among records found), so"
            + " a sibling or parent identifier no longer shares it; the PSL put both under the registered domain";

    private static final String HISTORIC = "RFC 9989 §9.3, Appendix C.5.2: pct, rf and ri are historic, removed from"
            + " DMARC; to RFC 9989 they are unknown tags, ignored whatever their value (§4.7)";

    static final Map<String, Difference> DIFFERENCES = Map.ofEntries(
            Map.entry("dmarc_record_parse | RFC9989 | v=DMARC1; p=n;", new Difference("DMARC_PARSE_ERROR_BAD_VALUE",
                    "RFC 9989 §4.8 dmarc-request is \"none\" / \"quarantine\" / \"reject\"; OpenDMARC takes a prefix."
                            + " Without rua the record is then unusable: permerror (§4.10.1)")),
            Map.entry("dmarc_record_parse | RFC7489 | v=DMARC1; p=n;", new Difference("DMARC_PARSE_ERROR_BAD_VALUE",
                    "RFC 7489 §6.4 dmarc-request likewise; then §6.6.3 step 6: no DMARC processing")),
            Map.entry("dmarc_record_parse | RFC9989 | v=DMARC1; p=none; rf=bob;", new Difference("DMARC_PARSE_OKAY",
                    HISTORIC)),
            Map.entry("dmarc_record_parse | RFC9989 | v=DMARC1; p=none; ri=bob;", new Difference("DMARC_PARSE_OKAY",
                    HISTORIC)),
            Map.entry("dmarc_record_parse | RFC9989 | v=DMARC1; p=none; pct=500;", new Difference("DMARC_PARSE_OKAY",
                    HISTORIC)),
            Map.entry("dmarc_record_parse | RFC9989 | v=DMARC1; p=none; rf=000000000000000000000000000000000",
                    new Difference("DMARC_PARSE_OKAY", HISTORIC)),
            Map.entry("dmarc_record_parse | RFC9989 | v=DMARC1; pct=100;", new Difference("DMARC_PARSE_OKAY",
                    "RFC 9989 §4.7 p: \"If this tag is not present in an otherwise syntactically valid DMARC Policy"
                            + " Record, then the record is treated as if it included p=none\"; pct is historic")),
            Map.entry("from_header_domain | RFC5322 | Joe Johnson <joe@joe.com>, ace@ace.com", new Difference(
                    "[joe.com, ace.com]", "RFC 9989 §5.3.1, §11.5: two author domains; each is evaluated and the"
                            + " strictest failing policy applies; OpenDMARC takes the first")),
            Map.entry("from_header_domain | RFC5322 | joe@joe.com, ace@ace.com", new Difference("[joe.com, ace.com]",
                    "RFC 9989 §5.3.1, §11.5: two author domains, each evaluated")),
            Map.entry("alignment | RFC7489-psl | .mac.com. ~ mac.com strict", new Difference("-1", NOT_A_DOMAIN)),
            Map.entry("alignment | RFC7489-psl | ....mac.com.... ~ mac.com strict", new Difference("-1", NOT_A_DOMAIN)),
            Map.entry("alignment | RFC9989-registered | .mac.com. ~ mac.com strict", new Difference("-1", NOT_A_DOMAIN)),
            Map.entry("alignment | RFC9989-registered | ....mac.com.... ~ mac.com strict",
                    new Difference("-1", NOT_A_DOMAIN)),
            Map.entry("alignment | RFC9989-author-only | .mac.com. ~ mac.com strict", new Difference("-1", NOT_A_DOMAIN)),
            Map.entry("alignment | RFC9989-author-only | ....mac.com.... ~ mac.com strict",
                    new Difference("-1", NOT_A_DOMAIN)),
            Map.entry("alignment | RFC9989-author-only | a.b.c.bcx.com ~ bcx.com relaxed", new Difference("-1", TREE_WALK)),
            Map.entry("alignment | RFC9989-author-only | a.foo.com ~ b.foo.com relaxed", new Difference("-1", TREE_WALK)),
            Map.entry("alignment | RFC9989-author-only | a.b.com ~ b.com relaxed", new Difference("-1", TREE_WALK)),
            Map.entry("org_domain_psl | RFC7489-psl | a.b.c.\\0xd8\\0xa7\\0xdb\\0x8c\\0xd8\\0xb1\\0xd8\\0xa7\\0xd9\\0x86.ar",
                    new Difference("not a domain name", "the transcription keeps the C source's malformed escapes:"
                            + " backslashes are no LDH label (RFC 5890 §2.3.1); read as intended (the UTF-8 label ایران),"
                            + " the current PSL has no rule ایران.ar, so the answer would be xn--mgba3a4f16a.ar")),
            Map.entry("org_domain_psl | RFC9989-registered | a.b.c.\\0xd8\\0xa7\\0xdb\\0x8c\\0xd8\\0xb1\\0xd8\\0xa7\\0xd9"
                    + "\\0x86.ar", new Difference("not a domain name", "as in RFC 7489 mode: not a domain name")));

    private static final JsonNode TABLES = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(ConformanceSuite.resolve("dmarc/opendmarc/opendmarc-tests.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> recordParse() {
        List<Case> cases = new ArrayList<>();
        for (DmarcMode mode : DmarcMode.values()) {
            for (JsonNode c : TABLES.get("dmarc_record_parse")) {
                String record = c.get("record").asText();
                cases.add(new Case("dmarc_record_parse", mode.name(), record, c.get("expect").asText(),
                        parseCode(record, mode)));
            }
        }
        return cases;
    }

    private static String parseCode(String text, DmarcMode mode) {
        DmarcRecordParse parse = DmarcRecordParser.parse(text);
        if (!parse.isDmarc()) {
            return text.isBlank() ? "DMARC_PARSE_ERROR_EMPTY" : "DMARC_PARSE_ERROR_BAD_VERSION";
        }
        if (parse.record().invalidTags().stream().anyMatch(mode.tags()::contains)) {
            return "DMARC_PARSE_ERROR_BAD_VALUE";
        }
        return mode == DmarcMode.RFC7489 && !parse.record().has("p") ? "DMARC_PARSE_ERROR_NO_REQUIRED_P"
                : "DMARC_PARSE_OKAY";
    }

    static List<Case> fromHeader() {
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : TABLES.get("from_header_domain")) {
            String from = c.get("from").asText();
            HeaderBlock headers = new HeaderBlock(List.of(new HeaderField(("From: " + from + "\r\n")
                    .getBytes(StandardCharsets.UTF_8))));
            cases.add(new Case("from_header_domain", "RFC5322", from, "[" + c.get("domain").asText() + "]",
                    AuthorDomains.from(headers).domains().toString()));
        }
        return cases;
    }

    static List<Case> alignment() {
        List<Case> cases = new ArrayList<>();
        for (String variant : List.of("RFC7489-psl", "RFC9989-registered", "RFC9989-author-only")) {
            for (JsonNode c : TABLES.get("alignment")) {
                String author = c.get("subdomain").asText();
                String d = c.get("tld").asText();
                boolean strict = c.get("mode").asText().endsWith("STRICT");
                String input = author + " ~ " + d + (strict ? " strict" : " relaxed");
                cases.add(new Case("alignment", variant, input, c.get("expect").asText(),
                        aligned(variant, author, d, strict) ? "0" : "-1"));
            }
        }
        return cases;
    }

    /** A DMARC evaluation with one passing signature of {@code d}: pass means aligned. */
    private static boolean aligned(String variant, String author, String d, boolean strict) {
        String record = "v=DMARC1; p=reject; adkim=" + (strict ? "s" : "r");
        String published = variant.endsWith("author-only") ? DomainNames.normalise(author).orElse(null)
                : DomainNames.normalise(author).flatMap(a -> PublicSuffixList.bundled().registrableDomain(a)).orElse(null);
        ScriptedResolver dns = ScriptedResolver.empty();
        if (published != null) {
            dns.txt("_dmarc." + published, record);
        }
        DmarcConfig config = DmarcConfig.builder(dns)
                .mode(variant.startsWith("RFC7489") ? DmarcMode.RFC7489 : DmarcMode.RFC9989).build();
        DmarcVerdict verdict = DmarcTesting.evaluate(config, author, List.of(DkimInput.pass(d, "s")), null);
        assertThat(verdict.result()).as(variant + " " + author).isIn(DmarcResult.PASS, DmarcResult.FAIL,
                DmarcResult.PERMERROR);
        return verdict.passed();
    }

    static List<Case> orgDomain() {
        List<Case> cases = new ArrayList<>();
        for (String variant : List.of("RFC7489-psl", "RFC9989-registered")) {
            for (JsonNode c : TABLES.get("org_domain_psl")) {
                String domain = c.get("domain").asText();
                String expected = c.get("org").asText();
                cases.add(new Case("org_domain_psl", variant, domain, expected, organizational(variant, domain,
                        expected)));
            }
        }
        return cases;
    }

    private static String organizational(String variant, String domain, String expected) {
        ScriptedResolver dns = ScriptedResolver.empty();
        DomainNames.normalise(expected).ifPresent(org -> dns.txt("_dmarc." + org, "v=DMARC1; p=none"));
        DmarcConfig config = DmarcConfig.builder(dns)
                .mode(variant.startsWith("RFC7489") ? DmarcMode.RFC7489 : DmarcMode.RFC9989).build();
        try {
            return new DmarcEvaluator(config).organizationalDomain(domain).organizationalDomain();
        } catch (IllegalArgumentException e) {
            return "not a domain name";
        }
    }

    static Stream<Case> cases() {
        return Stream.of(recordParse(), fromHeader(), alignment(), orgDomain()).flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void opendmarc_case(Case c) {
        Difference difference = DIFFERENCES.get(c.key());
        if (difference == null) {
            assertThat(c.ours()).as(c.toString()).isEqualTo(c.expected());
        } else {
            assertThat(c.ours()).as(c + "; listed: " + difference.why()).isEqualTo(difference.ours())
                    .isNotEqualTo(c.expected());
        }
    }

    /** What our reading of each parse case means for an evaluation of a failing message (mapping decision). */
    @Test
    void record_parse_consequences() {
        for (DmarcMode mode : DmarcMode.values()) {
            for (JsonNode c : TABLES.get("dmarc_record_parse")) {
                String record = c.get("record").asText();
                ScriptedResolver dns = ScriptedResolver.empty().txt("_dmarc.abuse.net", record);
                DmarcVerdict verdict = DmarcTesting.evaluate(DmarcConfig.builder(dns).mode(mode).build(), "abuse.net",
                        List.of(), null);
                DmarcRecordParse parse = DmarcRecordParser.parse(record);
                DmarcResult expected;
                if (!parse.isDmarc()) {
                    expected = DmarcResult.NONE;
                } else {
                    DmarcRecord r = parse.record();
                    boolean policyBroken = r.isInvalid("p") || r.isInvalid("sp")
                            || (mode == DmarcMode.RFC7489 && !r.has("p"));
                    expected = policyBroken && r.rua().isEmpty() ? DmarcResult.PERMERROR : DmarcResult.FAIL;
                }
                assertThat(verdict.result()).as(mode + " " + record).isEqualTo(expected);
            }
        }
        assertThatThrownBy(() -> new DmarcEvaluator(DmarcConfig.rfc7489(ScriptedResolver.empty()))
                .organizationalDomain("a..example")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void summary() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        List<Case> all = cases().toList();
        for (Case c : all) {
            int[] count = counts.computeIfAbsent(c.table() + " [" + c.variant() + "]", k -> new int[2]);
            Difference difference = DIFFERENCES.get(c.key());
            if (difference == null && c.ours().equals(c.expected())) {
                count[0]++;
            } else if (difference != null && c.ours().equals(difference.ours()) && !c.ours().equals(c.expected())) {
                count[1]++;
            } else {
                failures.add(c.toString());
            }
        }
        counts.forEach((table, count) -> System.out.println("OpenDMARC conformance " + table + ": "
                + (count[0] + count[1]) + " cases, agreed=" + count[0] + ", listed differences=" + count[1]));
        new java.util.TreeMap<>(DIFFERENCES).forEach((key, difference) -> System.out.println("  difference " + key + " -> ours "
                + difference.ours() + ": " + difference.why()));
        assertThat(failures).isEmpty();
        assertThat(all.stream().filter(c -> DIFFERENCES.containsKey(c.key())).count())
                .as("every listed difference is a case").isEqualTo(DIFFERENCES.size());
        assertThat(all).hasSize(19 * 2 + 13 + 10 * 3 + 4 * 2);
    }
}
