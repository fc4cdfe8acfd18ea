package dev.inkan.keytable;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenDKIM's KeyTable + SigningTable: the signing table picks key names for the author address, the key
 * table gives domain, selector and key. Like OpenDKIM's {@code MultipleSignatures}, every matching line
 * signs when {@code multiple} is set; otherwise only the first.
 */
public final class TableKeySelector implements SigningKeySelector {

    private final KeyTable keys;
    private final SigningTable table;
    private final boolean multiple;

    /** @throws KeyTableException when the signing table names a key the key table lacks */
    public TableKeySelector(KeyTable keys, SigningTable table, boolean multiple) throws KeyTableException {
        for (SigningTable.Rule rule : table.rules()) {
            if (keys.get(rule.keyName()).isEmpty()) {
                throw new KeyTableException("signing table line '" + rule.pattern() + " " + rule.keyName()
                        + "' names a key that is not in the key table");
            }
        }
        this.keys = keys;
        this.table = table;
        this.multiple = multiple;
    }

    @Override
    public List<KeySelection> choose(String authorAddress) {
        String addressDomain = authorAddress.substring(authorAddress.lastIndexOf('@') + 1);
        List<KeySelection> out = new ArrayList<>();
        for (SigningTable.Rule rule : table.match(authorAddress)) {
            KeyTable.Entry entry = keys.get(rule.keyName()).orElseThrow();
            out.add(new KeySelection(entry.domainFor(addressDomain), entry.selector(), entry.key(), rule.identity()));
            if (!multiple) {
                break;
            }
        }
        return out;
    }
}
