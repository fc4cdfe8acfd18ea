package dev.inkan.arc;

import dev.inkan.message.BodyHash;
import dev.inkan.message.BodyHashKey;
import dev.inkan.message.BodyHashRequester;
import dev.inkan.message.Canonicalization;
import dev.inkan.message.HeaderBlock;
import dev.inkan.message.HeaderField;
import dev.inkan.message.ScannedMessage;
import dev.inkan.message.SignedHeaderData;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ARC validation of one message (RFC 8617 §5.2): as a {@link BodyHashRequester} it collects the ARC fields when
 * the header block is complete and asks for the body digests of their AMS, sharing digests with DKIM in the same
 * pass; after the scan, {@link #verdict(ScannedMessage)} runs the algorithm. Not thread-safe; one per message.
 */
public final class ArcCheck implements BodyHashRequester {

    private static final Logger LOG = LoggerFactory.getLogger(ArcCheck.class);

    private final ArcValidatorConfig config;
    private final ArcSignatureVerifier verifier;
    private ArcHeaders arc;

    ArcCheck(ArcValidatorConfig config, ArcSignatureVerifier verifier) {
        this.config = config;
        this.verifier = verifier;
    }

    @Override
    public Set<BodyHashKey> bodyHashKeys(HeaderBlock headers) {
        arc = ArcHeaders.of(headers);
        Set<BodyHashKey> wanted = new LinkedHashSet<>();
        if (arc.signatures.size() > config.maxInstances()) {
            return wanted; // more AMS than sets allowed: the structure fails before any body hash is read
        }
        for (ArcFieldParse<ArcMessageSignature> p : arc.signatures) {
            if (p.instance() <= config.maxInstances()) {
                p.valid().ifPresent(ams -> wanted.add(ams.bodyHashKey()));
            }
        }
        return wanted;
    }

    /**
     * The DNS names of the keys the chain's seals and message signatures name, known once {@link #bodyHashKeys}
     * has run, so a caller can look them up concurrently before {@link #verdict}.
     */
    public List<String> keyNames() {
        List<String> names = new ArrayList<>();
        if (arc == null || arc.signatures.size() > config.maxInstances()) {
            return names;
        }
        arc.seals.forEach(p -> p.valid().ifPresent(seal -> names.add(seal.keyName())));
        arc.signatures.forEach(p -> p.valid().ifPresent(ams -> names.add(ams.keyName())));
        return names;
    }

    /** The chain's verdict; never throws for a bad chain, and an internal error is reported as fail. */
    public ArcVerdict verdict(ScannedMessage message) {
        if (arc == null) {
            throw new IllegalStateException("the check was not registered with the message sink");
        }
        try {
            return validate(message);
        } catch (RuntimeException e) {
            LOG.warn("ARC validation failed internally; reporting fail", e);
            return ArcVerdict.fail(new ArcFailure(ArcReason.INTERNAL_ERROR, "internal error: " + e), arc.highestInstance());
        }
    }

    private ArcVerdict validate(ScannedMessage message) {
        if (arc.isEmpty()) {
            return ArcVerdict.none();
        }
        int n = arc.highestInstance();
        ArcStructure structure = ArcStructure.check(arc, config.maxInstances());
        if (structure.failure() != null) {
            return ArcVerdict.fail(structure.failure(), n);
        }
        List<ArcSet> sets = structure.sets();
        ArcFailure newest = verifySignature(sets.get(n - 1), message);
        if (newest != null) {
            return ArcVerdict.fail(newest, n);
        }
        int oldestPass = config.oldestPass() ? oldestPass(sets, message) : -1;
        for (int k = n; k >= 1; k--) {
            ArcFailure seal = verifySeal(sets, k);
            if (seal != null) {
                return ArcVerdict.fail(seal, n);
            }
        }
        return new ArcVerdict(ArcResult.PASS, null, null, n, oldestPass, summaries(sets));
    }

    /** RFC 8617 §5.2 step 5: the lowest instance from which every newer AMS validates; 0 when all do. */
    private int oldestPass(List<ArcSet> sets, ScannedMessage message) {
        for (int m = sets.size() - 1; m >= 1; m--) {
            if (verifySignature(sets.get(m - 1), message) != null) {
                return m + 1;
            }
        }
        return 0;
    }

    /** Steps 4 and 5: one AMS, verified like a DKIM signature (RFC 8617 §4.1.2, RFC 6376 §6.1.3). */
    private ArcFailure verifySignature(ArcSet set, ScannedMessage message) {
        ArcFieldParse<ArcMessageSignature> parse = set.signature();
        if (parse.value() == null) {
            return new ArcFailure(parse.reason(), parse.detail());
        }
        ArcMessageSignature ams = parse.value();
        String where = ArcFieldParser.MESSAGE_SIGNATURE + " i=" + ams.instance();
        if (ams.signsSeal()) {
            return new ArcFailure(ArcReason.AMS_SIGNS_SEAL, where + ": h= includes ARC-Seal (RFC 8617 §4.1.2)");
        }
        BodyHash body = message.bodyHash(ams.bodyHashKey());
        if (ams.bodyLength() >= 0 && ams.bodyLength() > body.canonicalLength()) {
            return new ArcFailure(ArcReason.BODY_HASH_MISMATCH, where + ": l=" + ams.bodyLength()
                    + " is longer than the " + body.canonicalLength() + "-byte canonical body");
        }
        if (!MessageDigest.isEqual(body.digest(), ams.bodyHash())) {
            return new ArcFailure(ArcReason.BODY_HASH_MISMATCH, where + ": body hash did not verify");
        }
        byte[] data = SignedHeaderData.build(message.headers(), ams.signedHeaders(), ams.headerCanonicalization(),
                ams.fieldWithoutSignature());
        return verifier.verify(where, ams.algorithm(), ams.domain(), ams.selector(), data, ams.signature(),
                ArcReason.AMS_SIGNATURE_MISMATCH);
    }

    /**
     * Step 6: the seal of instance {@code k} covers the AAR, AMS and AS of sets 1..k in that order, relaxed,
     * its own b= emptied (RFC 8617 §5.1.1).
     */
    private ArcFailure verifySeal(List<ArcSet> sets, int k) {
        ArcFieldParse<ArcSeal> parse = sets.get(k - 1).seal();
        if (parse.value() == null) {
            return new ArcFailure(parse.reason(), parse.detail());
        }
        ArcSeal seal = parse.value();
        List<HeaderField> covered = new ArrayList<>(3 * k);
        for (int j = 1; j <= k; j++) {
            ArcSet set = sets.get(j - 1);
            covered.add(set.results().field());
            covered.add(set.signature().field());
            if (j < k) {
                covered.add(set.seal().field());
            }
        }
        byte[] data = SignedHeaderData.build(covered, Canonicalization.RELAXED, seal.fieldWithoutSignature());
        return verifier.verify(ArcFieldParser.SEAL + " i=" + k, seal.algorithm(), seal.domain(), seal.selector(), data,
                seal.signature(), ArcReason.SEAL_SIGNATURE_MISMATCH);
    }

    private static List<ArcSetSummary> summaries(List<ArcSet> sets) {
        List<ArcSetSummary> out = new ArrayList<>(sets.size());
        for (ArcSet set : sets) {
            ArcSeal seal = set.seal().value();
            ArcMessageSignature ams = set.signature().value();
            out.add(new ArcSetSummary(set.instance(), seal.domain(), seal.selector(),
                    ams == null ? null : ams.domain(), ams == null ? null : ams.selector(),
                    set.results().value().results()));
        }
        return out;
    }
}
