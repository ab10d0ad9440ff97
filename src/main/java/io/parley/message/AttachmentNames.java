package io.parley.message;

import java.nio.charset.StandardCharsets;

/**
 * The file names Parley accepts for attachments. A bad name is refused, never rewritten, so a
 * file keeps the name it was sent with. Names are never used as paths (files are kept by id),
 * but they end up in URLs and download dialogs, where these would mislead or break.
 */
final class AttachmentNames {
    static final int MAX_BYTES = 255;

    private AttachmentNames() {
    }

    /** Why {@code name} is refused, or null when it is acceptable. */
    static String problem(String name) {
        if (name == null || name.isBlank()) {
            return "A file name is required";
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return "A file name cannot contain / or \\";
        }
        if (name.contains("..") || name.equals(".")) {
            return "A file name cannot contain ..";
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (Character.isSurrogate((char) c)) {
                return "A file name must be valid Unicode";
            }
            if (Character.isISOControl(c)) {
                return "A file name cannot contain control characters";
            }
            if (isDirectionControl(c)) {
                // An override such as U+202E can make a name ending in .exe read as one ending in .png.
                return "A file name cannot contain text direction controls";
            }
            i += Character.charCount(c);
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "A file name can be at most " + MAX_BYTES + " bytes of UTF-8";
        }
        return null;
    }

    private static boolean isDirectionControl(int c) {
        return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
