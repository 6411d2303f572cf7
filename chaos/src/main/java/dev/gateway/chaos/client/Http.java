package dev.gateway.chaos.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/** HTTP calls that never throw: every outcome, including no answer, is an {@link HttpAnswer} with its latency. */
public final class Http {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    public HttpAnswer get(String url, Map<String, String> headers, Duration timeout) {
        return send("GET", url, headers, null, timeout);
    }

    public HttpAnswer send(String method, String url, Map<String, String> headers, String jsonBody, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpAnswer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), elapsed(start), null);
        } catch (HttpTimeoutException e) {
            return new HttpAnswer(HttpAnswer.TIMED_OUT, null, null, elapsed(start), e.getMessage());
        } catch (IOException e) {
            return new HttpAnswer(HttpAnswer.NO_ANSWER, null, null, elapsed(start), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HttpAnswer(HttpAnswer.NO_ANSWER, null, null, elapsed(start), "interrupted");
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
