package io.parley.hostile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import net.jqwik.engine.SourceOfRandomness;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Random;

/**
 * Hostile text from jqwik arbitraries: any UTF-16 unit (so lone surrogates and every plane),
 * C0 and C1 controls, NUL, bidi overrides, zero-width characters, astral emoji, combining marks,
 * and now and then a 64 KiB string. jqwik's source of randomness is per thread and seeded here,
 * so one worker's sequence repeats with its seed; create and use an instance on one thread. Its
 * sampling context is shared by all threads, so values are drawn one at a time.
 */
final class HostileStrings {
    private static final String SPICE = "\u0000\u0001\u0007\u0008\t\n\u000b\u000c\r\u001b\u001f\u007f\u0080\u0085\u009f"
            + "\u00a0\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"
            + "\ufeff\ufffd\ufffe\uffff\ud800\udbff\udc00\udfff\u0301\u0336\"\\/<>&'%+#?=:@ ";
    private static final String[] PIECES = {"\ud83d\ude00", "\ud83c\udff3\ufe0f\u200d\ud83c\udf08", "漢字", "\ud840\udc0b",
            "\ud800\udc00", "\udbff\udfff", "e\u0301", "\u202eexe.png", "null", "[]", "{}", "\\u0000", "%00", "0", "-1",
            "@everyone", "<@1>", "a", "ab", "   ", ""};

    private static final Object SAMPLING = new Object();
    private final Iterator<String> values;
    private final Random random;

    HostileStrings(long seed) {
        this.random = new Random(seed);
        synchronized (SAMPLING) {
            SourceOfRandomness.create(Long.toString(seed));
            values = values();
        }
    }

    private static Iterator<String> values() {
        Arbitrary<String> anyUnit = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> spiced = Arbitraries.strings().withChars(SPICE).withCharRange('a', 'z').ofMaxLength(24);
        Arbitrary<String> pieces = Arbitraries.of(PIECES).list().ofMaxSize(4).map(l -> String.join("", l));
        Arbitrary<String> mixed = Arbitraries.of(SPICE.chars().mapToObj(c -> String.valueOf((char) c)).toList())
                .flatMap(bad -> Arbitraries.strings().alpha().ofMaxLength(12).map(s -> s + bad + s));
        Arbitrary<String> huge = Arbitraries.of(65_536, 65_537, 2_001, 4_097)
                .flatMap(n -> Arbitraries.of("x", "漢", "\ud83d\ude00", "\u0000").map(c -> c.repeat(n / c.length())));
        return Arbitraries.frequencyOf(Tuple.of(30, anyUnit), Tuple.of(30, spiced), Tuple.of(15, pieces),
                Tuple.of(20, mixed), Tuple.of(2, huge)).sampleStream().iterator();
    }

    String next() {
        synchronized (SAMPLING) {
            return values.next();
        }
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** {@code value} as a JSON string literal, every control character and surrogate written as a \\u escape. */
    static String json(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || (c >= 0x7f && c <= 0x9f)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** {@code value} percent-encoded as UTF-8; a lone surrogate becomes its three (ill-formed) CESU-8 bytes. */
    static String percent(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                out.append(c);
                continue;
            }
            byte[] bytes;
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes = new byte[]{(byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))};
            } else {
                bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            }
            for (byte b : bytes) {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }
}
