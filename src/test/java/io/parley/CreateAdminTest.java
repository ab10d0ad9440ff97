package io.parley;

import io.parley.testing.ApiClient;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** `parley create-admin`: an account that logs in like anyone, carries STAFF, and may use /_admin. */
class CreateAdminTest {

    @Test
    void anAdminLogsInCarriesTheStaffFlagAndMayUseTheAdminEndpoints(@TempDir Path dataDir) throws Exception {
        try (TestParley parley = TestParley.start(dataDir, Map.of())) {
            assertEquals(0, CreateAdmin.run(TestParley.config(dataDir, Map.of()), "operator", "ops@example.com",
                    "correct horse battery"));
            ApiClient api = parley.client();
            ApiClient.Reply login = api.post(API + "/auth/login", new JsonObject()
                    .put("login", "operator").put("password", "correct horse battery"), null);
            assertEquals(200, login.status(), login.body());
            String token = login.json().getString("token");
            JsonObject me = api.get(API + "/users/@me", token).json();
            assertEquals(1, me.getLong("flags"), "STAFF");
            assertEquals(1, me.getLong("public_flags"));
            assertEquals(200, api.get("/_admin/replay/accounts", token).status());
        }
    }

    @Test
    void aTakenOrMalformedNameIsRefused(@TempDir Path dataDir) throws Exception {
        try (TestParley parley = TestParley.start(dataDir, Map.of())) {
            ApiClient.Account someone = parley.client().register("correct horse battery");
            var config = TestParley.config(dataDir, Map.of());
            assertEquals(1, CreateAdmin.run(config, someone.username(), "other@example.com", "correct horse battery"));
            assertEquals(2, CreateAdmin.run(config, "no spaces", "x@example.com", "correct horse battery"));
            assertEquals(2, CreateAdmin.run(config, "shortpass", "x@example.com", "short"));
        }
    }

    @Test
    void anOrdinaryAccountHasNoFlags(@TempDir Path dataDir) throws Exception {
        try (TestParley parley = TestParley.start(dataDir, Map.of())) {
            ApiClient.Account someone = parley.client().register("correct horse battery");
            assertEquals(0, parley.client().get(API + "/users/@me", someone.token()).json().getLong("flags"));
        }
    }
}
