package dev.inkan.spf;

import java.util.Optional;

/**
 * The outcome of parsing a record: the record, or the syntax error that makes check_host() return
 * permerror (RFC 7208 §4.6: "if there are any syntax errors anywhere in the record").
 *
 * @param record the parsed record, or null
 * @param error the first syntax error, naming the term (e.g. "ip4:192.0.2.1/33: prefix length above 32"), or null
 * @param term the offending term as written, or null
 */
public record SpfRecordParse(SpfRecord record, String error, String term) {

    static SpfRecordParse ok(SpfRecord record) {
        return new SpfRecordParse(record, null, null);
    }

    static SpfRecordParse error(String term, String error) {
        return new SpfRecordParse(null, error, term);
    }

    public boolean isOk() {
        return record != null;
    }

    public Optional<SpfRecord> valid() {
        return Optional.ofNullable(record);
    }
}
