package io.parley.cluster;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Valkey/Redis server for the cluster tests: {@code valkey-server} or {@code redis-server}
 * from PATH when there is one, else the Linux x86-64 redis-server 6.2 binary carried by the
 * embedded-redis test dependency. Stoppable and restartable on the same port.
 */
final class TestValkey implements AutoCloseable {
    private static final String BUNDLED = "redis-server-6.2.6-v5-linux-amd64";

    private final Path binary;
    private final int port;
    private Process process;

    private TestValkey(Path binary, int port) {
        this.binary = binary;
        this.port = port;
    }

    static TestValkey start() throws IOException, InterruptedException {
        TestValkey valkey = new TestValkey(binary(), freePort());
        valkey.startServer();
        return valkey;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    synchronized void startServer() throws IOException, InterruptedException {
        process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    synchronized void stopServer() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopServer();
    }

    private static Path binary() throws IOException {
        for (String name : List.of("valkey-server", "redis-server")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "parley-test-" + BUNDLED);
        if (!Files.isExecutable(target)) {
            try (InputStream in = TestValkey.class.getClassLoader().getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException("no redis-server on PATH and " + BUNDLED + " is not on the classpath");
                }
                Path temp = Files.createTempFile("parley-redis", ".bin");
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                temp.toFile().setExecutable(true);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return target;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
