package dev.inkan.arc;

import java.util.List;

/** The outcome of sealing one message: the new ARC set, or why none was added. */
public sealed interface ArcSealResult permits ArcSealResult.Sealed, ArcSealResult.NotSealed {

    /** The validation of the chain the message arrived with. */
    ArcVerdict incoming();

    /** Why a message was not sealed. */
    enum Skip {
        /** No key is configured for this message. */
        NO_KEY("no sealing key for this message"),
        /** The newest ARC-Seal already says cv=fail: RFC 8617 §5.1 step 2 stops here. */
        CHAIN_ALREADY_FAILED("the chain already failed (newest ARC-Seal has cv=fail); not sealed (RFC 8617 §5.1 step 2)"),
        /** A new set would be instance 51 (RFC 8617 §4.2.1). */
        TOO_MANY_SETS("the message already has 50 ARC sets (RFC 8617 §4.2.1)");

        private final String text;

        Skip(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * A new ARC set.
     *
     * @param fields the ARC-Seal, ARC-Message-Signature and ARC-Authentication-Results fields, CRLF-terminated,
     *     in that order: prepend them so, the seal on top (RFC 8617 Appendix B)
     * @param instance the new set's i=
     * @param chainStatus the cv= written in the seal
     * @param domain the d= of the new AMS and AS
     * @param selector the s= of the new AMS and AS
     */
    record Sealed(List<String> fields, int instance, ArcResult chainStatus, String domain, String selector,
            ArcVerdict incoming) implements ArcSealResult {

        public Sealed {
            fields = List.copyOf(fields);
        }

        /** The three fields as one block of text, ready to prepend. */
        public String text() {
            return String.join("", fields);
        }
    }

    /** No set was added. */
    record NotSealed(Skip reason, ArcVerdict incoming) implements ArcSealResult {
    }
}
