package io.parley.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EncodedPathsTest {
    @Test
    void atSignAndUnreservedEscapesDecodeInAnyCase() {
        assertEquals("/users/@me/guilds", EncodedPaths.decoded("/users/%40me/guilds"));
        assertEquals("/a-b.c_d~e9Z", EncodedPaths.decoded("/a%2db%2Ec%5Fd%7ee%39%5A"));
    }

    @Test
    void separatorsPercentAndNonAsciiEscapesStay() {
        assertEquals("/a%2Fb%2fc", EncodedPaths.decoded("/a%2Fb%2fc"));
        assertEquals("/a%2540me", EncodedPaths.decoded("/a%2540me"));
        assertEquals("/r/%F0%9F%91%8D/%3F%23", EncodedPaths.decoded("/r/%F0%9F%91%8D/%3F%23"));
    }

    @Test
    void brokenEscapesStayAsWritten() {
        assertEquals("/a%4", EncodedPaths.decoded("/a%4"));
        assertEquals("/a%zz%", EncodedPaths.decoded("/a%zz%"));
        assertEquals("/a@", EncodedPaths.decoded("/a%40"));
    }
}
