package dev.inkan.spf;

import java.util.List;
import java.util.Objects;

/**
 * What an {@link SpfRecordSelection} chose among the TXT records of a domain: no record ("none", RFC 7208
 * §4.5), one record, or more than one (permerror).
 *
 * @param candidates the records that qualified: none, one (evaluated) or several (permerror)
 * @param kind what kind of record was looked for, for the comment ("SPF record", "spf2.0/pra record")
 */
public record SpfRecordChoice(List<Candidate> candidates, String kind) {

    /**
     * One record that qualified.
     *
     * @param text the TXT record as published
     * @param termsStart where its terms begin: the length of its version (and scope) prefix
     */
    public record Candidate(String text, int termsStart) {
        public Candidate {
            Objects.requireNonNull(text, "text");
            if (termsStart < 0 || termsStart > text.length()) {
                throw new IllegalArgumentException("termsStart " + termsStart + " outside \"" + text + "\"");
            }
        }
    }

    public SpfRecordChoice {
        candidates = List.copyOf(candidates);
        Objects.requireNonNull(kind, "kind");
    }

    public static SpfRecordChoice of(List<Candidate> candidates, String kind) {
        return new SpfRecordChoice(candidates, kind);
    }
}
