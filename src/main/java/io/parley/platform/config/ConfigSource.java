package io.parley.platform.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads YAML into flat dotted keys ("http.port" → "8080"). */
final class ConfigSource {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigSource() {
    }

    static Map<String, String> defaults() {
        try (InputStream in = ConfigSource.class.getResourceAsStream("/parley.yaml")) {
            if (in == null) {
                throw new ConfigException("parley.yaml defaults are missing from the classpath");
            }
            return flatten(YAML.readTree(in));
        } catch (IOException e) {
            throw new ConfigException("cannot read the built-in defaults: " + e.getMessage());
        }
    }

    static Map<String, String> file(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException("--config " + path + ": no such file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            JsonNode root = YAML.readTree(in);
            return root == null || root.isMissingNode() ? Map.of() : flatten(root);
        } catch (IOException e) {
            throw new ConfigException("--config " + path + ": not valid YAML: " + e.getMessage());
        }
    }

    private static Map<String, String> flatten(JsonNode root) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", root, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out);
            }
        } else if (node.isNull()) {
            out.put(prefix, "");
        } else {
            out.put(prefix, node.asText());
        }
    }
}
