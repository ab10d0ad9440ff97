package io.parley;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * {@code parley replay} while a node serves: drives its {@code POST/GET /_admin/replay/{projection}}
 * with the operator token it left in the data directory, printing progress until each
 * projection has caught up.
 */
final class LiveReplay {
    private static final long POLL_MS = 500;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String token;
    private final PrintStream out;

    LiveReplay(String url, String token, PrintStream out) {
        this.url = url;
        this.token = token;
        this.out = out;
    }

    /** 0 when every projection was rebuilt, 1 when one failed or the node refused. */
    int run(List<String> projections) throws IOException, InterruptedException {
        out.println("a Parley serves at " + url + ": replaying while it keeps serving");
        for (String projection : projections) {
            HttpResponse<String> started = send("POST", projection);
            if (started.statusCode() != 202) {
                System.err.println("parley: the node refused to replay " + projection + ": "
                        + started.statusCode() + " " + started.body());
                return 1;
            }
            while (true) {
                Thread.sleep(POLL_MS);
                HttpResponse<String> polled = send("GET", projection);
                JsonObject status = new JsonObject(polled.body());
                String state = status.getString("state", "?");
                out.printf("%s: %s, at event %s of %s%n", projection, state, status.getValue("position"),
                        status.getValue("head"));
                if ("failed".equals(state)) {
                    System.err.println("parley: replay of " + projection + " failed: " + status.getString("error"));
                    return 1;
                }
                if ("done".equals(state)) {
                    out.printf("%s rebuilt in %.1f s%n", projection, status.getLong("elapsed_ms", 0L) / 1000.0);
                    break;
                }
            }
        }
        return 0;
    }

    private HttpResponse<String> send(String method, String projection) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/_admin/replay/" + projection))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
