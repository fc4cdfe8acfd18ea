package dev.inkan.diagnosis;

import java.util.Locale;

/** How much a {@link Finding} matters: worth knowing, should be fixed, or breaks authentication. */
public enum Severity {
    /** A fact about the record (what it publishes, that it matches the key). */
    INFO,
    /** Works today, but is fragile, obsolete or weaker than it should be. */
    WARNING,
    /** Receivers will not use the record as the operator intends (no key, permerror, no reports). */
    ERROR;

    /** The lower-case name used in output: {@code info}, {@code warning}, {@code error}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
