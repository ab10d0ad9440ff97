package io.parley.cluster;

import io.parley.platform.config.ParleyConfig;
import io.parley.platform.storage.EmbeddedPostgresServer;
import io.parley.testing.ApiClient;
import io.parley.testing.TestParley;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parley nodes as separate OS processes ({@code io.parley.Parley serve} on this JVM's class
 * path) sharing one embedded PostgreSQL and one Valkey started here, so that a test can kill a
 * node with SIGKILL. Each node has its own port, data directory, snowflake worker and node id.
 */
public final class ClusterNodes implements AutoCloseable {
    /** Extra JVM options for the node processes: -Dparley.cluster.jvm="-Xmx1g ...". */
    private static final List<String> JVM_OPTIONS = List.of(System.getProperty("parley.cluster.jvm", "").split(" "))
            .stream().filter(o -> !o.isBlank()).toList();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final TestValkey valkey;
    private final EmbeddedPostgresServer postgres;
    private final Path root;
    private final List<Node> nodes = new ArrayList<>();

    public record Node(String name, int port, Process process, Path log) {
        public ApiClient api() {
            return new ApiClient("http://127.0.0.1:" + port);
        }
    }

    private ClusterNodes(TestValkey valkey, EmbeddedPostgresServer postgres, Path root) {
        this.valkey = valkey;
        this.postgres = postgres;
        this.root = root;
    }

    public static ClusterNodes start(int count, Map<String, String> extra) throws Exception {
        Path root = Files.createTempDirectory("parley-cluster-");
        ParleyConfig defaults = TestParley.config(root, Map.of("db.embedded.fsync", "false",
                "db.embedded.synchronous_commit", "false"));
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(root.resolve("db"), defaults.db().embedded());
        TestValkey valkey = TestValkey.start();
        ClusterNodes cluster = new ClusterNodes(valkey, postgres, root);
        try {
            // The first node migrates the schema and claims the projections; the others follow together.
            cluster.launch(0, extra);
            cluster.awaitHealthy(cluster.nodes.get(0));
            for (int i = 1; i < count; i++) {
                cluster.launch(i, extra);
            }
            for (Node node : cluster.nodes) {
                cluster.awaitHealthy(node);
            }
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    public Node node(int index) {
        return nodes.get(index);
    }

    private void launch(int index, Map<String, String> extra) throws IOException {
        String name = "node-" + (char) ('a' + index);
        Path dir = Files.createDirectories(root.resolve(name));
        int port = TestValkey.freePort();
        var endpoint = postgres.endpoint();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=logback.xml",
                "-Dparley.data.dir=" + dir,
                "-Dparley.http.host=127.0.0.1",
                "-Dparley.http.port=" + port,
                "-Dparley.db.url=postgresql://127.0.0.1:" + endpoint.port() + "/postgres",
                "-Dparley.db.user=postgres",
                "-Dparley.db.password=postgres",
                "-Dparley.db.jdbc_pool_size=8",
                "-Dparley.db.reactive_pool_size=4",
                "-Dparley.valkey.url=" + valkey.url(),
                "-Dparley.cluster.node_id=" + name,
                "-Dparley.snowflake.worker_id=" + (index + 1),
                "-Dparley.vertx.event_loops=2",
                "-Dparley.axon.command_threads=4",
                "-Dparley.auth.argon2.memory_kib=1024",
                "-Dparley.auth.rate_limits.login_per_ip=100000/1m",
                "-Dparley.auth.rate_limits.register_per_ip=100000/1m"));
        extra.forEach((key, value) -> command.add("-Dparley." + key + "=" + value));
        command.add("io.parley.Parley");
        command.add("serve");
        Path log = dir.resolve("node.log");
        command.addAll(2, JVM_OPTIONS);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        nodes.add(new Node(name, port, process, log));
    }

    private void awaitHealthy(Node node) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            if (!node.process().isAlive()) {
                throw new IllegalStateException(node.name() + " exited:\n" + tail(node));
            }
            try {
                HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.port() + "/_health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 200 && (reply.body().contains("\"valkey\":{\"status\":\"up\"}")
                        || reply.body().contains("\"valkey\":{\"status\":\"disabled\"}"))) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(node.name() + " did not become healthy:\n" + tail(node));
    }

    String health(Node node) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/_health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** No shutdown hook, no drain: the process is gone as if the machine died. */
    void kill(Node node) throws InterruptedException {
        node.process().destroyForcibly();
        node.process().waitFor();
    }

    static String tail(Node node) {
        try {
            List<String> lines = Files.readAllLines(node.log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        for (Node node : nodes) {
            node.process().destroy();
        }
        for (Node node : nodes) {
            if (!node.process().waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                node.process().destroyForcibly();
            }
        }
        valkey.close();
        postgres.close();
        // The database is the bulk of it; the node logs stay for a look after a failure.
        try (var files = Files.walk(root.resolve("db"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
