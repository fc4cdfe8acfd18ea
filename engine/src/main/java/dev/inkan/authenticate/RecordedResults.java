package dev.inkan.authenticate;

import dev.inkan.authres.ResultInfo;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Results this server already reached for a message in an earlier step (a James mailet's attribute, an SMTP
 * hook's verdict), as RFC 8601 resinfos. The pipeline uses them instead of checking again: a method that is
 * recorded is not re-run, and DMARC takes the recorded DKIM and SPF results as its inputs. Only results this
 * server produced may go in here; a message's own Authentication-Results fields are the sender's claims.
 * Immutable.
 */
public final class RecordedResults {

    private static final RecordedResults NONE = new RecordedResults(new EnumMap<>(Method.class));

    private final Map<Method, List<ResultInfo>> results;

    private RecordedResults(Map<Method, List<ResultInfo>> results) {
        this.results = results;
    }

    public static RecordedResults none() {
        return NONE;
    }

    /** These results plus {@code infos} for {@code method}; an empty list records nothing. */
    public RecordedResults with(Method method, List<ResultInfo> infos) {
        if (infos == null || infos.isEmpty()) {
            return this;
        }
        Map<Method, List<ResultInfo>> copy = new EnumMap<>(Method.class);
        copy.putAll(results);
        copy.put(method, List.copyOf(infos));
        return new RecordedResults(copy);
    }

    public boolean has(Method method) {
        return results.containsKey(method);
    }

    /** The recorded resinfos of {@code method}, empty when none are. */
    public List<ResultInfo> get(Method method) {
        return results.getOrDefault(method, List.of());
    }
}
