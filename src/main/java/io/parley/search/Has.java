package io.parley.search;

import java.util.Arrays;
import java.util.Optional;

/** What a message may contain, for the {@code has} search filter; a document stores them as a bit set. */
public enum Has {
    LINK, EMBED, FILE, IMAGE, VIDEO, STICKER;

    /** Kinds a message edit can change (the rest come from attachments, which edits keep). */
    public static final int EDITABLE = LINK.bit() | EMBED.bit();

    public int bit() {
        return 1 << ordinal();
    }

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Has> byWireName(String name) {
        return Arrays.stream(values()).filter(h -> h.wireName().equals(name)).findFirst();
    }

    public static boolean in(int bits, Has kind) {
        return (bits & kind.bit()) != 0;
    }
}
