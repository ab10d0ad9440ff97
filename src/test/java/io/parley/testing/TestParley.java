package io.parley.testing;

import io.parley.ParleyNode;
import io.parley.platform.config.ConfigValues;
import io.parley.platform.config.ParleyConfig;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A real Parley node on embedded PostgreSQL in a data directory of the test's choosing. */
public final class TestParley implements AutoCloseable {
    private final ParleyNode node;
    private final Path dataDir;

    private TestParley(ParleyNode node, Path dataDir) {
        this.node = node;
        this.dataDir = dataDir;
    }

    public static TestParley start(Path dataDir, Map<String, String> extra) throws Exception {
        return new TestParley(ParleyNode.start(config(dataDir, extra)), dataDir);
    }

    /** {@code onDatabaseLost}: what the server would do instead of exiting (see ParleyNode.start). */
    public static TestParley start(Path dataDir, Map<String, String> extra, Runnable onDatabaseLost) throws Exception {
        return new TestParley(ParleyNode.start(config(dataDir, extra), onDatabaseLost), dataDir);
    }

    /** With Axon modules of the test's own beside the features' (e.g. a handler that fails on purpose). */
    public static TestParley start(Path dataDir, Map<String, String> extra,
                                   java.util.List<io.parley.platform.axon.DomainModule> modules) throws Exception {
        return new TestParley(ParleyNode.start(config(dataDir, extra), modules), dataDir);
    }

    public static ParleyConfig config(Path dataDir, Map<String, String> extra) throws IOException {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("data.dir", dataDir.toString());
        overrides.put("http.host", "127.0.0.1");
        overrides.put("http.port", Integer.toString(freePort()));
        overrides.put("vertx.blocked_warning_ms", "1000");
        // Every test registers from 127.0.0.1; per-account limits stay at their defaults.
        overrides.put("auth.rate_limits.login_per_ip", "100000/1m");
        overrides.put("auth.rate_limits.register_per_ip", "100000/1m");
        // Tests post messages, reactions and set-up calls back to back as one account (history
        // pages, search corpora, permission matrices): the per-route and global REST limits are
        // raised here. RateLimitHttpTest runs a server of its own with limits that bite.
        for (String bucket : List.of("global", "default", "message_create", "reactions")) {
            overrides.put("http.rate_limits." + bucket, "1000000/1s");
        }
        // PostgreSQL's stock size: a test run starts several embedded servers and needs no more
        overrides.put("db.embedded.shared_buffers_mb", "128");
        overrides.putAll(extra);
        return ParleyConfig.from(ConfigValues.load(Optional.empty(), Map.of(), overrides));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public ParleyNode node() {
        return node;
    }

    public Path dataDir() {
        return dataDir;
    }

    public ApiClient client() {
        return new ApiClient("http://127.0.0.1:" + node.httpPort());
    }

    @Override
    public void close() throws Exception {
        node.close();
    }
}
