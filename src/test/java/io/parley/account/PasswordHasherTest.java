package io.parley.account;

import io.parley.platform.config.ParleyConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(new ParleyConfig.Argon2(19456, 2, 1));

    @Test
    void hashesAreArgon2idWithTheConfiguredParameters() {
        assertTrue(hasher.hash("correct horse").startsWith("$argon2id$v=19$m=19456,t=2,p=1$"));
    }

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String hash = hasher.hash("correct horse");
        assertTrue(hasher.verify("correct horse", hash));
        assertFalse(hasher.verify("correct horsE", hash));
    }

    @Test
    void saltsDiffer() {
        assertNotEquals(hasher.hash("same"), hasher.hash("same"));
    }

    @Test
    void hashesKeepTheirOwnParametersWhenTheConfigChanges() {
        String old = new PasswordHasher(new ParleyConfig.Argon2(8192, 1, 1)).hash("correct horse");
        assertTrue(hasher.verify("correct horse", old));
    }

    @Test
    void malformedOrMissingHashesNeverVerify() {
        assertFalse(hasher.verify("x", null));
        assertFalse(hasher.verify("x", "plaintext"));
        assertFalse(hasher.verify("x", "$argon2i$v=19$m=8,t=1,p=1$AAAA$AAAA"));
    }
}
