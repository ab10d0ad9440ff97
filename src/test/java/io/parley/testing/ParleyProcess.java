package io.parley.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code parley serve} as a child JVM on the test classpath (the production start path: its
 * own shutdown hook, its own exit status), on a free loopback port, its output in a log file.
 */
public final class ParleyProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;

    private ParleyProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts a node on {@code dataDir}; {@code properties} are extra {@code -Dparley.key=value} settings. */
    public static ParleyProcess start(Path dataDir, Path log, String... properties) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=logback.xml", "-Dparley.data.dir=" + dataDir,
                "-Dparley.http.host=127.0.0.1", "-Dparley.http.port=" + port, "-Dparley.auth.argon2.memory_kib=1024"));
        command.addAll(List.of(properties));
        command.addAll(List.of("io.parley.Parley", "serve"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ParleyProcess(process, log, port);
    }

    public Process process() {
        return process;
    }

    public int port() {
        return port;
    }

    public ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    /** Waits until {@code /_health} answers 200, failing with the log if the process exits first. */
    public ApiClient awaitHealthy(long timeoutMs) throws InterruptedException {
        ApiClient api = api();
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            assertTrue(process.isAlive(), () -> "parley exited:\n" + log());
            try {
                if (api.get("/_health", null).status() == 200) {
                    return api;
                }
            } catch (IllegalStateException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("parley did not start:\n" + log());
    }

    /** Everything the process printed so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
