package dev.inkan.dkim;

import dev.inkan.message.HeaderBlock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Chooses the h= list of a new signature. */
final class SignedHeaderList {

    private SignedHeaderList() {
    }

    /**
     * Every instance present of each configured name (RFC 6376 §5.4.2 picks instances bottom-up), and one
     * more entry for each oversigned name so that a field added later breaks the signature (§8.15).
     * From is always included.
     */
    static List<String> choose(DkimSigningSpec spec, HeaderBlock headers) {
        Set<String> names = new LinkedHashSet<>(spec.headers() != null ? spec.headers() : DkimSigningSpec.DEFAULT_HEADERS);
        names.add("from");
        names.addAll(spec.oversign());
        List<String> list = new ArrayList<>();
        for (String name : names) {
            int present = headers.named(name).size();
            int count = present + (spec.oversign().contains(name) ? 1 : 0);
            for (int i = 0; i < count; i++) {
                list.add(name);
            }
        }
        if (!list.contains("from")) {
            list.add(0, "from"); // a message without From: still required in h= (RFC 6376 §5.4)
        }
        return list;
    }
}
