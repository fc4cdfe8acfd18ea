package dev.inkan.dkim;

import dev.inkan.crypto.KeyPolicy;
import dev.inkan.crypto.VerifyingKey;
import dev.inkan.crypto.VerifyingKeyCache;
import dev.inkan.dns.DnsResolver;
import dev.inkan.keyrecord.KeyRecord;
import dev.inkan.keyrecord.KeyRecordCache;
import dev.inkan.keyrecord.KeyRecordLookup;
import dev.inkan.keyrecord.KeyRecordParse;
import dev.inkan.keyrecord.KeyRecordProblem;
import dev.inkan.message.BodyHash;
import dev.inkan.message.BodyHashKey;
import dev.inkan.message.BodyHashRequester;
import dev.inkan.message.FromDomains;
import dev.inkan.message.HeaderBlock;
import dev.inkan.message.HeaderField;
import dev.inkan.message.ScannedMessage;
import dev.inkan.message.SignedHeaderData;
import dev.inkan.tagvalue.SignatureTags;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DKIM verification of one message: as a {@link BodyHashRequester} it parses the DKIM-Signature fields
 * when the header block is complete and asks for their body digests; after the scan,
 * {@link #verdicts(ScannedMessage)} checks each signature (RFC 6376 §6.1). Signatures beyond the
 * configured cap (the author's domain's are chosen first) are reported as policy, not checked.
 */
public final class DkimCheck implements BodyHashRequester {

    private static final Logger LOG = LoggerFactory.getLogger(DkimCheck.class);

    private final DkimVerifierConfig config;
    private final VerifyingKeyCache keys;
    private final KeyRecordLookup keyRecords;
    private final List<HeaderField> fields = new ArrayList<>();
    private final List<DkimSignatureParse> parses = new ArrayList<>();
    private final Set<Integer> selected = new HashSet<>();

    DkimCheck(DkimVerifierConfig config, VerifyingKeyCache keys, KeyRecordCache records, DnsResolver resolver) {
        this.config = config;
        this.keys = keys;
        this.keyRecords = new KeyRecordLookup(resolver, records);
    }

    /**
     * The DNS names of the keys the checked signatures will need ({@code s._domainkey.d}), known once
     * {@link #bodyHashKeys} has run, so a caller can look them up concurrently before {@link #verdicts}.
     */
    public List<String> keyNames() {
        List<String> names = new ArrayList<>();
        for (int i : selected) {
            parses.get(i).valid().ifPresent(sig -> names.add(sig.keyName()));
        }
        return names;
    }

    /**
     * Parses every DKIM-Signature and chooses the ones to check, at most {@code maxSignatures}: first those whose
     * d= is the author's (From) domain, a parent or a subdomain of it — the ones DMARC can use — then the others,
     * each group top to bottom (RFC 6376 §6.1 leaves the order to the verifier). So a sender who adds junk
     * signatures on top cannot push the author's own signature past the cap.
     */
    @Override
    public Set<BodyHashKey> bodyHashKeys(HeaderBlock headers) {
        fields.addAll(headers.named("DKIM-Signature"));
        for (HeaderField field : fields) {
            parses.add(DkimSignatureParser.parse(field, config.acceptDraftSignatures()));
        }
        List<String> authors = FromDomains.of(headers).distinctDomains();
        List<Integer> order = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < parses.size(); i++) {
                if (authorsDomain(parses.get(i), authors) == (pass == 0)) {
                    order.add(i);
                }
            }
        }
        Set<BodyHashKey> wanted = new LinkedHashSet<>();
        for (int i : order.subList(0, Math.min(order.size(), config.maxSignatures()))) {
            selected.add(i);
            parses.get(i).valid().ifPresent(sig -> wanted.add(sig.bodyHashKey()));
        }
        return wanted;
    }

    private static boolean authorsDomain(DkimSignatureParse parse, List<String> authors) {
        String d = parse.signature() != null ? parse.signature().domain() : null;
        if (d == null) {
            return false;
        }
        String domain = d.toLowerCase(Locale.ROOT);
        for (String author : authors) {
            if (author.equals(domain) || author.endsWith("." + domain) || domain.endsWith("." + author)) {
                return true;
            }
        }
        return false;
    }

    /** One verdict per DKIM-Signature field, top to bottom; empty when the message is unsigned. */
    public List<DkimVerdict> verdicts(ScannedMessage message) {
        List<DkimVerdict> verdicts = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            DkimSignatureParse parse = parses.get(i);
            if (!selected.contains(i)) {
                verdicts.add(verdict(parse, DkimReason.NOT_CHECKED, "not checked: at most " + config.maxSignatures()
                        + " signatures are verified, the author's domain's first"));
                continue;
            }
            if (parse.signature() == null) {
                verdicts.add(verdict(parse, parse.reason(), parse.detail()));
                continue;
            }
            try {
                verdicts.add(verify(parse.signature(), message));
            } catch (RuntimeException e) {
                LOG.warn("DKIM verification of d={} s={} failed internally; reporting temperror",
                        parse.domain(), parse.selector(), e);
                verdicts.add(verdict(parse, DkimReason.INTERNAL_ERROR, "internal error: " + e));
            }
        }
        return verdicts;
    }

    private DkimVerdict verify(DkimSignature sig, ScannedMessage message) {
        DkimSignatureParse parse = DkimSignatureParse.ok(sig);
        long now = config.clock().instant().getEpochSecond();
        if (sig.expiration() >= 0 && sig.expiration() < now) {
            return verdict(parse, DkimReason.EXPIRED, "signature expired at x=" + sig.expiration());
        }
        if (sig.timestamp() > now + config.clockSkew().getSeconds()) {
            return verdict(parse, DkimReason.TIMESTAMP_IN_FUTURE, "signature timestamp t=" + sig.timestamp()
                    + " is in the future");
        }
        if (config.keyPolicy().check(sig.algorithm()).isPresent()) {
            return verdict(parse, DkimReason.SHA1_REFUSED, null);
        }
        KeyRecordParse keyParse = keyRecords.find(sig.keyName());
        if (keyParse.record() == null) {
            return verdict(parse, DkimReason.forKeyProblem(keyParse.problem()), keyParse.detail());
        }
        return verifyWithKey(sig, parse, keyParse.record(), message);
    }

    private DkimVerdict verifyWithKey(DkimSignature sig, DkimSignatureParse parse, KeyRecord record,
            ScannedMessage message) {
        KeyRecordProblem problem = keyProblem(sig, record);
        if (problem != null) {
            return verdict(parse, DkimReason.forKeyProblem(problem), record.detailFor(problem, sig.algorithm()));
        }
        if (record.strictIdentity() && !sig.identityDomain().equalsIgnoreCase(sig.domain())) {
            return verdict(parse, DkimReason.KEY_STRICT_IDENTITY, null);
        }
        if (record.revoked()) {
            return verdict(parse, DkimReason.KEY_REVOKED, null);
        }
        VerifyingKey key;
        try {
            key = keys.get(record.keyType(), record.keyData());
        } catch (InvalidKeyException e) {
            return verdict(parse, DkimReason.KEY_INVALID, e.getMessage());
        }
        Optional<KeyPolicy.Refusal> refused = config.keyPolicy().check(key);
        if (refused.isPresent()) {
            DkimReason reason = refused.get().violation() == KeyPolicy.Violation.KEY_TOO_SHORT ? DkimReason.KEY_TOO_SHORT
                    : DkimReason.KEY_TOO_LONG;
            return withKey(verdict(parse, reason, refused.get().detail()), key.bits(), record);
        }
        BodyHash body = message.bodyHash(sig.bodyHashKey());
        if (sig.bodyLength() >= 0 && sig.bodyLength() > body.canonicalLength()) {
            return withKey(verdict(parse, DkimReason.BODY_LENGTH_EXCEEDS_BODY, "l=" + sig.bodyLength()
                    + " is longer than the " + body.canonicalLength() + "-byte canonical body"), key.bits(), record);
        }
        if (!MessageDigest.isEqual(body.digest(), sig.bodyHash())) {
            return withKey(verdict(parse, DkimReason.BODY_HASH_MISMATCH, null), key.bits(), record);
        }
        byte[] data = SignedHeaderData.build(message.headers(), sig.signedHeaders(), sig.headerCanonicalization(),
                sig.fieldWithoutSignature());
        if (!key.verify(sig.algorithm().hash(), data, sig.signature())) {
            return withKey(verdict(parse, DkimReason.SIGNATURE_MISMATCH, null), key.bits(), record);
        }
        return pass(parse, key.bits(), record, body);
    }

    /**
     * RFC 6376 §6.1.2 step 6 (key type, hash, service); the t=s flag of §3.6.1 and revocation (step 7) are
     * checked after it, in that order.
     */
    private static KeyRecordProblem keyProblem(DkimSignature sig, KeyRecord record) {
        KeyRecordProblem problem = record.problemFor(sig.algorithm());
        return problem == KeyRecordProblem.REVOKED ? null : problem;
    }

    private static DkimVerdict pass(DkimSignatureParse parse, int bits, KeyRecord record, BodyHash body) {
        List<String> notes = new ArrayList<>();
        long unsigned = body.canonicalLength() - body.hashedLength();
        if (parse.signature().bodyLength() >= 0) {
            notes.add(unsigned > 0 ? "l=" + body.hashedLength() + ": " + unsigned + " unsigned body bytes follow"
                    : "l=" + body.hashedLength() + ": whole body signed");
        }
        if (record.testing()) {
            notes.add("key in testing mode (t=y)");
        }
        String comment = notes.isEmpty() ? null : String.join("; ", notes);
        return new DkimVerdict(DkimResult.PASS, null, comment, parse.domain(), identityOf(parse), parse.selector(),
                parse.algorithm(), clean(parse.signatureValue()), bits, record.testing(),
                parse.signature().bodyLength(), unsigned);
    }

    private static DkimVerdict withKey(DkimVerdict v, int bits, KeyRecord record) {
        return new DkimVerdict(v.result(), v.reason(), v.comment(), v.domain(), v.identity(), v.selector(),
                v.algorithm(), v.signatureValue(), bits, record.testing(), v.bodyLength(), v.unsignedBodyBytes());
    }

    private static DkimVerdict verdict(DkimSignatureParse parse, DkimReason reason, String detail) {
        String comment = detail == null || detail.isEmpty() ? reason.text() : detail;
        long bodyLength = parse.signature() == null ? -1 : parse.signature().bodyLength();
        return new DkimVerdict(reason.result(), reason, comment, parse.domain(), identityOf(parse), parse.selector(),
                parse.algorithm(), clean(parse.signatureValue()), 0, false, bodyLength, 0);
    }

    /** header.i is reported only when the signature carries an i= tag. */
    private static String identityOf(DkimSignatureParse parse) {
        if (parse.signature() != null) {
            return parse.signature().tags().has("i") ? parse.signature().identity() : null;
        }
        return parse.identity();
    }

    private static String clean(String base64) {
        return base64 == null ? null : SignatureTags.withoutFws(base64);
    }
}
