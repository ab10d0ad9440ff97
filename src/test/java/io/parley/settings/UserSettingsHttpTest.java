package io.parley.settings;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.ApiClient.Reply;
import io.parley.testing.GatewayClient;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Set;
import java.util.stream.Collectors;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** GET/PATCH /users/@me/settings: validation, the stored round trip, READY and USER_SETTINGS_UPDATE. */
@ExtendWith(SharedParley.class)
class UserSettingsHttpTest {
    private static final String SETTINGS = API + "/users/@me/settings";

    private TestParley parley;
    private ApiClient api;
    private Account user;

    @BeforeEach
    void setUp(TestParley parley) {
        this.parley = parley;
        api = parley.client();
        user = api.register("correct horse battery");
    }

    private GatewayClient session() {
        GatewayClient client = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json");
        client.next(5000);
        return client;
    }

    @Test
    void aNewUserHasTheDefaults() {
        JsonObject settings = api.get(SETTINGS, user.token()).json();
        assertEquals("online", settings.getString("status"));
        assertNull(settings.getValue("custom_status"));
        assertEquals("dark", settings.getString("theme"));
        assertEquals("en-US", settings.getString("locale"));
        assertEquals(false, settings.getBoolean("developer_mode"));
    }

    @Test
    void aChangeIsStoredReachesTheUsersSessionsAndIsInTheNextReady() {
        try (GatewayClient open = session()) {
            open.identify(user.token(), 0);
            Reply changed = api.patch(SETTINGS, new JsonObject().put("theme", "light").put("locale", "de-de")
                    .put("developer_mode", true)
                    .put("custom_status", new JsonObject().put("text", "at lunch").put("emoji_name", "🍕")), user.token());
            assertEquals(200, changed.status(), changed.body());
            assertEquals("light", changed.json().getString("theme"));
            assertEquals("de-DE", changed.json().getString("locale"), "stored in canonical BCP-47 case");
            assertEquals("at lunch", changed.json().getJsonObject("custom_status").getString("text"));
            assertEquals(changed.json(), api.get(SETTINGS, user.token()).json());

            JsonObject update = open.dispatch("USER_SETTINGS_UPDATE").getJsonObject("d");
            assertEquals("light", update.getString("theme"));
            assertEquals("🍕", update.getJsonObject("custom_status").getString("emoji_name"));
        }
        try (GatewayClient later = session()) {
            JsonObject ready = later.identify(user.token(), 0).getJsonObject("d");
            assertEquals("light", ready.getJsonObject("user_settings").getString("theme"));
            assertEquals(true, ready.getJsonObject("user_settings").getBoolean("developer_mode"));
        }
    }

    @Test
    void aCustomStatusIsClearedByNullAndHiddenOnceExpired() {
        api.patch(SETTINGS, new JsonObject().put("custom_status", new JsonObject().put("text", "brb")), user.token());
        Reply cleared = api.patch(SETTINGS, new JsonObject().putNull("custom_status"), user.token());
        assertNull(cleared.json().getValue("custom_status"));
        Reply expired = api.patch(SETTINGS, new JsonObject().put("custom_status", new JsonObject().put("text", "old")
                .put("expires_at", "2020-01-01T00:00:00Z")), user.token());
        assertEquals(200, expired.status(), expired.body());
        assertNull(api.get(SETTINGS, user.token()).json().getValue("custom_status"));
    }

    @Test
    void wrongValuesAreRejectedTogetherAndChangeNothing() {
        Reply bad = api.patch(SETTINGS, new JsonObject().put("status", "away").put("theme", "blue")
                .put("locale", "not a tag").put("timezone_offset", 100_000)
                .put("custom_status", new JsonObject().put("text", "x".repeat(129)).put("expires_at", "tomorrow")),
                user.token());
        assertEquals(400, bad.status());
        assertEquals("INVALID_FORM_BODY", bad.errorCode());
        Set<String> paths = bad.json().getJsonArray("errors").stream()
                .map(e -> ((JsonObject) e).getString("path")).collect(Collectors.toSet());
        assertEquals(Set.of("status", "theme", "locale", "timezone_offset", "custom_status.text",
                "custom_status.expires_at"), paths);
        assertEquals("dark", api.get(SETTINGS, user.token()).json().getString("theme"));
    }

    @Test
    void anotherUsersSettingsAreNotReachableAndNoTokenIsUnauthorized() {
        Account other = api.register("correct horse battery");
        api.patch(SETTINGS, new JsonObject().put("theme", "light"), other.token());
        assertEquals("dark", api.get(SETTINGS, user.token()).json().getString("theme"));
        Reply anonymous = api.get(SETTINGS, null);
        assertEquals(401, anonymous.status());
        assertEquals("UNAUTHORIZED", anonymous.errorCode());
    }
}
