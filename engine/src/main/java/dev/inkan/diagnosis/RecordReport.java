package dev.inkan.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a check found about one record.
 *
 * @param record what was looked up, e.g. {@code s1._domainkey.example.com TXT}
 * @param findings what was found, errors first, in the order found within each severity
 */
public record RecordReport(String record, List<Finding> findings) {

    public RecordReport {
        Objects.requireNonNull(record, "record");
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort((a, b) -> b.severity().compareTo(a.severity()));
        findings = List.copyOf(sorted);
    }

    /** The worst severity found: {@link Severity#INFO} means the record is fine ("ok"). */
    public Severity status() {
        return findings.stream().map(Finding::severity).max(Enum::compareTo).orElse(Severity.INFO);
    }

    /** {@code ok}, {@code warning} or {@code error}. */
    public String statusKeyword() {
        return status() == Severity.INFO ? "ok" : status().keyword();
    }

    public boolean hasErrors() {
        return status() == Severity.ERROR;
    }

    /** The codes of the findings, in order. */
    public List<String> codes() {
        return findings.stream().map(Finding::code).toList();
    }

    /** The first finding with {@code code}, if any. */
    public Optional<Finding> finding(String code) {
        return findings.stream().filter(f -> f.code().equals(code)).findFirst();
    }
}
