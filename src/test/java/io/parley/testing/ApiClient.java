package io.parley.testing;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** A plain HTTP client over real sockets, speaking to one Parley like an app would. */
public final class ApiClient {
    public static final String API = "/api/v10";
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static final int EXCHANGE_TIMEOUT_SECONDS = 60;

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    public Reply get(String path, String authorization) {
        return send("GET", path, null, authorization);
    }

    public Reply post(String path, Object body, String authorization) {
        return send("POST", path, body, authorization);
    }

    public Reply put(String path, Object body, String authorization) {
        return send("PUT", path, body, authorization);
    }

    public Reply delete(String path, String authorization) {
        return send("DELETE", path, null, authorization);
    }

    public Reply patch(String path, Object body, String authorization) {
        return send("PATCH", path, body, authorization);
    }

    /** {@code body} is a JsonObject, a raw String sent as is, or null for no body. */
    public Reply send(String method, String path, Object body, String authorization) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof JsonObject json ? json.encode() : body.toString());
        HttpResponse<String> response = exchange(request(path, authorization).method(method, publisher)
                .header("Content-Type", "application/json"), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers(), response.body());
    }

    /** POSTs {@code form} as multipart/form-data. */
    public Reply postForm(String path, FormData form, String authorization) {
        HttpResponse<String> response = exchange(request(path, authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
                .header("Content-Type", form.contentType()), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers(), response.body());
    }

    /** A GET whose body is kept as bytes (files). */
    public HttpResponse<byte[]> download(String path) {
        return exchange(request(path, null).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    /**
     * The whole exchange is bounded (the request timeout covers only the wait for headers): a
     * reply that never completes fails the test instead of hanging the build. A GET is asked
     * once more on a new connection, since a lost reply to it changes nothing on the server.
     */
    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        HttpRequest built = request.build();
        try {
            return http.sendAsync(built, body).get(EXCHANGE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            if (!built.method().equals("GET")) {
                throw new IllegalStateException(built.method() + " " + built.uri() + " got no reply", e);
            }
            return retryOnNewConnection(built, body);
        } catch (ExecutionException e) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private <T> HttpResponse<T> retryOnNewConnection(HttpRequest built, HttpResponse.BodyHandler<T> body) {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .sendAsync(built, body).get(EXCHANGE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("GET " + built.uri() + " got no reply twice", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * GETs {@code path} until a 200 reply satisfies {@code done} (15 s at most): for reads that
     * trail the write, such as search behind its indexer.
     */
    public JsonObject eventually(String path, String authorization, java.util.function.Predicate<JsonObject> done) {
        long deadline = System.currentTimeMillis() + 15_000;
        JsonObject last = null;
        while (System.currentTimeMillis() < deadline) {
            Reply reply = get(path, authorization);
            if (reply.status() == 200) {
                last = reply.json();
                if (done.test(last)) {
                    return last;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("GET " + path + " never got there; last reply " + last);
    }

    /** Registers a fresh account (unique name per call) and returns its token and id. */
    public Account register(String password) {
        String name = "user_" + ProcessHandle.current().pid() + "_" + UNIQUE.incrementAndGet();
        Reply reply = post(API + "/auth/register", new JsonObject()
                .put("username", name).put("email", name + "@example.com").put("password", password), null);
        if (reply.status() != 201) {
            throw new IllegalStateException("register failed: " + reply);
        }
        return new Account(reply.json().getString("user_id"), name, name + "@example.com", reply.json().getString("token"));
    }

    public record Account(String id, String username, String email, String token) {
    }

    public record Reply(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonObject json() {
            return new JsonObject(body);
        }

        public io.vertx.core.json.JsonArray jsonArray() {
            return new io.vertx.core.json.JsonArray(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String errorCode() {
            return json().getString("code");
        }
    }
}
