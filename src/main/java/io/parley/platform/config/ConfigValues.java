package io.parley.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The effective configuration as flat keys, each remembering where its value came from,
 * with typed accessors that fail with a message naming the key.
 */
public final class ConfigValues {
    private static final Pattern RATE = Pattern.compile("(\\d+)\\s*/\\s*(\\d*)\\s*(ms|[smh])");

    /** Read by commands, not configuration keys. */
    private static final Set<String> NON_KEY_VARIABLES = Set.of("PARLEY_ADMIN_PASSWORD");

    private final Map<String, String> values;
    private final Map<String, String> origins;

    private ConfigValues(Map<String, String> values, Map<String, String> origins) {
        this.values = values;
        this.origins = origins;
    }

    /**
     * Layers, lowest precedence first: built-in defaults, the --config file, environment
     * variables, then explicit overrides (system properties, or a test's map).
     */
    public static ConfigValues load(Optional<Path> file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>(ConfigSource.defaults());
        Map<String, String> origins = new HashMap<>();
        values.keySet().forEach(k -> origins.put(k, "default"));
        file.ifPresent(path -> ConfigSource.file(path).forEach((key, value) -> {
            requireKnown(values, key, "--config " + path);
            values.put(key, value);
            origins.put(key, "--config " + path);
        }));
        for (String key : values.keySet().toArray(String[]::new)) {
            String envName = envName(key);
            if (env.containsKey(envName)) {
                values.put(key, env.get(envName));
                origins.put(key, envName);
            }
        }
        overrides.forEach((key, value) -> {
            requireKnown(values, key, "override");
            values.put(key, value);
            origins.put(key, "override parley." + key);
        });
        return new ConfigValues(values, origins);
    }

    public static String envName(String key) {
        return "PARLEY_" + key.replace('.', '_').toUpperCase();
    }

    private static void requireKnown(Map<String, String> known, String key, String origin) {
        if (!known.containsKey(key)) {
            throw new ConfigException("unknown configuration key '" + key + "' (from " + origin + ")");
        }
    }

    /**
     * PARLEY_* environment variables that set no key (a typo such as PARLEY_MEILI_KEY for
     * PARLEY_MEILI_API_KEY): start-up warns about them. Variables Parley reads elsewhere are
     * not reported.
     */
    public List<String> unrecognisedEnvironment(Map<String, String> env) {
        Set<String> known = new HashSet<>(NON_KEY_VARIABLES);
        values.keySet().forEach(key -> known.add(envName(key)));
        return env.keySet().stream()
                .filter(name -> name.startsWith("PARLEY_") && !name.startsWith("PARLEY_TEST_") && !known.contains(name))
                .sorted().toList();
    }

    public Map<String, String> asMap() {
        return Map.copyOf(values);
    }

    public String string(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new ConfigException("configuration key '" + key + "' has no default");
        }
        return value.trim();
    }

    public Optional<String> optionalString(String key) {
        String value = string(key);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public int intIn(String key, int min, int max) {
        String raw = string(key);
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw bad(key, raw, "a whole number from " + min + " to " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw bad(key, raw, "a whole number from " + min + " to " + max);
        }
    }

    public String oneOf(String key, String... allowed) {
        String raw = string(key);
        for (String candidate : allowed) {
            if (candidate.equals(raw)) {
                return raw;
            }
        }
        throw bad(key, raw, "one of " + String.join(", ", allowed));
    }

    public boolean bool(String key) {
        String raw = string(key).toLowerCase();
        return switch (raw) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw bad(key, raw, "true or false");
        };
    }

    public Path path(String key) {
        String raw = string(key);
        if (raw.isEmpty()) {
            throw bad(key, raw, "a directory path");
        }
        return Path.of(raw);
    }

    /** "COUNT/PERIOD", e.g. 5/15m, 10/30m, 3/1h, 50/s, 1/250ms. */
    public RateLimit rate(String key) {
        String raw = string(key);
        Matcher m = RATE.matcher(raw);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
            throw bad(key, raw, "COUNT/PERIOD such as 5/15m (period unit ms, s, m or h)");
        }
        long amount = m.group(2).isEmpty() ? 1 : Long.parseLong(m.group(2));
        Duration unit = switch (m.group(3)) {
            case "ms" -> Duration.ofMillis(1);
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            default -> Duration.ofHours(1);
        };
        if (amount < 1) {
            throw bad(key, raw, "a period of at least 1" + m.group(3));
        }
        return new RateLimit(Integer.parseInt(m.group(1)), unit.multipliedBy(amount));
    }

    private ConfigException bad(String key, String raw, String expected) {
        return new ConfigException("configuration key '" + key + "' = '" + raw + "' (from "
                + origins.getOrDefault(key, "?") + "): expected " + expected);
    }
}
