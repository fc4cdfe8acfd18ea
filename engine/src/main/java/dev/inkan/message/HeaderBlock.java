package dev.inkan.message;

import java.util.ArrayList;
import java.util.List;

/** The header fields of a message, top to bottom, byte-exact. */
public final class HeaderBlock {

    private final List<HeaderField> fields;
    /**
     * The author domains, parsed once: DKIM (the author's signatures first), the DMARC prefetch and DMARC itself
     * all ask, and Mime4j's strict address parser is not cheap (each parser it builds constructs a Throwable). The
     * block is immutable, so a race only parses twice.
     */
    private volatile FromDomains fromDomains;

    public HeaderBlock(List<HeaderField> fields) {
        this.fields = List.copyOf(fields);
    }

    /** All fields, top to bottom. */
    public List<HeaderField> fields() {
        return fields;
    }

    /** The fields named {@code name} (case-insensitive), top to bottom. */
    public List<HeaderField> named(String name) {
        List<HeaderField> out = new ArrayList<>();
        for (HeaderField f : fields) {
            if (f.hasName(name)) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * The fields a signature's header list selects (RFC 6376 §5.4.2, RFC 8617 §4.1.2): for each name in
     * order, the bottom-most instance not yet used; a name with no instance left selects nothing (which is
     * how oversigning makes added fields break the signature).
     */
    public List<HeaderField> select(List<String> names) {
        boolean[] used = new boolean[fields.size()];
        List<HeaderField> out = new ArrayList<>(names.size());
        for (String name : names) {
            for (int i = fields.size() - 1; i >= 0; i--) {
                if (!used[i] && fields.get(i).hasName(name)) {
                    used[i] = true;
                    out.add(fields.get(i));
                    break;
                }
            }
        }
        return out;
    }

    /** The domains of the author mailboxes ({@link FromDomains#of}), parsed on first use. */
    public FromDomains fromDomains() {
        FromDomains parsed = fromDomains;
        if (parsed == null) {
            parsed = FromDomains.parse(this);
            fromDomains = parsed;
        }
        return parsed;
    }

    /** The total size in bytes. */
    public int size() {
        int n = 0;
        for (HeaderField f : fields) {
            n += f.length();
        }
        return n;
    }
}
