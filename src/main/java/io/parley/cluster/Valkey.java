package io.parley.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * This node's link to Valkey: a pool for commands and one dedicated connection for pub/sub
 * that is re-opened (and re-subscribed) after Valkey comes back. A ping every second keeps
 * {@link #up()} current; callers fall back to single-node behaviour while it is false.
 */
public final class Valkey implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Valkey.class);
    private static final long TIMEOUT_MS = 1000;

    private final Vertx vertx;
    private final Redis client;
    private final Redis subscriberClient;
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private volatile BiConsumer<String, String> onMessage = (channel, message) -> {
    };
    private final long pingTimer;
    private volatile RedisConnection subscriber;
    private volatile boolean connecting;
    private volatile boolean up;
    private volatile boolean closed;

    public Valkey(Vertx vertx, String url) {
        this.vertx = vertx;
        RedisOptions options = new RedisOptions().setConnectionString(url).setMaxPoolSize(8)
                .setMaxPoolWaiting(100_000).setMaxWaitingHandlers(100_000).setPoolName("parley-valkey");
        this.client = Redis.createClient(vertx, options);
        this.subscriberClient = Redis.createClient(vertx, new RedisOptions(options).setMaxPoolSize(1)
                .setPoolName("parley-valkey-pubsub"));
        this.pingTimer = vertx.setPeriodic(1000, t -> ping());
        ping();
    }

    /** Receives every pub/sub message: (channel, message). */
    public void onMessage(BiConsumer<String, String> handler) {
        this.onMessage = handler;
    }

    public boolean up() {
        return up;
    }

    public String state() {
        return up ? "up" : "down";
    }

    /** One command, failed after a second so a stalled Valkey never holds a caller for long. */
    public Future<Response> send(Request request) {
        return client.send(request).timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    /** Several commands in one round trip. */
    public Future<List<Response>> batch(List<Request> requests) {
        return client.batch(requests).timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    public void publish(String channel, String message) {
        if (up) {
            client.send(Request.cmd(Command.PUBLISH).arg(channel).arg(message))
                    .onFailure(e -> log.debug("publish to {} failed: {}", channel, e.toString()));
        }
    }

    public void subscribe(String channel) {
        if (channels.add(channel)) {
            RedisConnection current = subscriber;
            if (current != null) {
                current.send(Request.cmd(Command.SUBSCRIBE).arg(channel));
            }
        }
    }

    public void unsubscribe(String channel) {
        if (channels.remove(channel)) {
            RedisConnection current = subscriber;
            if (current != null) {
                current.send(Request.cmd(Command.UNSUBSCRIBE).arg(channel));
            }
        }
    }

    private void ping() {
        if (closed) {
            return;
        }
        send(Request.cmd(Command.PING)).onComplete(result -> {
            boolean wasUp = up;
            up = result.succeeded();
            if (up != wasUp) {
                if (up) {
                    log.info("Valkey is reachable");
                } else {
                    log.warn("Valkey is unreachable ({}); serving this node's sessions only until it returns",
                            result.cause().toString());
                }
            }
            if (up && subscriber == null) {
                connectSubscriber();
            }
        });
    }

    private void connectSubscriber() {
        if (connecting || closed) {
            return;
        }
        connecting = true;
        subscriberClient.connect().onComplete(result -> {
            connecting = false;
            if (result.failed()) {
                return;
            }
            RedisConnection connection = result.result();
            connection.handler(this::onPush);
            connection.exceptionHandler(e -> dropSubscriber(connection));
            connection.endHandler(v -> dropSubscriber(connection));
            subscriber = connection;
            if (!channels.isEmpty()) {
                Request request = Request.cmd(Command.SUBSCRIBE);
                channels.forEach(request::arg);
                connection.send(request);
            }
        });
    }

    private void dropSubscriber(RedisConnection connection) {
        if (subscriber == connection) {
            subscriber = null;
            connection.close();
        }
    }

    private void onPush(Response push) {
        if (push.type() == ResponseType.PUSH && push.size() == 3 && "message".equals(push.get(0).toString())) {
            try {
                onMessage.accept(push.get(1).toString(), push.get(2).toString());
            } catch (RuntimeException e) {
                log.warn("a Valkey message on {} could not be handled", push.get(1), e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        vertx.cancelTimer(pingTimer);
        RedisConnection current = subscriber;
        if (current != null) {
            current.close();
        }
        subscriberClient.close();
        client.close();
    }
}
