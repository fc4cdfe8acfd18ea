package dev.inkan.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Splits a CRLF-normalised header block into fields: a field ends at a CRLF not followed by WSP. */
final class HeaderSplitter {

    private HeaderSplitter() {
    }

    static List<HeaderField> split(byte[] block, int length, MessageLimits limits) throws MessageLimitException {
        List<HeaderField> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i + 1 < length; i++) {
            if (block[i] == '\r' && block[i + 1] == '\n') {
                boolean folded = i + 2 < length && (block[i + 2] == ' ' || block[i + 2] == '\t');
                if (!folded) {
                    addField(fields, Arrays.copyOfRange(block, start, i + 2), limits);
                    start = i + 2;
                    i++;
                }
            }
        }
        if (start < length) {
            addField(fields, Arrays.copyOfRange(block, start, length), limits);
        }
        return fields;
    }

    private static void addField(List<HeaderField> fields, byte[] raw, MessageLimits limits)
            throws MessageLimitException {
        if (fields.size() == limits.maxHeaderFields()) {
            throw new MessageLimitException("more than " + limits.maxHeaderFields() + " header fields");
        }
        fields.add(new HeaderField(raw));
    }
}
