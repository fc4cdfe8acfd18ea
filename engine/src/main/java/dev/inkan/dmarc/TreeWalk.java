package dev.inkan.dmarc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The RFC 9989 §4.10 DNS Tree Walk from one domain, and the §4.10.2 selection of the Organizational
 * Domain from the records it found.
 *
 * <p>The walk queries {@code _dmarc.<target>} for the start domain, then for shorter names up to the
 * top-level domain: at most eight queries, because a start with eight or more labels is first shortened
 * to seven (§4.10 step 4). It stops early at a single record carrying {@code psd=y} or {@code psd=n}
 * (steps 2, 6). Several records at one name are discarded (steps 2, 6) and the walk goes on.
 *
 * @param start the domain the walk started from
 * @param found the single records found, longest name first (the last one may carry {@code psd=y/n})
 * @param tempFail the answer that failed temporarily and ended the walk, or null when it completed
 */
record TreeWalk(String start, List<PolicyRecordAnswer> found, PolicyRecordAnswer tempFail) {

    /** The §4.10 limit: names with more labels are shortened to this many after the first query. */
    static final int SHORTENED_LABELS = 7;

    TreeWalk {
        Objects.requireNonNull(start, "start");
        found = List.copyOf(found);
    }

    /**
     * The names a walk from {@code domain} queries when no record stops it, in order (RFC 9989 §4.10
     * steps 3–7): {@code domain}, then, if it has eight or more labels, the name of its last seven labels,
     * else its parent; then each parent up to the top-level domain.
     */
    static List<String> targets(String domain) {
        String[] labels = domain.split("\\.");
        List<String> targets = new ArrayList<>();
        targets.add(domain);
        int next = labels.length >= SHORTENED_LABELS + 1 ? SHORTENED_LABELS : labels.length - 1;
        for (int count = next; count >= 1; count--) {
            targets.add(String.join(".", List.of(labels).subList(labels.length - count, labels.length)));
        }
        return targets;
    }

    /** Walks from {@code start} (a normalised domain), querying through {@code records}. */
    static TreeWalk from(String start, PolicyRecords records) {
        List<PolicyRecordAnswer> found = new ArrayList<>();
        for (String target : targets(start)) {
            PolicyRecordAnswer answer = records.at(target);
            if (answer.tempFailed()) {
                return new TreeWalk(start, found, answer);
            }
            if (answer.found()) {
                found.add(answer);
                if (answer.record().psd().stopsTreeWalk()) {
                    break;
                }
            }
        }
        return new TreeWalk(start, found, null);
    }

    boolean completed() {
        return tempFail == null;
    }

    /**
     * The Organizational Domain of {@link #start()} (RFC 9989 §4.10.2), from the records found, longest
     * name to shortest: (1) a record with {@code psd=n} is the Organizational Domain; (2) a record with
     * {@code psd=y}, other than the start's, makes the name one label below it (toward the start) the
     * Organizational Domain; (3) otherwise the record with the fewest labels. Without any record the
     * start itself is the Organizational Domain. Only meaningful when the walk {@linkplain #completed()
     * completed}.
     */
    String organizationalDomain() {
        for (PolicyRecordAnswer answer : found) {
            PsdFlag psd = answer.record().psd();
            if (psd == PsdFlag.NO) {
                return answer.domain();
            }
            if (psd == PsdFlag.YES && !answer.domain().equals(start)) {
                return oneLabelBelow(answer.domain());
            }
        }
        return found.isEmpty() ? start : found.get(found.size() - 1).domain();
    }

    /** The record at {@code domain} if the walk found one there, else null. */
    PolicyRecordAnswer recordAt(String domain) {
        for (PolicyRecordAnswer answer : found) {
            if (answer.domain().equals(domain)) {
                return answer;
            }
        }
        return null;
    }

    /** The record with {@code psd=y} that stopped the walk (the PSD's), or null. */
    PolicyRecordAnswer publicSuffixRecord() {
        if (found.isEmpty()) {
            return null;
        }
        PolicyRecordAnswer last = found.get(found.size() - 1);
        return last.record().psd() == PsdFlag.YES ? last : null;
    }

    /** The name of {@link #start()} one label longer than {@code ancestor}. */
    private String oneLabelBelow(String ancestor) {
        String prefix = start.substring(0, start.length() - ancestor.length() - 1);
        int dot = prefix.lastIndexOf('.');
        return prefix.substring(dot + 1) + "." + ancestor;
    }
}
