/**
 * ARC, the Authenticated Received Chain (RFC 8617): validation ({@link dev.inkan.arc.ArcValidator}, one
 * {@link dev.inkan.arc.ArcCheck} per message in the shared single pass) and sealing
 * ({@link dev.inkan.arc.ArcSealer}, one {@link dev.inkan.arc.ArcSealing} per message). Canonicalization and body
 * hashing come from {@code dev.inkan.message}, key records from {@code dev.inkan.keyrecord}, never from
 * {@code dkim}.
 *
 * <p>Decisions, with the sections behind them:
 * <ul>
 *   <li><b>Validation</b> follows RFC 8617 §5.2 step by step: more than 50 sets (or the configured limit) fail
 *   (step 1); a newest seal saying cv=fail fails (step 2); then structure: exactly one AAR, AMS and AS per
 *   instance, 1..N without gaps, cv=none at 1 and pass above (step 3); the newest AMS verifies like a DKIM
 *   signature (step 4); older AMS give {@code header.oldest-pass} (step 5, optional, on by default); every seal
 *   verifies (step 6). Every error is a fail, DNS failures included (§5.2.1). RFC 8301 applies as for DKIM:
 *   rsa-sha1 refused and RSA keys under 1024 bits fail by default.</li>
 *   <li><b>AMS c= default</b>: simple/simple. §4.1.2 gives the AMS "the same syntax and semantics as the
 *   DKIM-Signature field", and RFC 6376 §3.5 defaults c= to simple/simple (the draft-era suite and dkimpy assume
 *   relaxed; see the conformance test's known differences). Likewise an empty h=, or an empty name in h=, is a
 *   syntax error (RFC 6376 §3.5 sig-h-tag).</li>
 *   <li><b>AMS signing ARC-Seal</b> fails the AMS (§4.1.2 forbids ARC fields in h=; as dkimpy and the suite do);
 *   AAR and AMS names in h=, which draft-era sealers wrote, are tolerated.</li>
 *   <li><b>Instance tag position</b>: read wherever it stands in an AMS or AS tag list (the §4.1.2 ABNF writes it
 *   first, draft-era sealers did not); the AAR must start with {@code i=N;} (§4.1.1).</li>
 *   <li><b>AAR payload</b>: parsed with the RFC 8601 parser and offered to callers; a payload that does not parse
 *   does not fail the chain, since §5.2 judges structure and signatures only.</li>
 *   <li><b>Sealing a failed chain</b>: a chain found broken on arrival is sealed with cv=fail, the seal covering
 *   only the new set (§5.1.2), its AMS added as usual; a chain whose newest seal already says cv=fail is not
 *   sealed again (§5.1 step 2: "the algorithm stops here"), nor is a 51st set added (§4.2.1). Both are
 *   {@link dev.inkan.arc.ArcSealResult.NotSealed} outcomes.</li>
 *   <li><b>cv= comes from validation</b> (§5.1 step 4C), made in the same pass or passed in by a caller that
 *   validated on arrival (a forwarder validates before it changes the message, then seals the changed bytes).
 *   An arc= entry in this hop's Authentication-Results is copied into the AAR as recorded; when there is none,
 *   the verdict's is appended (§5.2: the result SHOULD be in the ADMD's Authentication-Results).</li>
 *   <li><b>Field order</b>: the new set is returned seal first, then AMS, then AAR, to be prepended in that order
 *   (the order of RFC 8617 Appendix B, dkimpy and Mail::DKIM); the seal hashes AAR, AMS, AS of each instance in
 *   increasing order (§5.1.1). Tags are written instance first (the §4.1.2/§4.1.3 ABNF), in Appendix B's order,
 *   folded at 78 columns; {@link dev.inkan.arc.ArcFieldLayout#STANDARDIZED} writes the test suite's format.</li>
 *   <li><b>Authentication-Results</b>: {@code arc=none|pass|fail} with {@code header.oldest-pass} and
 *   {@code smtp.remote-ip}, the ptype/properties RFC 8617 §10.2 registers (§6).</li>
 *   <li><b>Algorithms</b>: rsa-sha256 and ed25519-sha256 (RFC 8463 via RFC 6376's algorithms, §5.2). Note that
 *   dkimpy 1.1.4 and Mail::DKIM 1.20230212 validate ARC with rsa-sha256 only: seal with RSA for interoperability.</li>
 * </ul>
 */
package dev.inkan.arc;
