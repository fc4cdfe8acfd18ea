package dev.inkan.s25r;

import dev.inkan.net.IpLiteral;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The S25R decision for one client.
 *
 * @param result what was decided
 * @param client the client's address
 * @param ptrName the client's forward-confirmed PTR name; for rule 0 and a DNS failure the PTR name seen, if any
 *     ({@link #nameConfirmed()} tells); empty when there is none or it was not looked up (an address on a list)
 * @param rule the rule that matched ({@link S25rResult#FLAGGED} only)
 * @param listEntry the allow- or deny-list entry that decided ({@link S25rResult#ALLOWED}, {@link S25rResult#DENIED})
 * @param detail a short human text: why rule 0 matched, the DNS failure, or empty
 */
public record S25rVerdict(S25rResult result, InetAddress client, Optional<String> ptrName, Optional<S25rRule> rule,
        Optional<String> listEntry, String detail) {

    public S25rVerdict {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(ptrName, "ptrName");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(listEntry, "listEntry");
        detail = detail == null ? "" : detail;
        if (rule.isPresent() != (result == S25rResult.FLAGGED)) {
            throw new IllegalArgumentException("a rule goes with FLAGGED and only with it: " + result + " " + rule);
        }
    }

    static S25rVerdict pass(InetAddress client, String name) {
        return new S25rVerdict(S25rResult.PASS, client, Optional.of(name), Optional.empty(), Optional.empty(), "");
    }

    static S25rVerdict listed(S25rResult result, InetAddress client, Optional<String> name, String entry) {
        return new S25rVerdict(result, client, name, Optional.empty(), Optional.of(entry), "");
    }

    static S25rVerdict flagged(S25rRule rule, InetAddress client, Optional<String> name, String detail) {
        return new S25rVerdict(S25rResult.FLAGGED, client, name, Optional.of(rule), Optional.empty(), detail);
    }

    static S25rVerdict temperror(InetAddress client, Optional<String> name, String detail) {
        return new S25rVerdict(S25rResult.TEMPERROR, client, name, Optional.empty(), Optional.empty(), detail);
    }

    /** Whether {@link #ptrName} is forward-confirmed (else it is the PTR name of rule 0 or of a DNS failure). */
    public boolean nameConfirmed() {
        return ptrName.isPresent() && result != S25rResult.TEMPERROR && rule.filter(S25rRule.RULE_0::equals).isEmpty();
    }

    /**
     * The client as Postfix logs it: {@code name[192.0.2.1]}; {@code unknown[192.0.2.1]} when it has no confirmed
     * name (rule 0, a DNS failure); {@code [192.0.2.1]} when a list decided on the address without a lookup.
     */
    public String clientText() {
        String address = "[" + IpLiteral.format(client) + "]";
        if (nameConfirmed()) {
            return ptrName.get() + address;
        }
        return result == S25rResult.TEMPERROR || result == S25rResult.FLAGGED ? "unknown" + address : address;
    }

    /**
     * One line for a log or an SMTP reply, e.g. {@code p1234-ipbf01funabasi.chiba.ocn.ne.jp[192.0.2.1]: S25R rule 1
     * (the lowest label has two runs of digits)}.
     */
    public String explanation() {
        return switch (result) {
            case PASS -> clientText() + ": no S25R rule matched";
            case ALLOWED -> clientText() + ": on the allow list (" + listEntry.orElseThrow() + ")";
            case DENIED -> clientText() + ": on the deny list (" + listEntry.orElseThrow() + ")";
            case FLAGGED -> clientText() + ": " + rule.orElseThrow() + " (" + (detail.isEmpty()
                    ? rule.orElseThrow().meaning() : detail) + ")";
            case TEMPERROR -> clientText() + ": reverse DNS could not be checked (" + detail + ")";
        };
    }
}
