package dev.inkan.domainkeys;

import dev.inkan.message.DomainKeysCanonicalization;
import dev.inkan.message.HeaderField;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header half of what a DomainKeys signature covers (RFC 4870 §3.3 h=, §3.4.2): which fields, in which order,
 * and their canonical bytes.
 */
public final class DomainKeysHeaders {

    private DomainKeysHeaders() {
    }

    /**
     * The fields a signature covers, taken from {@code after} (the fields that follow the DomainKey-Signature).
     * Without h=, all of them in order. With h=, the fields named there in the order named, where a name listed
     * more than once takes that many of its fields and its first listing takes every field of that name left
     * over: "a verifier must include all occurrences of that header" (§3.3), played back together (the rule
     * Mail::DKIM and the reference implementation follow, see the corpus notes dk_headers-notes.txt). Names
     * with no field contribute nothing.
     */
    public static List<HeaderField> covered(List<HeaderField> after, List<String> h) {
        if (h == null) {
            return List.copyOf(after);
        }
        Map<String, Deque<HeaderField>> byName = new HashMap<>();
        for (HeaderField field : after) {
            if (field.hasColon()) {
                byName.computeIfAbsent(field.name().toLowerCase(Locale.ROOT), k -> new ArrayDeque<>()).add(field);
            }
        }
        Map<String, Integer> remaining = new HashMap<>();
        for (String name : h) {
            remaining.merge(name, 1, Integer::sum);
        }
        Deque<HeaderField> out = new ArrayDeque<>();
        for (int i = h.size() - 1; i >= 0; i--) {
            String name = h.get(i);
            Deque<HeaderField> fields = byName.getOrDefault(name, new ArrayDeque<>());
            int left = remaining.merge(name, -1, Integer::sum);
            if (left > 0) {
                if (!fields.isEmpty()) {
                    out.addFirst(fields.removeLast());
                }
            } else {
                List<HeaderField> all = new ArrayList<>(fields);
                for (int j = all.size() - 1; j >= 0; j--) {
                    out.addFirst(all.get(j));
                }
                fields.clear();
            }
        }
        return List.copyOf(out);
    }

    /**
     * The canonical bytes of {@code fields}: "simple" keeps each field as it is (folding and CRLF included);
     * "nofws" unfolds it and removes every SP, HTAB, CR and LF, then ends it with CRLF (§3.4.2.2).
     */
    public static byte[] canonical(List<HeaderField> fields, DomainKeysCanonicalization canonicalization) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (HeaderField field : fields) {
            byte[] raw = field.raw();
            if (canonicalization == DomainKeysCanonicalization.NOFWS) {
                for (byte c : raw) {
                    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                        out.write(c);
                    }
                }
                out.write('\r');
                out.write('\n');
            } else if (canonicalization == DomainKeysCanonicalization.SIMPLE) {
                out.writeBytes(raw);
            } else {
                throw new IllegalArgumentException("not a DomainKeys canonicalization: " + canonicalization);
            }
        }
        return out.toByteArray();
    }
}
