package dev.inkan.senderid;

/**
 * The outcome of {@link PraSelector}: the PRA, or why the message has none (RFC 4407 §2 step 6: "The
 * message is ill-formed, and it is impossible to determine a Purported Responsible Address").
 *
 * @param pra the PRA, or null
 * @param problem why there is none (naming the step of RFC 4407 §2), or null
 */
public record PraSelection(Pra pra, String problem) {

    public PraSelection {
        if ((pra == null) == (problem == null)) {
            throw new IllegalArgumentException("exactly one of pra and problem");
        }
    }

    static PraSelection of(Pra pra) {
        return new PraSelection(pra, null);
    }

    static PraSelection none(String problem) {
        return new PraSelection(null, problem);
    }

    public boolean found() {
        return pra != null;
    }
}
