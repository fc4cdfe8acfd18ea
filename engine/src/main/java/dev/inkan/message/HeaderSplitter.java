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
        for (int lf = ByteSearch.nextLf(block, 1, length); lf < length; lf = ByteSearch.nextLf(block, lf + 1, length)) {
            if (block[lf - 1] != '\r') {
                continue;
            }
            boolean folded = lf + 1 < length && (block[lf + 1] == ' ' || block[lf + 1] == '\t');
            if (!folded) {
                addField(fields, Arrays.copyOfRange(block, start, lf + 1), limits);
                start = lf + 1;
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
            throw limits.tooManyFields();
        }
        fields.add(new HeaderField(raw));
    }
}
