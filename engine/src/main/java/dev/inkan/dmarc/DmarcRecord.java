package dev.inkan.dmarc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed DMARC Policy Record (RFC 9989 §4.7, §4.8; RFC 7489 §6.3, §6.4). Every tag of both RFCs is read;
 * which ones an evaluation uses depends on its {@link DmarcMode}. A tag whose value does not follow the
 * grammar is discarded in favour of its default (RFC 9989 §4.8: "Syntax errors in the remainder of the
 * record MUST be discarded in favor of default values (if any) or ignored outright"), listed in {@link
 * #invalidTags()} and described in {@link #problems()}.
 *
 * @param text the record as published (character-strings joined, RFC 9989 §4.5)
 * @param tags every well-formed tag, name lower-cased, value as written; the first of a repeated tag
 * @param p the {@code p} policy; null when absent or invalid (see {@link #invalidTags()})
 * @param sp the {@code sp} policy; null when absent or invalid
 * @param np the {@code np} policy (RFC 9989); null when absent or invalid
 * @param adkim DKIM alignment mode, default relaxed
 * @param aspf SPF alignment mode, default relaxed
 * @param testing {@code t=y} (RFC 9989 §4.7), default false
 * @param psd the {@code psd} flag (RFC 9989 §4.7), default {@link PsdFlag#UNKNOWN}
 * @param pct the {@code pct} sampling rate 0..100 (RFC 7489 §6.3), default 100
 * @param rua the syntactically valid aggregate report URIs, size suffixes removed
 * @param ruf the syntactically valid failure report URIs, size suffixes removed
 * @param fo the failure reporting options, default ["0"]
 * @param rf the failure report formats (RFC 7489), default ["afrf"]
 * @param ri the aggregate report interval in seconds (RFC 7489), default 86400
 * @param invalidTags names of known tags whose value was invalid and so discarded
 * @param problems human descriptions of everything discarded or ignored
 */
public record DmarcRecord(String text, Map<String, String> tags, DmarcPolicy p, DmarcPolicy sp, DmarcPolicy np,
        AlignmentMode adkim, AlignmentMode aspf, boolean testing, PsdFlag psd, int pct, List<String> rua,
        List<String> ruf, List<String> fo, List<String> rf, long ri, Set<String> invalidTags, List<String> problems) {

    public DmarcRecord {
        Objects.requireNonNull(text, "text");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        Objects.requireNonNull(adkim, "adkim");
        Objects.requireNonNull(aspf, "aspf");
        Objects.requireNonNull(psd, "psd");
        rua = List.copyOf(rua);
        ruf = List.copyOf(ruf);
        fo = List.copyOf(fo);
        rf = List.copyOf(rf);
        invalidTags = Set.copyOf(invalidTags);
        problems = List.copyOf(problems);
    }

    /** True when tag {@code name} (lower case) was written, valid or not. */
    public boolean has(String name) {
        return tags.containsKey(name);
    }

    /** True when tag {@code name} was written with a value that does not follow its grammar. */
    public boolean isInvalid(String name) {
        return invalidTags.contains(name);
    }

    /** The policy of {@code tag}, or null when that tag is absent or invalid. */
    public DmarcPolicy policy(PolicyTag tag) {
        return switch (tag) {
            case P -> p;
            case SP -> sp;
            case NP -> np;
        };
    }

    /** This record with {@code p=none} and no {@code sp}/{@code np}: the RFC 9989 §4.10.1 fallback. */
    DmarcRecord withPolicyNone() {
        return new DmarcRecord(text, tags, DmarcPolicy.NONE, null, null, adkim, aspf, testing, psd, pct, rua, ruf,
                fo, rf, ri, invalidTags, problems);
    }
}
