package io.parley.platform.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigValuesTest {

    private static ParleyConfig load(Optional<Path> file, Map<String, String> env) {
        return ParleyConfig.from(ConfigValues.load(file, env, Map.of()));
    }

    @Test
    void defaultsServeOnPort8080WithEmbeddedDurablePostgres() {
        ParleyConfig config = load(Optional.empty(), Map.of());
        assertEquals(8080, config.http().port());
        assertTrue(config.db().isEmbedded());
        assertTrue(config.db().embedded().fsync());
        assertTrue(config.db().embedded().synchronousCommit());
        assertEquals(Path.of("data"), config.dataDir());
        assertEquals(new RateLimit(5, Duration.ofMinutes(15)), config.auth().loginPerAccount());
    }

    @Test
    void environmentOverridesDefaults() {
        ParleyConfig config = load(Optional.empty(), Map.of(
                "PARLEY_HTTP_PORT", "9090", "PARLEY_DB_URL", "postgresql://u:p@db:5433/parley",
                "PARLEY_DATA_DIR", "/var/lib/parley"));
        assertEquals(9090, config.http().port());
        assertEquals(Optional.of("postgresql://u:p@db:5433/parley"), config.db().url());
        assertEquals(Path.of("/var/lib/parley"), config.dataDir());
    }

    @Test
    void aConfigFileOverridesDefaultsAndTheEnvironmentOverridesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("parley.yaml");
        Files.writeString(file, "http:\n  port: 7000\n  host: 127.0.0.1\nsnowflake:\n  worker_id: 4\n");
        ParleyConfig config = load(Optional.of(file), Map.of("PARLEY_HTTP_PORT", "7001"));
        assertEquals(7001, config.http().port());
        assertEquals("127.0.0.1", config.http().host());
        assertEquals(4, config.snowflake().workerId());
    }

    @Test
    void aBadValueIsReportedWithItsKeyAndSource() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(Optional.empty(), Map.of("PARLEY_HTTP_PORT", "eighty")));
        assertTrue(e.getMessage().contains("http.port"), e.getMessage());
        assertTrue(e.getMessage().contains("PARLEY_HTTP_PORT"), e.getMessage());
    }

    @Test
    void outOfRangeValuesAreRejected() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(Optional.empty(), Map.of("PARLEY_SNOWFLAKE_WORKER_ID", "32")));
        assertTrue(e.getMessage().contains("snowflake.worker_id"), e.getMessage());
    }

    @Test
    void anUnknownKeyInAFileIsRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("parley.yaml");
        Files.writeString(file, "http:\n  prot: 7000\n");
        ConfigException e = assertThrows(ConfigException.class, () -> load(Optional.of(file), Map.of()));
        assertTrue(e.getMessage().contains("http.prot"), e.getMessage());
    }

    @Test
    void rateLimitsParseCountAndPeriod() {
        ParleyConfig config = ParleyConfig.from(ConfigValues.load(Optional.empty(), Map.of(),
                Map.of("auth.rate_limits.login_per_ip", "50/s")));
        assertEquals(new RateLimit(50, Duration.ofSeconds(1)), config.auth().loginPerIp());
        assertThrows(ConfigException.class, () -> ParleyConfig.from(ConfigValues.load(Optional.empty(), Map.of(),
                Map.of("auth.rate_limits.login_per_ip", "lots"))));
    }

    @Test
    void environmentVariablesThatSetNoKeyAreReported() {
        ConfigValues values = ConfigValues.load(Optional.empty(), Map.of(), Map.of());
        assertEquals(java.util.List.of("PARLEY_MEILI_KEY"), values.unrecognisedEnvironment(Map.of(
                "PARLEY_MEILI_KEY", "typo", "PARLEY_MEILI_API_KEY", "right", "PARLEY_ADMIN_PASSWORD", "read by create-admin",
                "PARLEY_TEST_MEILI_URL", "tests", "PATH", "/bin")));
    }
}
