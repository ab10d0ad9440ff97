package io.parley.message;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which file names Parley keeps as sent and which it refuses. */
class AttachmentNamesTest {

    @Test
    void ordinaryNamesAreKept() {
        for (String name : new String[]{"photo.png", "holiday photo é.png", "no-extension", ".bashrc", "a.b.c",
                "日本語.txt", "emoji 😀.gif", "x".repeat(251) + ".png", "é".repeat(126) + ".gz"}) {
            assertNull(AttachmentNames.problem(name), name);
        }
    }

    @Test
    void pathsTraversalControlsAndOverlongNamesAreRefused() {
        for (String name : new String[]{null, "", "   ", ".", "..", "../../etc/passwd", "a/b.png", "a\\b.png",
                "a..b", "a\u0000b.png", "tab\t.png", "line\n.png", "del\u007f.png", "c1\u0085.png",
                "photo\u202Egnp.exe", "x".repeat(252) + ".png", "é".repeat(128), "bad\uD800.png"}) {
            assertNotNull(AttachmentNames.problem(name), String.valueOf(name));
        }
    }
}
