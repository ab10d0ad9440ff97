package io.parley.voice;

import io.parley.platform.config.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Whether LiveKit answers its health check ({@code GET /} → 200), asked without blocking before
 * a join token is handed out. A healthy answer is trusted for {@link #TRUSTED_MS}; a failure
 * is not remembered, so the next join asks again.
 */
public final class LiveKitHealth {
    static final long TRUSTED_MS = 2000;

    private final HttpClient client;
    private final String url;
    private final long timeoutMs;
    private volatile long healthyUntil;

    public LiveKitHealth(Vertx vertx, ParleyConfig.Voice config) {
        this.client = vertx.createHttpClient();
        this.url = config.roomServiceUrl().orElseGet(() -> LiveKitRooms.httpUrl(config.livekitUrl()))
                .replaceFirst("/+$", "") + "/";
        this.timeoutMs = config.requestTimeoutMs();
    }

    public Future<Boolean> available() {
        if (System.currentTimeMillis() < healthyUntil) {
            return Future.succeededFuture(true);
        }
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                        .setConnectTimeout(timeoutMs).setTimeout(timeoutMs))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode() == 200))
                .otherwise(false)
                .onSuccess(ok -> {
                    if (ok) {
                        healthyUntil = System.currentTimeMillis() + TRUSTED_MS;
                    }
                });
    }
}
