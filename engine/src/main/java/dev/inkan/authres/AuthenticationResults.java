package dev.inkan.authres;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 8601 Authentication-Results header field value: the authserv-id, an optional version, and the
 * resinfos (an empty list formats as {@code none}).
 *
 * @param authservId the authentication service identifier (RFC 8601 §2.5)
 * @param version the authres-version, or null when absent (meaning 1)
 * @param results the resinfos, in order
 */
public record AuthenticationResults(String authservId, Integer version, List<ResultInfo> results) {

    public AuthenticationResults {
        Objects.requireNonNull(authservId, "authservId");
        results = List.copyOf(results);
    }

    public static AuthenticationResults of(String authservId, List<ResultInfo> results) {
        return new AuthenticationResults(authservId, null, results);
    }

    /** A copy with {@code more} appended after the existing results. */
    public AuthenticationResults with(List<ResultInfo> more) {
        List<ResultInfo> all = new ArrayList<>(results);
        all.addAll(more);
        return new AuthenticationResults(authservId, version, all);
    }
}
