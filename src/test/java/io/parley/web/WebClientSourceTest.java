package io.parley.web;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The client's sources keep to the rules its security rests on (docs/web-client.md). */
class WebClientSourceTest {
    private static final Path WEBROOT = Path.of("src/main/resources/webroot");
    private static final List<String> HTML_SINKS = List.of("innerHTML", "outerHTML", "insertAdjacentHTML",
            "document.write", "eval(", "new Function", "setAttribute('style'", "setAttribute(\"style\"");

    @Test
    void noScriptTurnsTextIntoMarkup() throws Exception {
        try (Stream<Path> files = Files.walk(WEBROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                String source = Files.readString(file);
                for (String sink : HTML_SINKS) {
                    assertFalse(source.contains(sink), file + " uses " + sink);
                }
            }
        }
    }

    @Test
    void thePageHasNoInlineScriptOrStyle() throws Exception {
        String page = Files.readString(WEBROOT.resolve("index.html"));
        assertFalse(page.contains("style="), "inline style attribute");
        assertFalse(page.contains("<style"), "inline style element");
        assertFalse(page.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "inline script");
        assertFalse(page.matches("(?s).*\\son[a-z]+=.*"), "inline event handler");
        assertEquals(1, page.split("<script", -1).length - 1, "one module script");
    }
}
