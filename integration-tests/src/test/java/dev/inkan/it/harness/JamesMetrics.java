package dev.inkan.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * James's metrics where an operator reads them: WebAdmin's {@code GET /metrics}, Prometheus text format 0.0.4
 * (enabled by {@link JamesConf#webAdmin} and {@link JamesConf#metricsRoute}). A counter shows as {@code NAME_total},
 * a timer as a summary with quantiles and {@code NAME_count}.
 */
public final class JamesMetrics {

    private final URI uri;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public JamesMetrics(int webAdminPort) {
        this.uri = URI.create("http://127.0.0.1:" + webAdminPort + "/metrics");
    }

    /** Every sample without labels, by name. */
    public Map<String, Double> read() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        response.body().lines().filter(line -> !line.startsWith("#") && !line.contains("{") && line.contains(" "))
                .forEach(line -> samples.put(line.substring(0, line.indexOf(' ')),
                        Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))));
        return samples;
    }

    /** The samples named {@code inkan_…} whose value changed from {@code before} to now, with the difference. */
    public Map<String, Double> inkanChangesSince(Map<String, Double> before) throws IOException, InterruptedException {
        Map<String, Double> changed = new HashMap<>();
        read().forEach((name, value) -> {
            double difference = value - before.getOrDefault(name, 0.0);
            if (name.startsWith("inkan_") && difference != 0) {
                changed.put(name, difference);
            }
        });
        return changed;
    }
}
