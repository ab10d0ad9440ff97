package io.parley;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConfigMaskingTest {
    @Test
    void secretKeysAndUrlPasswordsAreMasked() {
        assertEquals("****", ConfigMasking.mask("db.password", "hunter2"));
        assertEquals("postgresql://parley:****@db:5432/parley",
                ConfigMasking.mask("db.url", "postgresql://parley:hunter2@db:5432/parley"));
        assertEquals("redis://:****@valkey:6379", ConfigMasking.mask("valkey.url", "redis://:hunter2@valkey:6379"),
                "a password without a user name");
        assertEquals("8080", ConfigMasking.mask("http.port", "8080"));
        assertEquals("", ConfigMasking.mask("db.password", ""), "an unset secret shows as unset");
    }
}
