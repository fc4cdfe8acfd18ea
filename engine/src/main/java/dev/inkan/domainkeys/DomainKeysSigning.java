package dev.inkan.domainkeys;

import dev.inkan.crypto.HashAlgorithm;
import dev.inkan.message.BodyHashKey;
import dev.inkan.message.BodyHashRequester;
import dev.inkan.message.HeaderBlock;
import dev.inkan.message.HeaderField;
import dev.inkan.message.ScannedMessage;
import dev.inkan.tagvalue.SignatureFieldWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * DomainKeys signing of one message, in the same single pass as anything else registered with the
 * {@link dev.inkan.message.MessageSink} (DKIM signing included). When the header block is complete it decides
 * whether the message may be signed (RFC 4870 §3.5.1, §3.5.2) and asks for the digest of its canonical header
 * lines followed by the canonical body; after the scan, {@link #signatureField} gives the field to prepend.
 */
public final class DomainKeysSigning implements BodyHashRequester {

    private final Function<HeaderBlock, Optional<DomainKeysSigningSpec>> chooser;
    private DomainKeysSigningSpec spec;
    private BodyHashKey bodyKey;
    private List<String> listed;
    private String notSigned;

    public DomainKeysSigning(DomainKeysSigningSpec spec) {
        this(headers -> Optional.of(spec));
    }

    /** A signing job whose signature (key, domain) is chosen from the header block, e.g. by the author's domain. */
    public DomainKeysSigning(Function<HeaderBlock, Optional<DomainKeysSigningSpec>> chooser) {
        this.chooser = chooser;
    }

    @Override
    public Set<BodyHashKey> bodyHashKeys(HeaderBlock headers) {
        spec = chooser.apply(headers).orElse(null);
        if (spec == null) {
            notSigned = "no DomainKeys key for this message";
            return Set.of();
        }
        Optional<SendingAddress> sender = SendingAddress.of(headers);
        if (sender.isEmpty()) {
            notSigned = "no sending address in Sender or From (RFC 4870 §3.5.1)";
            return Set.of();
        }
        if (!sender.get().isCoveredBy(spec.domain())) {
            notSigned = "the sending address " + sender.get().address() + " (" + sender.get().header()
                    + ") is not in " + spec.domain();
            return Set.of();
        }
        if (alreadySigned(headers.fields())) {
            notSigned = "already has a DomainKey-Signature and no Sender added after it (RFC 4870 §3.5.2)";
            return Set.of();
        }
        List<HeaderField> covered = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (HeaderField field : headers.fields()) {
            if (spec.headers() == null || spec.headers().contains(field.name().toLowerCase(Locale.ROOT))) {
                covered.add(field);
                names.add(field.name());
            }
        }
        if (spec.headers() != null && !spec.headers().contains(sender.get().header())) {
            notSigned = "h= must list " + sender.get().header() + ", the header of the sending address (RFC 4870 §3.5.1)";
            return Set.of();
        }
        listed = spec.headers() == null ? null : names;
        bodyKey = BodyHashKey.withPrefix(spec.canonicalization(), HashAlgorithm.SHA1,
                DomainKeysHeaders.canonical(covered, spec.canonicalization()));
        return Set.of(bodyKey);
    }

    /** §3.5.2: not over an existing DomainKey-Signature, unless a Sender field was added on top of it since. */
    private static boolean alreadySigned(List<HeaderField> fields) {
        for (HeaderField field : fields) {
            if (field.hasName("Sender")) {
                return false;
            }
            if (field.hasName(DomainKeySignature.FIELD)) {
                return true;
            }
        }
        return false;
    }

    /** Why the message is not signed, once the header block was seen; empty when it is. */
    public Optional<String> notSigned() {
        return Optional.ofNullable(notSigned);
    }

    /** The d= of the signature, once the header block was seen; empty when the message is not signed. */
    public Optional<String> domain() {
        return bodyKey == null ? Optional.empty() : Optional.of(spec.domain());
    }

    /** The DomainKey-Signature field, CRLF-terminated, to prepend; empty when the message is not signed. */
    public Optional<String> signatureField(ScannedMessage message) {
        if (bodyKey == null) {
            return Optional.empty();
        }
        byte[] digest = message.bodyHash(bodyKey).digest();
        SignatureFieldWriter writer = new SignatureFieldWriter(DomainKeySignature.FIELD);
        writer.tag("a", "rsa-sha1").tag("c", spec.canonicalization().tagName()).tag("d", spec.domain())
                .tag("s", spec.selector()).tag("q", "dns");
        if (listed != null) {
            writer.headerList(listed);
        }
        writer.fieldWithEmptySignature();
        return Optional.of(writer.complete(Base64.getEncoder().encodeToString(
                spec.key().signDigest(HashAlgorithm.SHA1, digest))));
    }
}
