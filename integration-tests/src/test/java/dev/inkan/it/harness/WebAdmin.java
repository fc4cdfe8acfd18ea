package dev.inkan.it.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * James's WebAdmin REST API (enabled in {@code webadmin.properties}, on a loopback port), as an operator
 * provisions a separate James: {@code PUT /domains/..}, {@code PUT /users/..}, {@code POST /mappings/address/..},
 * and {@code GET /mailRepositories/..} to read what a repository holds.
 */
final class WebAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    WebAdmin(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Adds {@code domain}; adding it again changes nothing. */
    void domain(String domain) throws IOException {
        send(request("/domains/" + encode(domain)).PUT(HttpRequest.BodyPublishers.noBody()), 204);
    }

    void user(String address, String password) throws IOException {
        String body = JSON.writeValueAsString(Map.of("password", password));
        send(request("/users/" + encode(address)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), 204);
    }

    void addressMapping(String source, String target) throws IOException {
        send(request("/mappings/address/" + encode(source) + "/targets/" + encode(target))
                .POST(HttpRequest.BodyPublishers.noBody()), 204);
    }

    /** The messages of the mail repository {@code url} (e.g. {@code memory://var/mail/error/}); none if it does not exist. */
    List<byte[]> repository(String url) throws IOException {
        String path = "/mailRepositories/" + encode(url.replaceFirst("^[a-z]+://", "").replaceFirst("/$", ""));
        HttpResponse<byte[]> keys = send(request(path + "/mails").GET(), 200, 404);
        if (keys.statusCode() == 404) {
            return List.of();
        }
        List<byte[]> mails = new ArrayList<>();
        for (Object key : JSON.readValue(keys.body(), List.class)) {
            HttpResponse<byte[]> mail = send(request(path + "/mails/" + encode(key.toString()))
                    .header("Accept", "message/rfc822").GET(), 200, 404);
            if (mail.statusCode() == 200) { // 404: removed since the listing
                mails.add(mail.body());
            }
        }
        return mails;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request, int... expected) throws IOException {
        HttpRequest built = request.build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + built.method() + " " + built.uri(), e);
        }
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        throw new IOException("WebAdmin " + built.method() + " " + built.uri() + " answered " + response.statusCode()
                + ": " + new String(response.body(), StandardCharsets.UTF_8));
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
