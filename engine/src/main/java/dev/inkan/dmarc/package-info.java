/**
 * DMARC, RFC 9989 (May 2026, obsoletes RFC 7489), with an RFC 7489 compatibility mode: policy discovery,
 * the Organizational Domain, Identifier Alignment, the result and the disposition, as values.
 *
 * <ul>
 *   <li>{@link dev.inkan.dmarc.DmarcEvaluator} evaluates a {@link dev.inkan.dmarc.DmarcRequest} (the
 *       {@link dev.inkan.dmarc.AuthorDomains}, {@link dev.inkan.dmarc.DkimInput}s, an {@link
 *       dev.inkan.dmarc.SpfInput}, optionally an {@link dev.inkan.dmarc.ArcInput}: plain values, e.g. read
 *       from RFC 8601 resinfos; this package uses no DKIM, SPF or ARC code) with an immutable {@link
 *       dev.inkan.dmarc.DmarcConfig} and returns a {@link dev.inkan.dmarc.DmarcVerdict}: {@link
 *       dev.inkan.dmarc.DmarcResult}, typed {@link dev.inkan.dmarc.DmarcReason}, comment, the {@link
 *       dev.inkan.dmarc.AppliedPolicy} (tag, requested policy, disposition, {@link
 *       dev.inkan.dmarc.PolicyOverride}) and the aligned identifiers.</li>
 *   <li>{@link dev.inkan.dmarc.DmarcRecordParser} reads records into {@link dev.inkan.dmarc.DmarcRecord}.</li>
 *   <li>{@link dev.inkan.dmarc.DmarcMode} switches between the RFC 9989 DNS tree walk and the RFC 7489
 *       Public Suffix List ({@link dev.inkan.publicsuffix.PublicSuffixList}).</li>
 * </ul>
 *
 * <h2>Readings of the RFCs where they leave room</h2>
 * <ul>
 *   <li><b>Record syntax</b> (RFC 9989 §4.7, §4.8). A TXT record is a DMARC record only when its first tag
 *       is {@code v=DMARC1} (value case-sensitive); others are discarded before counting. Tag names and
 *       keyword values compare case-insensitively (ABNF, RFC 5234 §2.3). A malformed tag, a value breaking
 *       its grammar, or a repeat (the first counts) is discarded in favour of the default, never the whole
 *       record. Each mode uses only the tags it defines ({@link dev.inkan.dmarc.DmarcMode#tags()}): RFC 9989
 *       ignores the historic {@code pct}, {@code rf}, {@code ri} (§9.3, Appendix C.5.2), RFC 7489 the newer
 *       {@code np}, {@code psd}, {@code t}. {@code p} absent: {@code p=none} in RFC 9989 (§4.7); invalid in RFC 7489 (§6.3 "v and p
 *       MUST be present"). An invalid {@code p}, {@code sp} or (RFC 9989) {@code np} falls back to
 *       {@code p=none} when {@code rua} holds a valid URI, else the result is permerror (§4.10.1 "applies
 *       no DMARC processing"; §9.2 names "an improperly formatted DMARC Policy Record" as permerror).</li>
 *   <li><b>Several records</b> at one name: RFC 9989 §4.10 steps 2/6 discard them all and the walk goes on
 *       (so a record higher up may apply); RFC 7489 §6.6.3 step 5 ends discovery, reported as
 *       permerror.</li>
 *   <li><b>Tree walk</b> (RFC 9989 §4.10): at most eight queries; a start of eight or more labels is then
 *       shortened to seven; stop at a single record with {@code psd=y} or {@code psd=n}. §4.10.2 selection:
 *       {@code psd=n} record; else one label below a {@code psd=y} record other than the start's; else the
 *       record with the fewest labels; else the start. Queries are shared by all walks of one evaluation.</li>
 *   <li><b>Policy domain</b> (§4.10.1): the Author Domain's record ({@code p}), else the Organizational
 *       Domain's, else the PSD's ({@code sp}, or {@code np} when the Author Domain does not exist, else
 *       {@code p}). Existence (§3.2.13, Appendix A.4): any answer but NXDOMAIN at {@code _dmarc.<author>}
 *       proves it; otherwise an A query, NXDOMAIN meaning non-existent. Asked only when {@code np} could
 *       apply.</li>
 *   <li><b>PSL mode</b> (RFC 7489 §3.2): the registrable domain; a name that is itself a public suffix is
 *       its own Organizational Domain (so {@code d=com} never aligns with {@code example.com}).</li>
 *   <li><b>Alignment</b> (RFC 9989 §4.4, §4.10.2): identical names align in both modes without DNS; strict
 *       is a string comparison; relaxed compares Organizational Domains. Only DKIM passes and an SPF pass
 *       of the MAIL FROM identity (the HELO name for the null reverse-path, §3.2.4) authenticate.</li>
 *   <li><b>Temporary failures</b> (RFC 9989 §5.3.6): a DNS failure in discovery, or in a walk needed for
 *       an alignment, is temperror unless another identifier is aligned anyway. A DKIM or SPF temperror
 *       for an identifier that would align makes a would-be fail temperror (RFC 7489 §6.6.2).</li>
 *   <li><b>Author domains</b> (RFC 9989 §5.3.1, §11.5; RFC 7489 §6.6.1): no From field, no mailbox with a
 *       domain, or only invalid domains: permerror. U-labels become A-labels. Several From fields or
 *       mailboxes: by default each distinct domain is evaluated (at most 5) and the fail with the
 *       strictest disposition decides, so a second From domain cannot hide a spoofed one; configurable to
 *       permerror.</li>
 *   <li><b>Disposition</b>: pass and none policies: none. Fail: the tag's policy; RFC 9989 {@code t=y}
 *       lowers it one level; RFC 7489 {@code pct} samples with the injected random source and lowers it
 *       one level when not selected (§6.6.4); a passing ARC chain first sealed by a trusted sealer
 *       overrides it to none.</li>
 *   <li><b>Authentication-Results</b>: {@code dmarc=<result> (<tag>=<policy> dis=<disposition>)
 *       header.from=<author domain> policy.dmarc=<disposition>} (RFC 9989 §9.1, §9.2; RFC 8601 §2.7).</li>
 * </ul>
 */
package dev.inkan.dmarc;
