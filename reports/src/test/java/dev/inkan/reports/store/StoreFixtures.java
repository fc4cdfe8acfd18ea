package dev.inkan.reports.store;

import dev.inkan.dmarc.report.EvaluationRecord;
import dev.inkan.dmarc.report.EvaluationRecord.DkimAuth;
import dev.inkan.dmarc.report.EvaluationRecord.OverrideReason;
import dev.inkan.dmarc.report.EvaluationRecord.SpfAuth;
import dev.inkan.dmarc.report.PublishedPolicy;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Evaluation records with every field used, awkward text included. */
final class StoreFixtures {

    static final Instant DAY = Instant.parse("2026-12-06T00:00:00Z");

    private StoreFixtures() {
    }

    static PublishedPolicy policy(String domain) {
        return new PublishedPolicy(domain, "reject", "quarantine", null, "s", "r", "treewalk", "0:1", "n",
                List.of("mailto:dmarc@" + domain, "mailto:agg@reports.example!10m"), List.of());
    }

    static EvaluationRecord pass(String domain, String ip, int minute) {
        return new EvaluationRecord(DAY.plusSeconds(60L * minute), ip, domain, domain, "example.net", policy(domain),
                "pass", true, true, List.of(),
                List.of(new DkimAuth(domain, "s1", "pass", null),
                        new DkimAuth("esp.example", "k\t1", "fail", "body hash did not verify\nline two \\ end")),
                new SpfAuth(domain, "pass", null));
    }

    static EvaluationRecord forwarded(String domain, String ip, int minute) {
        return new EvaluationRecord(DAY.plusSeconds(60L * minute), ip, domain, "", null, policy(domain), "none", false,
                false, List.of(new OverrideReason("trusted_forwarder", "ARC chain sealed first by lists.example"),
                        new OverrideReason("other", null)),
                List.of(), null);
    }

    static List<EvaluationRecord> day(String domain) {
        return Arrays.asList(pass(domain, "192.0.2.10", 1), pass(domain, "192.0.2.10", 2),
                forwarded(domain, "2001:db8::25", 3), pass(domain, "192.0.2.11", 4));
    }
}
