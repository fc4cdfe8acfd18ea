package dev.inkan.dmarc;

import java.util.Objects;

/**
 * The outcome of reading one TXT record as a DMARC record: the record, or why it is not one (RFC 9989
 * §4.7: a record whose first tag is not {@code v=DMARC1} "MUST be ignored").
 *
 * @param record the parsed record, or null when the text is not a DMARC record
 * @param notDmarc why the text is not a DMARC record, or null
 */
public record DmarcRecordParse(DmarcRecord record, String notDmarc) {

    public DmarcRecordParse {
        if ((record == null) == (notDmarc == null)) {
            throw new IllegalArgumentException("exactly one of record and notDmarc");
        }
    }

    static DmarcRecordParse of(DmarcRecord record) {
        return new DmarcRecordParse(Objects.requireNonNull(record), null);
    }

    static DmarcRecordParse notDmarc(String why) {
        return new DmarcRecordParse(null, why);
    }

    /** True when the text starts with {@code v=DMARC1} and so is a DMARC record. */
    public boolean isDmarc() {
        return record != null;
    }
}
