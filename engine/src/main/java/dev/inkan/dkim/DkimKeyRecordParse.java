package dev.inkan.dkim;

import dev.inkan.crypto.KeyType;
import dev.inkan.tagvalue.TagList;
import dev.inkan.tagvalue.TagListParse;
import dev.inkan.tagvalue.TagListParser;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of parsing a key record (RFC 6376 §3.6.1, §6.1.2 step 5): the record, or the reason it must
 * be ignored. The g= tag of RFC 4871 was removed by RFC 6376 and is ignored like any unknown tag.
 */
public record DkimKeyRecordParse(DkimKeyRecord record, DkimReason reason, String detail) {

    public static DkimKeyRecordParse parse(String text) {
        TagListParse parsed = TagListParser.parse(text);
        if (!parsed.isOk()) {
            return error(DkimReason.KEY_SYNTAX, "key syntax error: " + parsed.error().orElse(""));
        }
        TagList t = parsed.list();
        if (t.has("v") && !"DKIM1".equals(t.valueOrNull("v"))) {
            return error(DkimReason.KEY_VERSION, "key record has unsupported version v=" + t.valueOrNull("v"));
        }
        if (!t.has("p")) {
            return error(DkimReason.KEY_SYNTAX, "key syntax error: no p= tag");
        }
        byte[] keyData = DkimSignatureParser.base64(t.valueOrNull("p"));
        if (keyData == null) {
            return error(DkimReason.KEY_SYNTAX, "key syntax error: p= is not valid base64");
        }
        String keyTypeName = t.value("k").orElse("rsa");
        KeyType keyType = KeyType.fromTagName(keyTypeName);
        List<String> hashes = t.has("h") ? DkimKeyRecord.lowerList(t.valueOrNull("h")) : List.of();
        List<String> services = t.has("s") ? DkimKeyRecord.lowerList(t.valueOrNull("s")) : List.of("*");
        List<String> flags = t.has("t") ? DkimKeyRecord.lowerList(t.valueOrNull("t")) : List.of();
        return new DkimKeyRecordParse(new DkimKeyRecord(text, keyType, keyTypeName, hashes, services, flags, keyData),
                null, null);
    }

    private static DkimKeyRecordParse error(DkimReason reason, String detail) {
        return new DkimKeyRecordParse(null, reason, detail);
    }

    public Optional<DkimKeyRecord> valid() {
        return Optional.ofNullable(record);
    }
}
