package io.parley.http;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@link TextRules} accepts exactly the text PostgreSQL can store and, for names, one line (jqwik prints its seed on failure). */
class TextRulesPropertiesTest {

    @Property(tries = 2000)
    void acceptedTextIsWellFormedUtf16WithoutControlCharacters(@ForAll @StringLength(max = 60) String any) {
        boolean storable = encodesStrictly(any) && any.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r');
        assertEquals(storable, TextRules.problem(any, true) == null, () -> "for " + escaped(any));
        boolean oneLine = storable && any.chars().noneMatch(c -> c == '\t' || c == '\n' || c == '\r');
        assertEquals(oneLine, TextRules.problem(any, false) == null, () -> "one line, for " + escaped(any));
    }

    @Property(tries = 500)
    void aNulAnywhereIsRefused(@ForAll @StringLength(max = 30) @CharRange(from = ' ', to = '\uD7FF') String before,
                               @ForAll @StringLength(max = 30) @Chars({'a', '漢', '\u202e'}) String after) {
        assertNotNull(TextRules.problem(before + '\u0000' + after, true));
        assertNull(TextRules.problem(before + after, false));
    }

    private static boolean encodesStrictly(String text) {
        try {
            StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(java.nio.CharBuffer.wrap(text));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
