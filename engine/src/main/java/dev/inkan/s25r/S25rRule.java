package dev.inkan.s25r;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The published S25R rejection rules, as ASAMI Hideo gives them for Postfix ({@code smtpd_client_restrictions =
 * permit_mynetworks, check_client_access regexp:/etc/postfix/white_list, check_client_access
 * regexp:/etc/postfix/rejections}), in the report "Selective SMTP Rejection (S25R) is Effective for Spam Blocking",
 * http://www.gabacho-net.jp/en/anti-spam/anti-spam-system.html (rules as revised on 2009-02-01, when rule 1 got its
 * trailing {@code .*\.} so that it no longer traps IPv6 address literals; update history:
 * http://www.gabacho-net.jp/en/anti-spam/history.html). The same six expressions are milter manager's built-in
 * {@code S25R} applicable condition.
 *
 * <p>Rule 0 is Postfix's {@code unknown} client: no PTR name, or a PTR name that does not resolve back to the
 * client address. Rules 1 to 6 are regular expressions on the forward-confirmed name; like a Postfix
 * {@code regexp:} table they ignore case and match from the start of the name (they are searched, not anchored
 * at the end).
 */
public enum S25rRule {

    /** No PTR name, or none that resolves back to the client's address (Postfix's {@code unknown}). */
    RULE_0(null, "no reverse DNS name that resolves back to the address"),
    /** The lowest label has two digit runs split by non-digits, and a label follows: {@code p1234-ipbf01funabasi.…}. */
    RULE_1("^[^.]*[0-9][^0-9.]+[0-9].*\\.", "the lowest label has two runs of digits"),
    /** The lowest label has five digits in a row: {@code softbank220012345678.bbtec.net}. */
    RULE_2("^[^.]*[0-9]{5}", "the lowest label has five digits in a row"),
    /**
     * The lowest or second-lowest label starts with a digit, with at least three labels above it:
     * {@code 218.43.57.84.static.example.jp}, {@code ntt1.12.example.ne.jp}.
     */
    RULE_3("^([^.]+\\.)?[0-9][^.]*\\.[^.]+\\..+\\.[a-z]", "a low label starts with a digit"),
    /** The lowest label ends with a digit and the next has digits split by a hyphen: {@code c1.1-2-3.example.jp}. */
    RULE_4("^[^.]*[0-9]\\.[^.]*[0-9]-[0-9]", "numbered labels joined by a hyphen"),
    /** Five or more labels, the lowest two ending with digits: {@code ntt12.net3.example.ne.jp}. */
    RULE_5("^[^.]*[0-9]\\.[^.]*[0-9]\\.[^.]+\\..+\\.", "the lowest two labels end with digits"),
    /** The lowest label starts with dhcp, dialup, ppp or a DSL name and has a digit: {@code adsl123.example.jp}. */
    RULE_6("^(dhcp|dialup|ppp|[achrsvx]?dsl)[^.]*[0-9]", "the lowest label names a dial-up, DHCP or DSL line");

    private final Pattern pattern;
    private final String meaning;

    S25rRule(String regex, String meaning) {
        this.pattern = regex == null ? null : Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        this.meaning = meaning;
    }

    /** 0 to 6, as the S25R report numbers them. */
    public int number() {
        return ordinal();
    }

    /** The regular expression (Postfix {@code regexp:} syntax, case ignored); empty for rule 0. */
    public Optional<String> regex() {
        return Optional.ofNullable(pattern).map(Pattern::pattern);
    }

    /** What the rule looks for, in a few words. */
    public String meaning() {
        return meaning;
    }

    /** The first of rules 1 to 6 that matches the (forward-confirmed) host name, if any. */
    public static Optional<S25rRule> firstMatch(String hostName) {
        for (S25rRule rule : values()) {
            if (rule.pattern != null && rule.pattern.matcher(hostName).find()) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "S25R rule " + number();
    }
}
