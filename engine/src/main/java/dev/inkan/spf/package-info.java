/**
 * SPF, RFC 7208: check_host() for the MAIL FROM and HELO identities, with results as values.
 *
 * <ul>
 *   <li>{@link dev.inkan.spf.SpfEvaluator} evaluates an {@link dev.inkan.spf.SpfRequest} with an immutable
 *       {@link dev.inkan.spf.SpfConfig} (resolver, {@link dev.inkan.spf.SpfLimits}, receiver name, clock,
 *       default explanation) and returns an {@link dev.inkan.spf.SpfVerdict}: a {@link
 *       dev.inkan.spf.SpfResult}, a typed {@link dev.inkan.spf.SpfReason}, a comment, the deciding
 *       mechanism, the explanation of a fail, and the lookup counts.</li>
 *   <li>A verdict formats as an RFC 8601 resinfo ({@code spf=pass smtp.mailfrom=example.com}) and as an
 *       RFC 7208 §9.1 {@link dev.inkan.spf.ReceivedSpfField}, which also parses.</li>
 *   <li>Parsing is separate and reusable: {@link dev.inkan.spf.SpfRecordParser} (the §12 grammar) gives
 *       an {@link dev.inkan.spf.SpfRecord} of {@link dev.inkan.spf.SpfDirective}s; {@link
 *       dev.inkan.spf.SpfMacroString} and {@link dev.inkan.spf.SpfMacroExpander} are the §7 macro
 *       language; {@link dev.inkan.spf.IpLiteral} reads and writes addresses without DNS.</li>
 * </ul>
 *
 * <h2>Readings of RFC 7208 where it leaves room</h2>
 * <ul>
 *   <li><b>Lookup limits</b> (§4.6.4) are counted at evaluation time over the whole check, includes and
 *       redirects together; a {@code redirect=} counts only when it is followed. The 11th DNS-querying term
 *       is permerror before it queries.</li>
 *   <li><b>Void lookups</b> are counted per term whose own query (TXT of an include/redirect target, A/AAAA
 *       of {@code a}, A of {@code exists}, MX of {@code mx}, PTR of {@code ptr}) answers NXDOMAIN or no
 *       data; address lookups of MX hosts and of PTR names are not (see {@code SpfLookups}).</li>
 *   <li><b>Invalid target names</b> after expansion (empty label, label over 63, §4.8 leaves it undefined)
 *       are nonexistent: no match, and a void lookup; for include and redirect, "none" and so permerror.</li>
 *   <li><b>IPv4-mapped IPv6 clients</b> are IPv4 everywhere (§5): A lookups, {@code ip4} matching, {@code
 *       %{i}}, {@code %{v}} = in-addr, in-addr.arpa PTR, and the Received-SPF client-ip; an {@code ip6:}
 *       network never matches them, even one written as {@code ::ffff:a.b.c.d}.</li>
 *   <li><b>{@code %{i}} of IPv6</b> is lower-case nibbles, as in the §7.4 example.</li>
 *   <li><b>Authentication-Results</b> reports {@code smtp.mailfrom=<domain>} (RFC 8601 §2.7.2: no
 *       local-part unless the policy had provisions for it), the whole address when an evaluated term used
 *       {@code %{s}} or {@code %{l}}; the HELO name for the null reverse-path; {@code smtp.helo=} for HELO.</li>
 *   <li><b>Received-SPF</b> writes {@code envelope-from=""} for the null reverse-path and quotes every
 *       value that is not a dot-atom (IPv6 client-ip, mechanisms with ':').</li>
 * </ul>
 */
package dev.inkan.spf;
