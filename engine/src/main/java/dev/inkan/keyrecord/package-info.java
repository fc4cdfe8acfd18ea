/**
 * Key records in the DKIM format (RFC 6376 §3.6.1, RFC 8463), shared by DKIM and ARC (RFC 8617 §4.1.2,
 * §4.1.3): the parsed record, its parser and cache, the DNS lookup at {@code s._domainkey.d}, and
 * protocol-neutral problems that each protocol maps to its own reasons.
 */
package dev.inkan.keyrecord;
