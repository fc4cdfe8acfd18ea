package dev.inkan.senderid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.net.IpLiteral;
import dev.inkan.spf.SpfResult;
import dev.inkan.spf.SpfSuiteRunner;
import dev.inkan.spf.SpfTestZone;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against Mail::SPF's Sender ID (Debian libmail-spf-perl, scopes "pra" and "mfrom"), one perl
 * process for the whole batch: {@value #SCENARIOS} × {@value #CLIENTS} generated scenarios ({@link
 * SenderIdGeneratedCases}), each checked in both scopes, and hand-made cases. Mail::SPF is given the identity
 * Inkan checks (it has no PRA extraction; RFC 4407 §2 is {@link PraSelectorTest}'s) and the same DNS data.
 *
 * <p>Where Mail::SPF departs from RFC 4406 the case is a listed deviation, asserted to really differ, with our RFC
 * answer asserted: the hand-made {@link #DEVIATIONS}; and, for the PRA scope, Mail::SPF reading no {@code v=spf1}
 * records ({@code Mail::SPF::Request} {@code versions_for_scope}: pra → [2]; RFC 4406 §3.4 and §4.4 step 4 use
 * them): a generated PRA check that differs must agree with Inkan run on the zone without v=spf1 records, and
 * only such checks may differ.
 */
class MailSpfSenderIdInteropTest {

    static final int SCENARIOS = 70;
    static final int CLIENTS = 4;
    static final long SEED = 4406;

    /** A hand-made check where Mail::SPF's answer is not RFC 4406's: our answer, and why Mail::SPF differs. */
    record Deviation(SpfResult rfcResult, String reason) {
    }

    static final Map<String, Deviation> DEVIATIONS = Map.of(
            "pra-nxdomain", new Deviation(SpfResult.FAIL, "RFC 4406 §4.3: for the PRA test NXDOMAIN ends"
                    + " check_host() with Fail; Mail::SPF treats NXDOMAIN as an empty answer (none)"),
            "pra-v1-only", new Deviation(SpfResult.FAIL, "RFC 4406 §3.4, §4.4 step 4: without an spf2.0/pra record"
                    + " the v=spf1 record is used for pra; Mail::SPF reads only spf2.0 records for pra (none)"),
            "mfrom-unselected-v1-syntax-error", new Deviation(SpfResult.PASS, "RFC 4406 §4.4 step 4: the"
                    + " spf2.0/mfrom record takes precedence and only it is evaluated (RFC 7208 §4.6: syntax errors"
                    + " of the selected record); Mail::SPF parses every record it could select and fails on the"
                    + " v=spf1 one (permerror)"),
            "pra-minor-version", new Deviation(SpfResult.PASS, "RFC 4406 §4.4 step 2: the minor version must be"
                    + " well formed but is otherwise ignored; Mail::SPF knows only spf2.0 (none)"),
            "pra-unknown-scope-id", new Deviation(SpfResult.PASS, "RFC 4406 §3.1, §4.4 step 3: scope-id may be any"
                    + " name and \"spf2.0/mfrom,pra,fubar\" is retained for pra; Mail::SPF accepts only mfrom and pra"
                    + " (none)"));

    /** A hand-made check and the RFC 4406 answer Inkan must give. */
    record HandMade(String id, SpfTestZone zone, SenderIdScope scope, String identity, String ip, SpfResult result) {
    }

    private static final class Batch {
        final List<MailSpf.Check> checks = new ArrayList<>();
        final Map<String, SenderIdVerdict> ours = new LinkedHashMap<>();
        final Map<String, SenderIdVerdict> oursWithoutSpf1 = new LinkedHashMap<>();
        final Map<SpfResult, Integer> generatedResults = new EnumMap<>(SpfResult.class);

        void add(String id, SpfTestZone zone, SenderIdScope scope, SenderIdVerdict verdict, String ip, String helo) {
            checks.add(new MailSpf.Check(id, zone, scope, verdict.identity(), ip, helo));
            ours.put(id, verdict);
        }
    }

    @Test
    void mailSpfAgreesWithInkan(@TempDir Path workDir) {
        String version = MailSpf.version();
        Batch batch = new Batch();
        List<SenderIdGeneratedCases.Case> generated = SenderIdGeneratedCases.generate(SEED, SCENARIOS, CLIENTS);
        for (SenderIdGeneratedCases.Case c : generated) {
            SenderIdVerdict pra = evaluator(c.zone()).checkPra(c.headers(), ip(c.ip()), c.helo());
            assertThat(pra.missingPra()).as(c.id() + ": generated headers have a PRA").isFalse();
            batch.add(c.id() + ":pra", c.zone(), SenderIdScope.PRA, pra, c.ip(), c.helo());
            batch.oursWithoutSpf1.put(c.id() + ":pra",
                    evaluator(c.zoneWithoutSpf1()).checkPra(c.headers(), ip(c.ip()), c.helo()));
            SenderIdVerdict mfrom = evaluator(c.zone()).checkMailFrom(ip(c.ip()), c.helo(), c.mailFrom());
            batch.add(c.id() + ":mfrom", c.zone(), SenderIdScope.MFROM, mfrom, c.ip(), c.helo());
            batch.generatedResults.merge(pra.result(), 1, Integer::sum);
            batch.generatedResults.merge(mfrom.result(), 1, Integer::sum);
        }
        for (HandMade h : handMade()) {
            SenderIdVerdict verdict = h.scope() == SenderIdScope.PRA
                    ? evaluator(h.zone()).checkPra(PraSelectorTest.headers("From: " + h.identity()), ip(h.ip()), "h.example")
                    : evaluator(h.zone()).checkMailFrom(ip(h.ip()), "h.example", h.identity());
            assertThat(verdict.result()).as(h.id() + ": our RFC 4406 answer").isEqualTo(h.result());
            batch.add(h.id(), h.zone(), h.scope(), verdict, h.ip(), "h.example");
        }

        Map<String, MailSpf.Answer> answers = MailSpf.run(batch.checks, SpfSuiteRunner.RECEIVER, workDir);
        List<String> disagreements = new ArrayList<>();
        int agreed = 0;
        int spf1Deviations = 0;
        int listed = 0;
        for (Map.Entry<String, SenderIdVerdict> entry : batch.ours.entrySet()) {
            String id = entry.getKey();
            SenderIdVerdict verdict = entry.getValue();
            MailSpf.Answer answer = answers.get(id);
            assertThat(answer).as("Mail::SPF answered " + id).isNotNull();
            boolean same = answer.error() == null && verdict.result().keyword().equals(answer.result());
            SenderIdVerdict withoutSpf1 = batch.oursWithoutSpf1.get(id);
            if (DEVIATIONS.containsKey(id)) {
                assertThat(same).as(id + " is a listed deviation but Mail::SPF agrees: " + answer).isFalse();
                listed++;
            } else if (same) {
                agreed++;
            } else if (withoutSpf1 != null && withoutSpf1.result() != verdict.result()
                    && withoutSpf1.result().keyword().equals(answer.result())) {
                spf1Deviations++;
            } else {
                disagreements.add(id + ": Inkan " + verdict.result() + " (" + verdict.comment() + ") for "
                        + verdict.identity() + (withoutSpf1 == null ? "" : ", without v=spf1 "
                        + withoutSpf1.result() + " (" + withoutSpf1.comment() + ")") + "; Mail::SPF " + answer);
            }
        }
        System.out.println("Sender ID interop with Mail::SPF " + version + ": " + batch.ours.size() + " checks ("
                + generated.size() * 2 + " generated: " + batch.generatedResults + "), agreed=" + agreed
                + ", pra v=spf1 fallback (Mail::SPF reads no v=spf1 for pra)=" + spf1Deviations
                + ", listed deviations=" + listed + " " + DEVIATIONS.keySet() + ", disagreements="
                + disagreements.size());
        disagreements.forEach(System.out::println);
        assertThat(disagreements).isEmpty();
        assertThat(listed).isEqualTo(DEVIATIONS.size());
        assertThat(agreed).as("most checks agree outright").isGreaterThan(batch.ours.size() * 3 / 4);
        assertThat(batch.generatedResults.keySet()).as("generated cases reach every result")
                .contains(SpfResult.PASS, SpfResult.FAIL, SpfResult.SOFTFAIL, SpfResult.NEUTRAL, SpfResult.NONE,
                        SpfResult.PERMERROR, SpfResult.TEMPERROR);
    }

    private static List<HandMade> handMade() {
        SpfTestZone zone = new SpfTestZone()
                .txt("v1.example", "v=spf1 ip4:192.0.2.0/24 -all")
                .txt("v2.example", "spf2.0/mfrom +all").txt("v2.example", "v=spf1 bogus:x -all")
                .txt("minor.example", "spf2.1/pra +all")
                .txt("fubar.example", "spf2.0/mfrom,pra,fubar +all")
                .txt("both.example", "spf2.0/pra -all").txt("both.example", "v=spf1 +all")
                .txt("twice.example", "spf2.0/pra -all").txt("twice.example", "spf2.0/mfrom,pra +all")
                .txt("inc.example", "spf2.0/pra include:_i.example ~all")
                .txt("_i.example", "spf2.0/mfrom -all").txt("_i.example", "spf2.0/pra ip4:192.0.2.0/24 -all")
                .txt("mf.example", "spf2.0/pra -all").txt("mf.example", "spf2.0/mfrom ip4:192.0.2.1 -all");
        return List.of(
                new HandMade("pra-nxdomain", zone, SenderIdScope.PRA, "joe@gone.example", "192.0.2.1", SpfResult.FAIL),
                new HandMade("pra-v1-only", zone, SenderIdScope.PRA, "joe@v1.example", "198.51.100.1", SpfResult.FAIL),
                new HandMade("mfrom-unselected-v1-syntax-error", zone, SenderIdScope.MFROM, "joe@v2.example",
                        "198.51.100.1", SpfResult.PASS),
                new HandMade("pra-minor-version", zone, SenderIdScope.PRA, "joe@minor.example", "198.51.100.1",
                        SpfResult.PASS),
                new HandMade("pra-unknown-scope-id", zone, SenderIdScope.PRA, "joe@fubar.example", "198.51.100.1",
                        SpfResult.PASS),
                new HandMade("pra-v2-over-v1", zone, SenderIdScope.PRA, "joe@both.example", "192.0.2.1", SpfResult.FAIL),
                new HandMade("mfrom-v1-when-v2-is-pra-only", zone, SenderIdScope.MFROM, "joe@both.example",
                        "192.0.2.1", SpfResult.PASS),
                new HandMade("pra-redundant", zone, SenderIdScope.PRA, "joe@twice.example", "192.0.2.1",
                        SpfResult.PERMERROR),
                new HandMade("pra-include-scope", zone, SenderIdScope.PRA, "joe@inc.example", "192.0.2.9",
                        SpfResult.PASS),
                new HandMade("pra-include-scope-miss", zone, SenderIdScope.PRA, "joe@inc.example", "198.51.100.9",
                        SpfResult.SOFTFAIL),
                new HandMade("mfrom-v2", zone, SenderIdScope.MFROM, "joe@mf.example", "192.0.2.1", SpfResult.PASS),
                new HandMade("mfrom-none-for-pra-only", zone, SenderIdScope.MFROM, "joe@minor.example", "192.0.2.1",
                        SpfResult.NONE));
    }

    private static SenderIdEvaluator evaluator(SpfTestZone zone) {
        return new SenderIdEvaluator(SpfSuiteRunner.config(zone));
    }

    private static java.net.InetAddress ip(String literal) {
        return IpLiteral.parse(literal).orElseThrow();
    }

}
