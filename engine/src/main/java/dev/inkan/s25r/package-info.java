/**
 * S25R, Selective SMTP (port 25) Rejection (ASAMI Hideo, 2004): SMTP clients whose reverse DNS looks like an
 * end-user line (a dynamic address of a consumer provider) are answered "try again later" (450). A real mail
 * server retries, and the operator puts it on the allow list; a bot on an end-user line seldom retries.
 *
 * <p>{@link dev.inkan.s25r.S25rChecker} decides for a client address: the operator's allow and deny lists
 * ({@link dev.inkan.s25r.S25rList}), the forward-confirmed PTR name ({@link dev.inkan.s25r.ClientName}), then the
 * published rules ({@link dev.inkan.s25r.S25rRule}); the answer is a typed {@link dev.inkan.s25r.S25rVerdict}.
 */
package dev.inkan.s25r;
