package dev.inkan.dmarc;

/** The RFC 9989 §4.7 {@code psd} tag: whether the record is published by a Public Suffix Domain. */
public enum PsdFlag {
    /** {@code psd=y}: a PSD; the Organizational Domain is the name one label below it (§4.10.2 step 2). */
    YES("y"),
    /** {@code psd=n}: not a PSD, and the Organizational Domain of itself and its subdomains (§4.10.2 step 1). */
    NO("n"),
    /** {@code psd=u}, the default: not a PSD, may or may not be an Organizational Domain (§4.10). */
    UNKNOWN("u");

    private final String tagValue;

    PsdFlag(String tagValue) {
        this.tagValue = tagValue;
    }

    public String tagValue() {
        return tagValue;
    }

    /** True for {@code psd=y} and {@code psd=n}: the tree walk stops at such a record (§4.10 steps 2, 6). */
    public boolean stopsTreeWalk() {
        return this != UNKNOWN;
    }
}
