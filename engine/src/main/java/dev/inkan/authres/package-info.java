/**
 * RFC 8601 Authentication-Results: the model ({@link dev.inkan.authres.AuthenticationResults},
 * {@link dev.inkan.authres.ResultInfo}, {@link dev.inkan.authres.ResultProperty}), the one formatter every
 * verdict goes through ({@link dev.inkan.authres.AuthResultsFormatter}), the parser that reads results back
 * ({@link dev.inkan.authres.AuthResultsParser}, returning {@link dev.inkan.authres.AuthResultsParse}), and the
 * §5 handling of received fields ({@link dev.inkan.authres.AuthResultsHeaders}).
 */
package dev.inkan.authres;
