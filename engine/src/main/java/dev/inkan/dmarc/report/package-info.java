/**
 * DMARC aggregate reporting (RFC 9990): what each DMARC evaluation leaves for the report
 * ({@link dev.inkan.dmarc.report.EvaluationRecord}), the aggregation of a reporting period's records for one DMARC
 * Policy Domain into rows ({@link dev.inkan.dmarc.report.AggregateReport}), the report's XML in the
 * {@code urn:ietf:params:xml:ns:dmarc-2.0} namespace ({@link dev.inkan.dmarc.report.AggregateReportXml}) and the
 * names RFC 9990 §3.5 gives the file, the Report-ID and the Subject ({@link dev.inkan.dmarc.report.ReportNames}).
 * Storage, scheduling and sending are the callers'.
 */
package dev.inkan.dmarc.report;
