package dev.inkan.keyrecord;

import dev.inkan.crypto.KeyType;
import dev.inkan.tagvalue.SignatureTags;
import dev.inkan.tagvalue.TagList;
import dev.inkan.tagvalue.TagListParse;
import dev.inkan.tagvalue.TagListParser;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of parsing a key record (RFC 6376 §3.6.1, §6.1.2 step 5): the record, or the problem that makes
 * it unusable ({@link KeyRecordProblem#SYNTAX} or {@link KeyRecordProblem#VERSION}) with a human detail. The g=
 * tag of RFC 4871 was removed by RFC 6376 and is ignored like any unknown tag.
 */
public record KeyRecordParse(KeyRecord record, KeyRecordProblem problem, String detail) {

    public static KeyRecordParse parse(String text) {
        TagListParse parsed = TagListParser.parse(text);
        if (!parsed.isOk()) {
            return error(KeyRecordProblem.SYNTAX, "key syntax error: " + parsed.error().orElse(""));
        }
        TagList t = parsed.list();
        if (t.has("v") && !"DKIM1".equals(t.valueOrNull("v"))) {
            return error(KeyRecordProblem.VERSION, "key record has unsupported version v=" + t.valueOrNull("v"));
        }
        if (!t.has("p")) {
            return error(KeyRecordProblem.SYNTAX, "key syntax error: no p= tag");
        }
        byte[] keyData = SignatureTags.base64(t.valueOrNull("p"));
        if (keyData == null) {
            return error(KeyRecordProblem.SYNTAX, "key syntax error: p= is not valid base64");
        }
        String keyTypeName = t.value("k").orElse("rsa");
        KeyType keyType = KeyType.fromTagName(keyTypeName);
        List<String> hashes = t.has("h") ? KeyRecord.lowerList(t.valueOrNull("h")) : List.of();
        List<String> services = t.has("s") ? KeyRecord.lowerList(t.valueOrNull("s")) : List.of("*");
        List<String> flags = t.has("t") ? KeyRecord.lowerList(t.valueOrNull("t")) : List.of();
        return new KeyRecordParse(new KeyRecord(text, keyType, keyTypeName, hashes, services, flags, keyData),
                null, null);
    }

    static KeyRecordParse error(KeyRecordProblem problem, String detail) {
        return new KeyRecordParse(null, problem, detail);
    }

    public Optional<KeyRecord> valid() {
        return Optional.ofNullable(record);
    }
}
