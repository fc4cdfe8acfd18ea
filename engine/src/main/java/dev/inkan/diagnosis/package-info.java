/**
 * Diagnosis of published DNS records for operators ({@code inkan check}): a DKIM key record, an SPF record, a DMARC
 * record, each explained as a {@link dev.inkan.diagnosis.RecordReport} of {@link dev.inkan.diagnosis.Finding}s with
 * a stable code, plain words and the fix. Every check reads the records with the engine's own parsers and lookups
 * (key records and key decoding, SPF evaluation and its lookup counts, DMARC parsing, policy discovery and report
 * authorization), so what it says is what Inkan's verifier does with the same DNS answers.
 */
package dev.inkan.diagnosis;
