package io.parley.platform.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example files in config/ and the key table in docs/operations.md, read through the real
 * loader, so neither can drift from the keys Parley accepts.
 */
class ConfigExamplesTest {
    private static final Path CONFIG = Path.of("config");

    private static ParleyConfig load(String file, Map<String, String> env) {
        return ParleyConfig.from(ConfigValues.load(Optional.of(CONFIG.resolve(file)), env, Map.of()));
    }

    @Test
    void theSingleNodeExampleRunsOnTheEmbeddedDatabaseWithoutValkeyOrMeilisearch() {
        ParleyConfig config = load("single-node.yaml", Map.of("PARLEY_VOICE_API_SECRET", "from-the-environment"));
        assertTrue(config.db().isEmbedded());
        assertTrue(config.db().embedded().fsync());
        assertFalse(config.cluster().enabled());
        assertTrue(config.search().meiliUrl().isEmpty(), "PostgreSQL full-text search");
        assertEquals(Path.of("/var/lib/parley"), config.dataDir());
        assertEquals("json", config.logFormat());
        assertEquals("from-the-environment", config.voice().apiSecret());
    }

    @Test
    void theClusterExampleSharesPostgresValkeyAndMeilisearchAndTakesNodeIdentityFromTheEnvironment() {
        ParleyConfig config = load("cluster.yaml", Map.of("PARLEY_SNOWFLAKE_WORKER_ID", "7",
                "PARLEY_CLUSTER_NODE_ID", "parley-7", "PARLEY_DB_PASSWORD", "pw", "PARLEY_MEILI_API_KEY", "key"));
        assertFalse(config.db().isEmbedded());
        assertEquals(Optional.of("pw"), config.db().password());
        assertTrue(config.cluster().enabled());
        assertEquals(Optional.of("parley-7"), config.cluster().nodeId());
        assertEquals(7, config.snowflake().workerId());
        assertEquals(Optional.of("http://meilisearch.internal:7700"), config.search().meiliUrl());
        assertEquals(Optional.of("key"), config.search().meiliApiKey());
    }

    @Test
    void theDefaultsFileLoadsAsItsOwnOverride() {
        assertEquals(8080, load("parley.yaml", Map.of()).http().port());
    }

    /** docs/operations.md's configuration reference names every key, each beside its environment variable. */
    @Test
    void theOperatorGuideDocumentsEveryKeyWithItsEnvironmentVariable() throws IOException {
        String guide = Files.readString(Path.of("docs/operations.md"));
        Pattern row = Pattern.compile("^\\| `([a-z0-9_.]+)` \\| `(PARLEY_[A-Z0-9_]+)` \\|", Pattern.MULTILINE);
        Map<String, String> documented = new java.util.HashMap<>();
        Matcher m = row.matcher(guide);
        while (m.find()) {
            documented.put(m.group(1), m.group(2));
        }
        for (String key : new java.util.TreeSet<>(ConfigValues.load(Optional.empty(), Map.of(), Map.of()).asMap().keySet())) {
            assertEquals(ConfigValues.envName(key), documented.get(key),
                    "docs/operations.md needs a row | `" + key + "` | `" + ConfigValues.envName(key) + "` | default | meaning |");
        }
        for (String key : documented.keySet()) {
            assertTrue(ConfigValues.load(Optional.empty(), Map.of(), Map.of()).asMap().containsKey(key),
                    "docs/operations.md documents " + key + ", which config/parley.yaml does not have");
        }
    }
}
