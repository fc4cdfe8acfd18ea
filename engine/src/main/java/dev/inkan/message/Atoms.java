package dev.inkan.message;

/**
 * RFC 5322 §3.2.3 atoms, US-ASCII only: the one check of {@code atext} and {@code dot-atom-text} that From
 * parsing, Authentication-Results and Received-SPF values share.
 */
public final class Atoms {

    /** atext, indexed by US-ASCII code: letters, digits and {@code !#$%&'*+-/=?^_`{|}~}. */
    private static final boolean[] ATEXT = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) {
            ATEXT[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
        }
    }

    private Atoms() {
    }

    /** Whether {@code c} is atext. */
    public static boolean isAtext(int c) {
        return c >= 0 && c < 128 && ATEXT[c];
    }

    /** Whether {@code s} is dot-atom-text: runs of atext joined by single dots, nothing else, not empty. */
    public static boolean isDotAtomText(String s) {
        return isDotAtomText(s, 0, s.length());
    }

    /** Whether {@code s[from, to)} is dot-atom-text. */
    public static boolean isDotAtomText(String s, int from, int to) {
        if (from >= to || s.charAt(from) == '.' || s.charAt(to - 1) == '.') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.' ? s.charAt(i - 1) == '.' : !isAtext(c)) {
                return false;
            }
        }
        return true;
    }
}
