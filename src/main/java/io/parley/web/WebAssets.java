package io.parley.web;

import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The client's files, read from the classpath once at start (about 60 KB), so serving them never
 * touches the disk or unpacks the jar on an event loop. Only known file types are served.
 */
final class WebAssets {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "woff2", "font/woff2");

    record Asset(Buffer body, String contentType, String etag) {
    }

    private final Map<String, Asset> byPath;

    private WebAssets(Map<String, Asset> byPath) {
        this.byPath = Map.copyOf(byPath);
    }

    /** Every file under {@code root} on the classpath, keyed by its path below it ("/index.html"). */
    static WebAssets load(String root) {
        // found through a file, since a jar need not list its directories as entries
        URL url = WebAssets.class.getClassLoader().getResource(root + "/index.html");
        if (url == null) {
            throw new IllegalStateException("the web client's files (" + root + "/index.html) are not on the classpath");
        }
        Map<String, Asset> assets = new HashMap<>();
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    String prefix = root + "/";
                    for (var entries = jar.entries(); entries.hasMoreElements(); ) {
                        var entry = entries.nextElement();
                        if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                add(assets, entry.getName().substring(root.length()), in.readAllBytes());
                            }
                        }
                    }
                }
            } else {
                Path dir = Path.of(url.toURI()).getParent();
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        add(assets, "/" + dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the web client's files", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new WebAssets(assets);
    }

    Optional<Asset> find(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    private static void add(Map<String, Asset> assets, String path, byte[] bytes) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.startsWith(".")) {
            return;
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type != null) {
            assets.put(path, new Asset(Buffer.buffer(bytes), type, "\"" + sha256(bytes).substring(0, 20) + "\""));
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
