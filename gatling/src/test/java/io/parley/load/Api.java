package io.parley.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small blocking REST client for provisioning before the load starts (not for the load itself). */
public final class Api {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {
    }

    public record Reply(int status, JsonNode json, String body) {
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static Reply call(String method, String path, ObjectNode body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Params.BASE_URL + Params.API + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text == null || text.isEmpty() ? null : JSON.readTree(text);
            return new Reply(response.statusCode(), json, text);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Calls and insists on a 2xx reply; provisioning has nothing sensible to do otherwise. */
    public static JsonNode ok(String method, String path, ObjectNode body, String token) {
        Reply reply = call(method, path, body, token);
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " -> " + reply.status() + " " + reply.body());
        }
        return reply.json();
    }
}
