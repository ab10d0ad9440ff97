package io.parley.media;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Content types come from the extension; only inert media is ever inline. */
class MediaTypesTest {

    @Test
    void typesFollowTheExtension() {
        assertEquals("image/png", MediaTypes.forFilename("A.PNG"));
        assertEquals("image/jpeg", MediaTypes.forFilename("a.jpeg"));
        assertEquals("text/html", MediaTypes.forFilename("x.html"));
        assertEquals(MediaTypes.OCTET_STREAM, MediaTypes.forFilename("x.unknown"));
        assertEquals(MediaTypes.OCTET_STREAM, MediaTypes.forFilename("noext"));
        assertEquals(MediaTypes.OCTET_STREAM, MediaTypes.forFilename("dot."));
    }

    @Test
    void onlyInertMediaIsInline() {
        for (String type : new String[]{"image/png", "image/jpeg", "image/gif", "image/webp", "video/mp4",
                "video/webm", "audio/mpeg", "audio/ogg", "text/plain; charset=utf-8"}) {
            assertTrue(MediaTypes.isInline(type), type);
        }
        for (String type : new String[]{"text/html", "image/svg+xml", "text/javascript", "application/xhtml+xml",
                "application/xml", "application/pdf", "application/octet-stream", "text/css", "image/bmp",
                "video/quicktime", "", null}) {
            assertFalse(MediaTypes.isInline(type), String.valueOf(type));
        }
    }
}
