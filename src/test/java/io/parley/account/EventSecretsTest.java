package io.parley.account;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event log is kept forever and replayed anywhere: it must never hold a password or a raw token. */
@ExtendWith(SharedParley.class)
class EventSecretsTest {

    @Test
    void eventsCarryHashesNeverPasswordsOrTokens(TestParley parley) throws Exception {
        ApiClient api = parley.client();
        String password = "a secret password 1";
        String newPassword = "a secret password 2";
        Account account = api.register(password);
        String loginToken = api.post(API + "/auth/login",
                new JsonObject().put("login", account.email()).put("password", password), null).json().getString("token");
        String changedToken = api.patch(API + "/users/@me",
                new JsonObject().put("password", password).put("new_password", newPassword), loginToken)
                .json().getString("token");

        List<String> payloads = payloadsOf(parley, account.id());
        assertEquals(5, payloads.size(), "registered, session, session, password changed, session");
        String all = String.join("\n", payloads);
        for (String secret : List.of(password, newPassword, account.token(), loginToken, changedToken)) {
            assertFalse(all.contains(secret), "the event log contains a secret");
        }
        assertTrue(all.contains("$argon2id$"), "password hashes are stored");
        assertTrue(all.contains(SessionTokens.hashHex(loginToken)), "token hashes are stored");
    }

    private static List<String> payloadsOf(TestParley parley, String aggregateId) throws Exception {
        List<String> payloads = new ArrayList<>();
        try (Connection connection = parley.node().storage().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT convert_from(payload, 'UTF8') FROM domainevententry
                     WHERE aggregateidentifier = ? ORDER BY sequencenumber""")) {
            query.setString(1, aggregateId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    payloads.add(rows.getString(1));
                }
            }
        }
        return payloads;
    }
}
