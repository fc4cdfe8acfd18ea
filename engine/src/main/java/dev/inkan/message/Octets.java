package dev.inkan.message;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Header octets and the text they are: a header field is octets, read as UTF-8 where they are valid UTF-8 (RFC
 * 6532) and otherwise one character per octet.
 */
public final class Octets {

    private Octets() {
    }

    /** Whether every character of {@code s} is below {@code limit} (0x80: ASCII; 0x100: one octet each). */
    public static boolean allBelow(String s, int limit) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= limit) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code s} is all ASCII digits ({@code true} for ""): the number checks of the per-message parsers,
     * without the stream and lambda {@code chars().allMatch} allocates on every call.
     */
    public static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code octets} decoded as UTF-8, or null when they are not valid UTF-8. */
    public static String strictUtf8(byte[] octets) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(octets)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
