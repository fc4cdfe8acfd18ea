/**
 * Sender ID (RFC 4406, Experimental) with the Purported Responsible Address of RFC 4407.
 *
 * <ul>
 *   <li>{@link dev.inkan.senderid.SenderIdEvaluator} checks the PRA ({@code checkPra}) or the MAIL FROM
 *       address ({@code checkMailFrom}) and returns a {@link dev.inkan.senderid.SenderIdVerdict}, which formats
 *       as {@code sender-id=pass header.from=example.com} (RFC 7601 §2.7.2).</li>
 *   <li>{@link dev.inkan.senderid.PraSelector} finds the PRA in the header block (RFC 4407 §2).</li>
 *   <li>{@link dev.inkan.senderid.SenderIdRecordSelection} picks the {@code spf2.0/<scope>} or {@code v=spf1}
 *       record (RFC 4406 §4.4).</li>
 * </ul>
 *
 * <p>Sender ID is defined as an amendment of SPF ("the following subsections define the spf2.0 format relative
 * to [RFC4408]", §3), so this package evaluates on {@link dev.inkan.spf.SpfEvaluator} with its own record
 * selection instead of holding a second copy of check_host().
 *
 * <h2>Readings</h2>
 * <ul>
 *   <li><b>RFC 4408 or 7208.</b> check_host() is RFC 7208's (lookup limits with void lookups, no type 99
 *       records, include of a domain without record is permerror as in both). Where RFC 4406 changes it, RFC
 *       4406 wins: record selection (§4.4), and NXDOMAIN is "fail" for the PRA scope (§4.3), at every level of
 *       the check (an include whose target does not exist then does not match; a redirect to it fails).</li>
 *   <li><b>v=spf1 fallback</b> follows §4.4 step 4 (the spf2 records of the scope, else v=spf1) rather than
 *       §3.4's "provided no record starting with spf2.0 exists": a domain with "spf2.0/mfrom" and "v=spf1"
 *       is checked for PRA with its v=spf1 record.</li>
 *   <li><b>Minor version and unknown scopes</b> (§3.1, §4.4 steps 2-3): "spf2.1/pra" and
 *       "spf2.0/pra,fubar" are pra records.</li>
 *   <li><b>No PRA</b> is permerror (RFC 4406 §4 asks an MTA to reject with "550 5.7.1 Missing Purported
 *       Responsible Address"; {@link dev.inkan.senderid.SenderIdVerdict#missingPra()} says so).</li>
 * </ul>
 */
package dev.inkan.senderid;
