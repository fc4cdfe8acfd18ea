package dev.inkan.dkim;

import dev.inkan.message.BodyHash;
import dev.inkan.message.BodyHashKey;
import dev.inkan.message.BodyHashRequester;
import dev.inkan.message.HeaderBlock;
import dev.inkan.message.HeaderField;
import dev.inkan.message.ScannedMessage;
import dev.inkan.message.SignedHeaderData;
import dev.inkan.tagvalue.SignatureFieldWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Signing of one message: once the header block is known, chooses the signatures to make (fixed, or
 * from the author, e.g. through a signing table) and requests their body digests; after the scan,
 * builds each signature field.
 */
public final class DkimSigning implements BodyHashRequester {

    private final Function<HeaderBlock, List<DkimSigningSpec>> chooser;
    private final Clock clock;
    private List<DkimSigningSpec> specs = List.of();

    DkimSigning(Function<HeaderBlock, List<DkimSigningSpec>> chooser, Clock clock) {
        this.chooser = chooser;
        this.clock = clock;
    }

    /**
     * A signing job whose signatures are chosen from the header block, in the same single pass.
     *
     * @param chooser returns the signatures to make; an empty list signs nothing
     */
    public static DkimSigning choosing(Function<HeaderBlock, List<DkimSigningSpec>> chooser, Clock clock) {
        return new DkimSigning(chooser, clock);
    }

    @Override
    public Set<BodyHashKey> bodyHashKeys(HeaderBlock headers) {
        specs = List.copyOf(chooser.apply(headers));
        Set<BodyHashKey> keys = new LinkedHashSet<>();
        specs.forEach(s -> keys.add(s.bodyHashKey()));
        return keys;
    }

    /** The signatures chosen for this message (known once the header block has been scanned). */
    public List<DkimSigningSpec> specs() {
        return specs;
    }

    /** The DKIM-Signature fields, CRLF-terminated, in spec order (prepend them in this order). */
    public List<String> signatureFields(ScannedMessage message) {
        return signatureFields(message, List.of());
    }

    /**
     * As {@link #signatureFields(ScannedMessage)} for a message that gets {@code added} on top first, below these
     * signatures (a DomainKey-Signature made in the same pass): those fields are signed like any other when the
     * signed header names include them.
     */
    public List<String> signatureFields(ScannedMessage message, List<HeaderField> added) {
        List<HeaderField> all = new ArrayList<>(added);
        all.addAll(message.headers().fields());
        HeaderBlock headers = added.isEmpty() ? message.headers() : new HeaderBlock(all);
        long now = clock.instant().getEpochSecond();
        List<String> fields = new ArrayList<>(specs.size());
        for (DkimSigningSpec spec : specs) {
            fields.add(sign(spec, message, headers, now));
        }
        return fields;
    }

    private static String sign(DkimSigningSpec spec, ScannedMessage message, HeaderBlock headers, long now) {
        BodyHash body = message.bodyHash(spec.bodyHashKey());
        List<String> signed = SignedHeaderList.choose(spec, headers);
        SignatureFieldWriter writer = new SignatureFieldWriter("DKIM-Signature");
        writer.tag("v", "1").tag("a", spec.algorithm().tagName())
                .tag("c", spec.headerCanonicalization().tagName() + "/" + spec.bodyCanonicalization().tagName())
                .tag("d", spec.domain()).tag("s", spec.selector());
        if (spec.identity() != null) {
            writer.tag("i", DkimQuotedPrintable.encode(spec.identity()));
        }
        if (spec.bodyLengthTag()) {
            writer.tag("l", Long.toString(body.hashedLength()));
        }
        if (spec.timestamp()) {
            writer.tag("t", Long.toString(now));
            if (spec.expiration() != null) {
                writer.tag("x", Long.toString(now + spec.expiration().getSeconds()));
            }
        }
        writer.headerList(signed);
        writer.tag("bh", Base64.getEncoder().encodeToString(body.digest()));
        String unsigned = writer.fieldWithEmptySignature();
        byte[] data = SignedHeaderData.build(headers, signed, spec.headerCanonicalization(), unsigned);
        byte[] signature = spec.key().sign(spec.algorithm().hash(), data);
        return writer.complete(Base64.getEncoder().encodeToString(signature));
    }
}
