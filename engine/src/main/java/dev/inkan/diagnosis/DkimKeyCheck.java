package dev.inkan.diagnosis;

import dev.inkan.crypto.KeyPolicy;
import dev.inkan.crypto.KeyType;
import dev.inkan.crypto.SignatureAlgorithm;
import dev.inkan.crypto.SigningKey;
import dev.inkan.crypto.VerifyingKey;
import dev.inkan.dns.DnsResolver;
import dev.inkan.dns.OversizedTxtString;
import dev.inkan.keyrecord.KeyRecord;
import dev.inkan.keyrecord.KeyRecordCache;
import dev.inkan.keyrecord.KeyRecordLookup;
import dev.inkan.keyrecord.KeyRecordParse;
import dev.inkan.keyrecord.KeyRecordProblem;
import dev.inkan.tagvalue.TagListParse;
import dev.inkan.tagvalue.TagListParser;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Explains the DKIM key record at {@code selector._domainkey.domain} (RFC 6376 §3.6.1, §3.6.2; RFC 8301; RFC 8463),
 * optionally against the private key that signs with it. The record the verifier would use is found by the
 * verifier's own {@link KeyRecordLookup} (the first valid record, RFC 6376 §6.1.2), parsed by {@link KeyRecordParse},
 * decoded by {@link VerifyingKey#fromDnsKeyData} and judged by {@link KeyPolicy#RFC8301} and {@link
 * KeyRecord#problemFor}: the check's error is the verifier's permerror, fail or policy result.
 */
public final class DkimKeyCheck {

    /** Base64 alone, as the tail of a key spread over a second TXT record is. */
    private static final Pattern BASE64_PIECE = Pattern.compile("[A-Za-z0-9+/=\\s]+");
    /** RFC 8301 §3.2: signers SHOULD use at least 2048 bits. */
    private static final int RECOMMENDED_RSA_BITS = 2048;

    private final TxtLookup txt;
    private final KeyPolicy policy = KeyPolicy.RFC8301;

    /** A check over real DNS (or any resolver without zone-file strings to report). */
    public DkimKeyCheck(DnsResolver resolver) {
        this(resolver, List.of());
    }

    /** A check over a zone file whose over-long strings ({@link dev.inkan.dns.ZoneFileResolver}) it reports. */
    public DkimKeyCheck(DnsResolver resolver, List<OversizedTxtString> zoneStrings) {
        this.txt = new TxtLookup(resolver, zoneStrings);
    }

    /**
     * Checks the key record of {@code selector} at {@code domain}.
     *
     * @param key the private key that signs with this selector, or null; then the record must publish its public
     *     key ({@code key-matches} / {@code key-mismatch})
     */
    public RecordReport check(String domain, String selector, SigningKey key) {
        String name = KeyRecordLookup.keyName(selector, domain);
        String publish = key == null ? "publish the record that inkan keygen wrote (" + selector + ".txt) at " + name
                + ", or check the selector and domain"
                : "publish this TXT record at " + name + ": " + KeyRecord.textFor(key.publicKey());
        TxtLookup.Result answer = txt.txt(name, "DKIM key record", publish);
        List<Finding> findings = new ArrayList<>(answer.findings());
        if (answer.found()) {
            findings.addAll(records(name, answer.answer().records(), key, publish));
        }
        return new RecordReport(name + " TXT", findings);
    }

    private List<Finding> records(String name, List<String> texts, SigningKey key, String publish) {
        List<Finding> findings = new ArrayList<>();
        if (texts.size() > 1) {
            findings.add(several(name, texts));
        }
        KeyRecordParse chosen = new KeyRecordLookup(txt.resolver(), new KeyRecordCache(8)).find(name);
        if (chosen.record() == null) {
            findings.add(unparsable(texts.get(0), chosen, publish));
            return findings;
        }
        KeyRecord record = chosen.record();
        whitespaceInKey(record).ifPresent(findings::add);
        if (record.revoked()) {
            findings.add(Finding.error("key-revoked", "the record has an empty p=: the key is revoked (RFC 6376 "
                    + "section 3.6.1), so every signature with this selector fails (dkim=fail, key revoked)",
                    key == null ? "sign with another selector; keep the revoked record until no mail signed with "
                            + "it is in transit" : publish));
            return findings;
        }
        if (record.keyType() == null) {
            findings.add(Finding.error("unknown-key-type", "k=" + record.keyTypeName() + " is not a key type "
                    + "verifiers know (rsa, RFC 6376; ed25519, RFC 8463): verifiers answer permerror (inappropriate "
                    + "key algorithm)", "write k=rsa or k=ed25519, matching the key in p="));
            return findings;
        }
        VerifyingKey published;
        try {
            published = VerifyingKey.fromDnsKeyData(record.keyType(), record.keyData());
        } catch (InvalidKeyException e) {
            findings.add(undecodable(record, e, publish));
            return findings;
        }
        findings.addAll(usability(record, published));
        if (record.testing()) {
            findings.add(Finding.warning("testing-mode", "t=y: the domain says it is testing DKIM (RFC 6376 section "
                    + "3.6.1); receivers MUST NOT treat a failed signature differently from an unsigned message, "
                    + "and some ignore a passing one", "remove t=y once signing works"));
        }
        if (key != null) {
            findings.add(matching(name, published, key, publish));
        }
        return findings;
    }

    /** RFC 6376 §3.6.2.2: "TXT RRs MUST be unique for a particular selector name". */
    private static Finding several(String name, List<String> texts) {
        long keys = texts.stream().filter(t -> KeyRecordParse.parse(t).record() != null).count();
        boolean split = keys <= 1 && texts.stream().anyMatch(t -> BASE64_PIECE.matcher(t).matches());
        if (split) {
            return Finding.error("record-split", "the key is spread over " + texts.size() + " TXT records at " + name
                    + "; DNS joins the strings of one record (RFC 6376 section 3.6.2.2), never separate records, so "
                    + "the key in p= is cut short", "publish one TXT record holding the whole value as several "
                    + "quoted strings: " + name + ". IN TXT ( \"v=DKIM1; k=rsa; p=...\" \"...rest of p=\" )");
        }
        return Finding.error("multiple-records", texts.size() + " TXT records at " + name + "; a selector must have "
                + "exactly one (RFC 6376 section 3.6.2.2: with several the results are undefined; Inkan uses the first "
                + "valid one, other verifiers may not)", "remove all but one record; use a new selector for a new key");
    }

    /** The first record does not parse: quotes pasted in, a bad version, or a tag list that breaks §3.2. */
    private static Finding unparsable(String text, KeyRecordParse chosen, String publish) {
        if (text.indexOf('"') >= 0) {
            return Finding.error("quotes-in-record", "the record holds quote characters (\"): the quotes of a zone "
                    + "file line were pasted into the value, so the tags and the key are broken (" + chosen.detail()
                    + ")", "enter the value without quotes; in a zone file, quotes only delimit the strings");
        }
        if (chosen.problem() == KeyRecordProblem.VERSION) {
            return Finding.error("unsupported-version", chosen.detail() + "; the only version is v=DKIM1 (RFC 6376 "
                    + "section 3.6.1): verifiers answer permerror", "write v=DKIM1 (case matters) or leave v= out");
        }
        if (chosen.problem() == KeyRecordProblem.NOT_FOUND) {
            return Finding.error("record-missing", "no DKIM key record among the TXT records", publish);
        }
        String detail = chosen.detail() == null ? chosen.problem().text() : chosen.detail();
        if (detail.contains("base64")) {
            return Finding.error("no-modulus", "p= is not valid base64 (" + detail + "): verifiers answer permerror "
                    + "(key syntax error), some log \"public key has no modulus\"." + cutHint(text, -1),
                    publish + " — the whole value, letters, digits, + and / only");
        }
        return Finding.error("key-syntax", "the record is not a valid tag list (" + detail + "; RFC 6376 section "
                + "3.2): verifiers answer permerror (key syntax error)", "write tag=value pairs separated by \";\", "
                + "each tag once, e.g. v=DKIM1; k=rsa; p=...");
    }

    /** RFC 6376 allows folding white space inside p=, but web forms and some verifiers do not survive it. */
    private static Optional<Finding> whitespaceInKey(KeyRecord record) {
        TagListParse parsed = TagListParser.parse(record.text());
        String p = parsed.isOk() ? parsed.list().valueOrNull("p") : null;
        if (p == null || p.chars().noneMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        return Optional.of(Finding.warning("key-whitespace", "p= holds white space; RFC 6376 section 3.6.1 "
                + "allows it and Inkan ignores it, but it usually means a line break was pasted into the key and some "
                + "verifiers stop at it",
                "publish p= as one unbroken base64 string (split only between quoted strings)"));
    }

    /** The p= bytes are no key of the record's type: truncated, of the other type, or garbage. */
    private static Finding undecodable(KeyRecord record, InvalidKeyException e, String publish) {
        KeyType other = record.keyType() == KeyType.RSA ? KeyType.ED25519 : KeyType.RSA;
        try {
            VerifyingKey.fromDnsKeyData(other, record.keyData());
            return Finding.error("key-type-mismatch", "p= holds an " + other.tagName() + " key but the record says k="
                    + record.keyTypeName() + (record.keyType() == KeyType.RSA ? " (rsa is the default when k= is "
                    + "absent)" : "") + ": verifiers cannot use it (" + e.getMessage() + ")",
                    "write k=" + other.tagName() + " in the record");
        } catch (InvalidKeyException notOther) {
            // neither type: a cut or damaged key
        }
        String hint = cutHint(record.text(), record.keyData().length);
        return Finding.error("no-modulus", "p= does not decode to " + (record.keyType() == KeyType.RSA ? "an RSA"
                : "an Ed25519") + " public key (" + e.getMessage() + "): verifiers answer permerror, Gmail "
                + "dkim=neutral (no key), DKIMproxy \"public key has no modulus\"." + hint,
                publish + " — the whole value, split into quoted strings of at most 255 bytes within one record");
    }

    /** Why a key may be cut: the record is exactly one DNS string long, or the key is shorter than any RSA key. */
    private static String cutHint(String text, int keyBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length == OversizedTxtString.MAX_OCTETS) {
            return " The record is exactly 255 bytes long: it was probably cut at the 255-byte limit of one DNS "
                    + "string.";
        }
        return keyBytes < 0 ? "" : " p= holds " + keyBytes + " bytes (about " + keyBytes * 4 / 3 + " base64 "
                + "characters); a 2048-bit RSA key needs 294 bytes (392 characters), a 1024-bit one 162 (216).";
    }

    /** Key size (RFC 8301 §3.2) and the algorithms the record allows (h=, s=; RFC 8301 §3.1 refuses rsa-sha1). */
    private List<Finding> usability(KeyRecord record, VerifyingKey published) {
        List<Finding> findings = new ArrayList<>();
        var refused = policy.check(published);
        if (refused.isPresent()) {
            findings.add(Finding.error(refused.get().violation() == KeyPolicy.Violation.KEY_TOO_SHORT ? "key-too-short"
                    : "key-too-long", refused.get().detail() + ": verifiers answer policy or permerror",
                    "generate a 2048-bit key under a new selector: inkan keygen --bits 2048"));
        } else if (published.type() == KeyType.RSA && published.bits() < RECOMMENDED_RSA_BITS) {
            findings.add(Finding.warning("key-short", "RSA key of " + published.bits() + " bits: accepted, but RFC "
                    + "8301 section 3.2 says signers SHOULD use at least 2048 bits", "move to a 2048-bit key under a new "
                    + "selector: inkan keygen --bits 2048"));
        }
        List<String> usable = Arrays.stream(SignatureAlgorithm.values())
                .filter(a -> a.keyType() == published.type() && record.problemFor(a) == null
                        && policy.check(a).isEmpty())
                .map(SignatureAlgorithm::tagName).toList();
        if (!usable.isEmpty()) {
            if (refused.isEmpty()) {
                findings.add(Finding.info("key-ok", published.type().tagName() + " key of " + published.bits()
                        + " bits, usable for " + String.join(", ", usable)));
            }
        } else if (!record.isForEmail()) {
            findings.add(Finding.error("not-for-email", "s=" + String.join(":", record.services()) + " does not "
                    + "include email or *: verifiers answer permerror (key is not for email)",
                    "remove s= or write s=email"));
        } else if (record.hashes().contains("sha1")) {
            findings.add(Finding.error("sha1-only", "h=" + String.join(":", record.hashes()) + " allows only SHA-1, "
                    + "and rsa-sha1 signatures are refused since RFC 8301 section 3.1: no signature with this key can pass",
                    "remove h= (all hashes) or write h=sha256, and sign with rsa-sha256"));
        } else {
            findings.add(Finding.error("no-usable-hash", "h=" + String.join(":", record.hashes()) + " lists no hash a "
                    + "verifier can use with a " + published.type().tagName() + " key (sha256, RFC 8301): verifiers "
                    + "answer permerror (inappropriate hash algorithm)", "remove h= or write h=sha256"));
        }
        return findings;
    }

    private static Finding matching(String name, VerifyingKey published, SigningKey key, String publish) {
        VerifyingKey own = key.publicKey();
        if (own.type() == published.type() && Arrays.equals(own.dnsKeyData(), published.dnsKeyData())) {
            return Finding.info("key-matches", "the record at " + name + " is visible and publishes the public key of "
                    + "the private key given (" + own.type().tagName() + ", " + own.bits() + " bits): its signatures "
                    + "will verify");
        }
        return Finding.error("key-mismatch", "the record at " + name + " publishes another key ("
                + published.type().tagName() + ", " + published.bits() + " bits) than the public key of the private "
                + "key given (" + own.type().tagName() + ", " + own.bits() + " bits): its signatures fail "
                + "(dkim=fail, signature did not verify)", publish);
    }
}
