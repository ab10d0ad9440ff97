package io.parley;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code parley serve} as an operator starts it: a bad key or value stops it before anything starts. */
class ConfigStartupTest {

    private record Exit(int code, String stderr) {
    }

    private static Exit parley(Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "io.parley.Parley"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.startsWith("PARLEY_"));
        builder.environment().put("PARLEY_DATA_DIR", dir.resolve("data").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "parley exits");
        return new Exit(process.exitValue(), stderr);
    }

    @Test
    void anUnknownKeyInTheConfigFileStopsStartUpNamingTheKeyAndTheFile(@TempDir Path dir) throws Exception {
        Path file = write(dir.resolve("bad.yaml"), "http:\n  port: 8080\ngateway:\n  heartbeat_intervall_ms: 1000\n");
        Exit exit = parley(dir, Map.of(), "serve", "--config", file.toString());
        assertEquals(2, exit.code(), exit.stderr());
        assertTrue(exit.stderr().contains("unknown configuration key 'gateway.heartbeat_intervall_ms'"), exit.stderr());
        assertTrue(exit.stderr().contains(file.toString()), "names the file: " + exit.stderr());
        assertTrue(Files.notExists(dir.resolve("data")), "nothing was started");
    }

    @Test
    void aBadValueFromTheEnvironmentStopsStartUpNamingTheKeyAndTheVariable(@TempDir Path dir) throws Exception {
        Exit exit = parley(dir, Map.of("PARLEY_VALKEY_URL", "", "PARLEY_SNOWFLAKE_WORKER_ID", "99"), "serve");
        assertEquals(2, exit.code(), exit.stderr());
        assertTrue(exit.stderr().contains("'snowflake.worker_id' = '99' (from PARLEY_SNOWFLAKE_WORKER_ID)"), exit.stderr());
        assertTrue(exit.stderr().contains("0 to 31"), "says what is allowed: " + exit.stderr());
        assertTrue(Files.notExists(dir.resolve("data")), "nothing was started");
    }

    private static Path write(Path file, String yaml) throws IOException {
        return Files.writeString(file, yaml);
    }
}
