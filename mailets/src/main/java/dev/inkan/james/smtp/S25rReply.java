package dev.inkan.james.smtp;

import dev.inkan.net.IpLiteral;
import dev.inkan.s25r.S25rRule;
import dev.inkan.s25r.S25rVerdict;
import java.util.Optional;

/**
 * The SMTP reply S25rCheck gives a refused client: always {@code 450 4.7.1} ("try again later"; S25R relies on a
 * real mail server retrying while its operator is asked to allow it), with a text naming the reason and what the
 * sender's administrator can do, in Postfix's words where Postfix has some ("Client host rejected: cannot find your
 * hostname"). Free of James's SMTP API, so that it is tested everywhere.
 *
 * @param code the reply code, {@code 450}
 * @param text the text after the code, starting with the enhanced status code {@code 4.7.1} (RFC 3463, RFC 7372)
 */
public record S25rReply(String code, String text) {

    public static final String CODE = "450";

    /** The reply for {@code verdict}, or empty when S25R lets the client in. */
    public static Optional<S25rReply> of(S25rVerdict verdict) {
        if (!verdict.result().refused()) {
            return Optional.empty();
        }
        String address = "[" + IpLiteral.format(verdict.client()) + "]";
        String text = switch (verdict.result()) {
            case PASS, ALLOWED -> throw new IllegalStateException("not refused: " + verdict);
            case TEMPERROR -> "Client host rejected: cannot find your hostname, " + address
                    + ": temporary DNS failure (" + verdict.detail() + "); try again later";
            case DENIED -> "Client host rejected: " + verdict.clientText() + " is on this server's deny list";
            case FLAGGED -> verdict.rule().orElseThrow() == S25rRule.RULE_0
                    ? "Client host rejected: cannot find your hostname, " + address + " (S25R rule 0: "
                            + verdict.detail() + "); a mail server needs a PTR record whose name resolves back to"
                            + " its address"
                    : "Client host rejected: " + verdict.clientText() + " looks like a dynamic address ("
                            + verdict.rule().orElseThrow() + "); ask your provider for a static address with proper"
                            + " reverse DNS, or relay through your provider's mail server";
        };
        return Optional.of(new S25rReply(CODE, "4.7.1 " + text));
    }

    @Override
    public String toString() {
        return code + " " + text;
    }
}
