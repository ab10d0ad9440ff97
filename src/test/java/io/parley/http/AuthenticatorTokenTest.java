package io.parley.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AuthenticatorTokenTest {
    @Test
    void bareBotAndBearerTokensAreRead() {
        assertEquals("abc", Authenticator.token("abc"));
        assertEquals("abc", Authenticator.token("Bot abc"));
        assertEquals("abc", Authenticator.token("bearer abc"));
    }

    @Test
    void otherSchemesAndEmptyTokensAreNot() {
        assertNull(Authenticator.token(null));
        assertNull(Authenticator.token("Basic abc"));
        assertNull(Authenticator.token("Bot "));
        assertNull(Authenticator.token("x".repeat(600)));
    }
}
