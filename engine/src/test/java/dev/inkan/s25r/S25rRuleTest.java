package dev.inkan.s25r;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every published S25R rule on names of the kind it was written for, and server names none of them may catch. */
class S25rRuleTest {

    @ParameterizedTest(name = "{0} -> rule {1}")
    @CsvSource({
        // rule 1: the lowest label has two runs of digits split by non-digits (and a label follows)
        "p1234-ipbf01funabasi.chiba.ocn.ne.jp, 1",
        "i219-167-12-34.s41.a014.ap.plala.or.jp, 1",
        "h116-0-123-45.catv02.itscom.jp, 1",
        // rule 2: five digits in a row in the lowest label
        "softbank220012345678.bbtec.net, 2",
        "YahooBB219012345067.bbtec.net, 2",
        "ntt2012345.example.jp, 2",
        "ZaqD3012345.zaq.ne.jp, 2",
        "KD106154012034.ppp-bb.dion.ne.jp, 2",
        // rule 3: the lowest or second-lowest label starts with a digit, three or more labels above
        "218.43.57.84.static.example.jp, 3",
        "ntt1.12.example.ne.jp, 3",
        "123.45.dyn.example.co.jp, 3",
        // rule 4: lowest label ends with a digit, the next has digits split by a hyphen
        "c1.1-2-3.example.jp, 4",
        "host12.33-1.example.com, 4",
        // rule 5: five or more labels, the lowest two ending with digits
        "ntt12.net3.example.ne.jp, 5",
        "mail2.ocn1.chiba.example.jp, 5",
        "pl1234.nas921.p-osaka.nttpc.ne.jp, 5",
        // rule 6: dhcp, dialup, ppp or a DSL name first, with a digit
        "adsl123.example.jp, 6",
        "dhcp7.example.net, 6",
        "dialup-pool2.example.com, 6",
        "PPP9.example.org, 6",
        "xdslx9.example.co.uk, 6",
    })
    void each_rule_catches_the_names_it_was_written_for(String name, int rule) {
        assertThat(S25rRule.firstMatch(name)).map(S25rRule::number).hasValue(rule);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "mail.example.co.jp", "smtp2.example.com", "mx01.example.jp", "ntt12.example.jp", "mx.ocn.ne.jp",
        "smtp13.mail.example.jp", "mta-out1.example.net", "localhost", "mail", "ppp.example.jp", "adsl.example.jp",
        "mail2.example.ne.jp", "mx1.mail.example.co.jp"
    })
    void server_names_match_no_rule(String name) {
        assertThat(S25rRule.firstMatch(name)).as(name).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> rule {1}")
    @CsvSource({
        "mail-gx0-f21.google.com, 1", "mc1-s3.bay6.hotmail.com, 1", "h04-a1.data-hotel.net, 1",
        "web10902.mail.bbt.yahoo.co.jp, 2", "web35509.mail.mud.yahoo.com, 2", "n2.59-106-41-68.mixi.jp, 4",
        "mta12.m2.home.ne.jp, 5"
    })
    void the_servers_of_the_reports_sample_white_list_are_caught_which_is_why_it_lists_them(String name, int rule) {
        assertThat(S25rRule.firstMatch(name)).map(S25rRule::number).hasValue(rule);
    }

    @Test
    void rule_1_spares_an_ipv6_literal_since_its_2009_revision() {
        // the trailing ".*\." of rule 1 needs another label after the digits
        assertThat(S25rRule.RULE_1.regex()).hasValue("^[^.]*[0-9][^0-9.]+[0-9].*\\.");
        assertThat(S25rRule.firstMatch("2001:db8::1")).isEmpty();
        assertThat(S25rRule.firstMatch("a1b2")).isEmpty();
        assertThat(S25rRule.firstMatch("a1b2.example.jp")).hasValue(S25rRule.RULE_1);
    }

    @Test
    void the_rules_are_the_published_expressions_and_ignore_case() {
        assertThat(S25rRule.values()).extracting(r -> r.regex().orElse("unknown")).containsExactly(
                "unknown",
                "^[^.]*[0-9][^0-9.]+[0-9].*\\.",
                "^[^.]*[0-9]{5}",
                "^([^.]+\\.)?[0-9][^.]*\\.[^.]+\\..+\\.[a-z]",
                "^[^.]*[0-9]\\.[^.]*[0-9]-[0-9]",
                "^[^.]*[0-9]\\.[^.]*[0-9]\\.[^.]+\\..+\\.",
                "^(dhcp|dialup|ppp|[achrsvx]?dsl)[^.]*[0-9]");
        assertThat(S25rRule.firstMatch("ADSL1.EXAMPLE.JP")).hasValue(S25rRule.RULE_6);
        assertThat(S25rRule.firstMatch("1.2.EXAMPLE.NE.JP")).hasValue(S25rRule.RULE_3);
        assertThat(S25rRule.RULE_0.regex()).isEqualTo(Optional.empty());
        assertThat(S25rRule.RULE_4).hasToString("S25R rule 4");
    }
}
