package dev.inkan.arc;

import dev.inkan.authres.ResultInfo;
import dev.inkan.crypto.KeyType;
import dev.inkan.crypto.SignatureAlgorithm;
import dev.inkan.keytable.KeySelection;
import dev.inkan.message.BodyHash;
import dev.inkan.message.BodyHashKey;
import dev.inkan.message.BodyHashRequester;
import dev.inkan.message.Canonicalization;
import dev.inkan.message.HeaderBlock;
import dev.inkan.message.HeaderField;
import dev.inkan.message.ScannedMessage;
import dev.inkan.message.SignedHeaderData;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Sealing of one message (RFC 8617 §5.1): once the header block is known it collects the chain, chooses the key
 * and requests the AMS body digest (and, when validating, the digests of the chain's AMS) in the same single pass;
 * after the scan, {@link #result(ScannedMessage)} builds the new set. Not thread-safe; one per message.
 */
public final class ArcSealing implements BodyHashRequester {

    private final ArcSealerConfig config;
    private final ArcCheck check;
    private final ArcVerdict given;
    private ArcHeaders arc;
    private KeySelection key;

    ArcSealing(ArcSealerConfig config, ArcCheck check, ArcVerdict given) {
        this.config = config;
        this.check = check;
        this.given = given;
    }

    @Override
    public Set<BodyHashKey> bodyHashKeys(HeaderBlock headers) {
        Set<BodyHashKey> keys = new LinkedHashSet<>();
        if (check != null) {
            keys.addAll(check.bodyHashKeys(headers));
        }
        arc = ArcHeaders.of(headers);
        key = config.keyFor(headers).orElse(null);
        if (key != null) {
            keys.add(BodyHashKey.of(config.bodyCanonicalization(), algorithm().hash()));
        }
        return keys;
    }

    /**
     * The new set, or why there is none; the AAR records this hop's results as the message's
     * Authentication-Results fields for our authserv-id state them ({@link ArcHopResults#fromHeaders}).
     */
    public ArcSealResult result(ScannedMessage message) {
        return result(message, null);
    }

    /**
     * The new set, or why there is none; the AAR records {@code hopResults}, the verdicts this hop reached (DKIM,
     * SPF, DMARC, ...), plus the arc= result of the incoming chain when they lack one.
     *
     * @param hopResults this hop's results, or null to take them from the message's Authentication-Results
     */
    public ArcSealResult result(ScannedMessage message, List<ResultInfo> hopResults) {
        if (given == null && check == null) {
            throw new IllegalStateException("this job validates nothing: hand it the incoming chain's verdict");
        }
        return result(message, given != null ? given : check.verdict(message), hopResults);
    }

    /**
     * The new set, or why there is none, for a chain validated by the caller in the same pass ({@code incoming});
     * the AAR records {@code hopResults} (null: the message's Authentication-Results for our authserv-id).
     */
    public ArcSealResult result(ScannedMessage message, ArcVerdict incoming, List<ResultInfo> hopResults) {
        java.util.Objects.requireNonNull(incoming, "incoming");
        if (key == null) {
            return new ArcSealResult.NotSealed(ArcSealResult.Skip.NO_KEY, incoming);
        }
        ArcFieldParse<ArcSeal> newest = arc.newestSeal();
        if (incoming.reason() == ArcReason.CHAIN_ALREADY_FAILED
                || newest != null && newest.tags() != null && "fail".equals(newest.tags().valueOrNull("cv"))) {
            return new ArcSealResult.NotSealed(ArcSealResult.Skip.CHAIN_ALREADY_FAILED, incoming);
        }
        int instance = arc.highestInstance() + 1;
        if (instance > ArcValidatorConfig.MAX_INSTANCES) {
            return new ArcSealResult.NotSealed(ArcSealResult.Skip.TOO_MANY_SETS, incoming);
        }
        ArcStructure structure = ArcStructure.check(arc, ArcValidatorConfig.MAX_INSTANCES);
        ArcResult cv = chainStatus(incoming, structure, instance);
        List<ResultInfo> hop = hopResults != null ? hopResults
                : ArcHopResults.fromHeaders(message.headers(), config.authservId());
        String aar = ArcResultsWriter.field(instance, config.authservId(), ArcHopResults.withArc(hop,
                incoming.toResultInfo()));
        long now = config.clock().instant().getEpochSecond();
        String ams = messageSignature(message, instance, now);
        List<HeaderField> covered = new ArrayList<>();
        if (cv != ArcResult.FAIL) {
            for (ArcSet set : structure.sets()) {
                covered.add(set.results().field());
                covered.add(set.signature().field());
                covered.add(set.seal().field());
            }
        }
        covered.add(HeaderField.of(strip(aar)));
        covered.add(HeaderField.of(strip(ams)));
        String seal = seal(covered, instance, cv, now);
        return new ArcSealResult.Sealed(List.of(seal, ams, aar), instance, cv, key.domain(), key.selector(), incoming);
    }

    /**
     * The cv= to write: the incoming verdict, made fail when it cannot describe the chain on the message (a
     * "pass" without a valid structure, "none" over existing ARC fields). A failed chain is sealed over our
     * own set only (RFC 8617 §5.1.2).
     */
    private static ArcResult chainStatus(ArcVerdict incoming, ArcStructure structure, int instance) {
        ArcResult cv = incoming.result();
        if (cv == ArcResult.PASS && (structure.failure() != null || structure.sets().size() != instance - 1)) {
            return ArcResult.FAIL;
        }
        if (cv == ArcResult.NONE && instance > 1) {
            return ArcResult.FAIL;
        }
        return cv;
    }

    private String messageSignature(ScannedMessage message, int instance, long now) {
        BodyHash body = message.bodyHash(BodyHashKey.of(config.bodyCanonicalization(), algorithm().hash()));
        List<String> signed = signedHeaders(message.headers());
        ArcSignatureWriter w = new ArcSignatureWriter(ArcFieldParser.MESSAGE_SIGNATURE, config.layout());
        w.tag("i", Integer.toString(instance)).tag("a", algorithm().tagName())
                .tag("c", config.headerCanonicalization().tagName() + "/" + config.bodyCanonicalization().tagName())
                .tag("d", key.domain()).tag("s", key.selector());
        if (config.timestamp()) {
            w.tag("t", Long.toString(now));
        }
        w.headerList(signed).tag("bh", Base64.getEncoder().encodeToString(body.digest()));
        w.signature(signatureLength());
        byte[] data = SignedHeaderData.build(message.headers(), signed, config.headerCanonicalization(),
                w.unsignedText());
        return w.complete(Base64.getEncoder().encodeToString(key.key().sign(algorithm().hash(), data)));
    }

    private String seal(List<HeaderField> covered, int instance, ArcResult cv, long now) {
        ArcSignatureWriter w = new ArcSignatureWriter(ArcFieldParser.SEAL, config.layout());
        w.tag("i", Integer.toString(instance)).tag("a", algorithm().tagName()).tag("cv", cv.keyword())
                .tag("d", key.domain()).tag("s", key.selector());
        if (config.timestamp()) {
            w.tag("t", Long.toString(now));
        }
        w.signature(signatureLength());
        byte[] data = SignedHeaderData.build(covered, Canonicalization.RELAXED, w.unsignedText());
        return w.complete(Base64.getEncoder().encodeToString(key.key().sign(algorithm().hash(), data)));
    }

    /** Every instance present of each configured name (RFC 6376 §5.4.2); From always listed. */
    private List<String> signedHeaders(HeaderBlock headers) {
        List<String> list = new ArrayList<>();
        for (String name : config.headers()) {
            int present = headers.named(name).size();
            for (int i = 0; i < present; i++) {
                list.add(name);
            }
        }
        if (!list.contains("from")) {
            list.add(0, "from");
        }
        return list;
    }

    private SignatureAlgorithm algorithm() {
        return SignatureAlgorithm.defaultFor(key.key().type());
    }

    /** The base64 length of a signature: the RSA modulus size, or 64 bytes for Ed25519. */
    private int signatureLength() {
        int bytes = key.key().type() == KeyType.RSA ? (key.key().bits() + 7) / 8 : 64;
        return 4 * ((bytes + 2) / 3);
    }

    private static String strip(String field) {
        return field.endsWith("\r\n") ? field.substring(0, field.length() - 2) : field;
    }
}
