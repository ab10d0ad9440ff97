package io.parley.account;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.ApiClient.Reply;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(SharedParley.class)
class AccountHttpTest {
    private static final String PASSWORD = "correct horse battery";
    private ApiClient api;

    @BeforeEach
    void connect(TestParley parley) {
        api = parley.client();
    }

    @Test
    void registerThenLoginThenReadOwnProfile() {
        Account account = api.register(PASSWORD);
        Reply login = api.post(API + "/auth/login",
                new JsonObject().put("login", account.email()).put("password", PASSWORD), null);
        assertEquals(200, login.status(), login.body());
        assertEquals(account.id(), login.json().getString("user_id"));
        String token = login.json().getString("token");
        assertNotEquals(account.token(), token, "each login gets its own token");

        Reply me = api.get(API + "/users/@me", token);
        assertEquals(200, me.status(), me.body());
        assertEquals("application/json", me.header("content-type"));
        JsonObject user = me.json();
        assertEquals(account.id(), user.getString("id"));
        assertEquals(account.username(), user.getString("username"));
        assertEquals(account.email(), user.getString("email"));
        assertEquals("0", user.getString("discriminator"));
        assertEquals(false, user.getBoolean("bot"));
        assertFalse(user.containsKey("password_hash"));
    }

    @Test
    void loginByUsernameIgnoresCase() {
        Account account = api.register(PASSWORD);
        Reply login = api.post(API + "/auth/login",
                new JsonObject().put("login", account.username().toUpperCase()).put("password", PASSWORD), null);
        assertEquals(200, login.status(), login.body());
    }

    @Test
    void duplicateUsernameAndEmailAreRejectedPerField() {
        Account taken = api.register(PASSWORD);
        Reply reply = api.post(API + "/auth/register", new JsonObject()
                .put("username", taken.username().toUpperCase())
                .put("email", taken.email().toUpperCase())
                .put("password", PASSWORD), null);
        assertEquals(400, reply.status());
        assertEquals("INVALID_FORM_BODY", reply.errorCode());
        assertEquals(List.of("username", "email"), paths(reply.json().getJsonArray("errors")));
    }

    @Test
    void invalidRegistrationListsEveryBadField() {
        Reply reply = api.post(API + "/auth/register", new JsonObject()
                .put("username", "no spaces allowed").put("email", "not-an-email").put("password", "short"), null);
        assertEquals(400, reply.status());
        assertEquals(List.of("username", "email", "password"), paths(reply.json().getJsonArray("errors")));
    }

    @Test
    void wrongPasswordAndUnknownLoginGiveTheSameAnswer() {
        Account account = api.register(PASSWORD);
        Reply wrongPassword = api.post(API + "/auth/login",
                new JsonObject().put("login", account.email()).put("password", "not the password"), null);
        Reply unknownLogin = api.post(API + "/auth/login",
                new JsonObject().put("login", "nobody-" + account.email()).put("password", PASSWORD), null);
        assertEquals(400, wrongPassword.status());
        assertEquals("INVALID_FORM_BODY", wrongPassword.errorCode());
        assertEquals(List.of("login", "password"), paths(wrongPassword.json().getJsonArray("errors")));
        assertEquals(wrongPassword.json(), unknownLogin.json());
    }

    @Test
    void missingOrGarbageTokenIsUnauthorized() {
        for (String authorization : new String[]{null, "garbage", "Bot garbage", "Bearer ", "Basic abc"}) {
            Reply reply = api.get(API + "/users/@me", authorization);
            assertEquals(401, reply.status(), "Authorization: " + authorization);
            assertEquals("UNAUTHORIZED", reply.errorCode());
        }
    }

    @Test
    void everyTokenPrefixIsAccepted() {
        Account account = api.register(PASSWORD);
        for (String authorization : new String[]{account.token(), "Bot " + account.token(), "Bearer " + account.token()}) {
            assertEquals(200, api.get(API + "/users/@me", authorization).status(), authorization);
        }
    }

    @Test
    void logoutRevokesOnlyThePresentedToken() {
        Account account = api.register(PASSWORD);
        String second = api.post(API + "/auth/login",
                new JsonObject().put("login", account.email()).put("password", PASSWORD), null).json().getString("token");
        assertEquals(204, api.post(API + "/auth/logout", null, account.token()).status());
        assertEquals(401, api.get(API + "/users/@me", account.token()).status());
        assertEquals(200, api.get(API + "/users/@me", second).status());
    }

    @Test
    void passwordChangeRevokesEveryOldTokenAndReturnsANewOne() {
        Account account = api.register(PASSWORD);
        Reply changed = api.patch(API + "/users/@me",
                new JsonObject().put("password", PASSWORD).put("new_password", "a brand new password"), account.token());
        assertEquals(200, changed.status(), changed.body());
        String fresh = changed.json().getString("token");
        assertNotNull(fresh);
        assertEquals(401, api.get(API + "/users/@me", account.token()).status());
        assertEquals(200, api.get(API + "/users/@me", fresh).status());
        assertEquals(400, api.post(API + "/auth/login",
                new JsonObject().put("login", account.email()).put("password", PASSWORD), null).status());
        assertEquals(200, api.post(API + "/auth/login",
                new JsonObject().put("login", account.email()).put("password", "a brand new password"), null).status());
    }

    @Test
    void passwordChangeNeedsTheCurrentPassword() {
        Account account = api.register(PASSWORD);
        Reply reply = api.patch(API + "/users/@me",
                new JsonObject().put("password", "wrong one").put("new_password", "a brand new password"), account.token());
        assertEquals(400, reply.status());
        assertEquals(List.of("password"), paths(reply.json().getJsonArray("errors")));
        assertEquals(200, api.get(API + "/users/@me", account.token()).status());
    }

    @Test
    void profileChangesAreVisibleAtOnceAndToOthers() {
        Account alice = api.register(PASSWORD);
        Account bob = api.register(PASSWORD);
        String newName = alice.username() + "_x";
        Reply changed = api.patch(API + "/users/@me", new JsonObject()
                .put("username", newName).put("global_name", "Alice").put("bio", "hello"), alice.token());
        assertEquals(200, changed.status(), changed.body());
        assertEquals(newName, changed.json().getString("username"));

        JsonObject seenByBob = api.get(API + "/users/" + alice.id(), bob.token()).json();
        assertEquals(newName, seenByBob.getString("username"));
        assertEquals("Alice", seenByBob.getString("global_name"));
        assertFalse(seenByBob.containsKey("email"), "other users never see an email");

        Reply clear = api.patch(API + "/users/@me", new JsonObject().putNull("global_name"), alice.token());
        assertNull(clear.json().getString("global_name"));
        assertEquals("hello", clear.json().getString("bio"), "fields not sent stay as they were");
    }

    @Test
    void renamingFreesTheOldUsernameAndTakesTheNew() {
        Account alice = api.register(PASSWORD);
        Account bob = api.register(PASSWORD);
        Reply taken = api.patch(API + "/users/@me", new JsonObject().put("username", bob.username()), alice.token());
        assertEquals(400, taken.status());
        assertEquals(List.of("username"), paths(taken.json().getJsonArray("errors")));

        String oldName = alice.username();
        assertEquals(200, api.patch(API + "/users/@me",
                new JsonObject().put("username", oldName + "_renamed"), alice.token()).status());
        assertEquals(200, api.patch(API + "/users/@me",
                new JsonObject().put("username", oldName), bob.token()).status(), "the old name is free again");
    }

    @Test
    void unknownUserIsNotFound() {
        Account account = api.register(PASSWORD);
        assertEquals("UNKNOWN_USER", api.get(API + "/users/123", account.token()).errorCode());
        assertEquals("UNKNOWN_USER", api.get(API + "/users/not-a-snowflake", account.token()).errorCode());
    }

    @Test
    void loginIsThrottledPerAccountWithRateLimitHeaders() {
        Account account = api.register(PASSWORD);
        JsonObject wrong = new JsonObject().put("login", account.email()).put("password", "wrong password");
        for (int i = 0; i < 5; i++) {
            assertEquals(400, api.post(API + "/auth/login", wrong, null).status(), "attempt " + (i + 1));
        }
        Reply limited = api.post(API + "/auth/login", wrong, null);
        assertEquals(429, limited.status());
        assertEquals("RATE_LIMITED", limited.errorCode());
        assertTrue(limited.json().getDouble("retry_after") > 0);
        assertEquals(false, limited.json().getBoolean("global"));
        assertNotNull(limited.header("Retry-After"));
        assertEquals("5", limited.header("X-RateLimit-Limit"));
        assertEquals("0", limited.header("X-RateLimit-Remaining"));
        assertNotNull(limited.header("X-RateLimit-Reset-After"));
    }

    @Test
    void allowedAuthRequestsCarryTheirBucketsHeaders() {
        Account account = api.register(PASSWORD);
        Reply login = api.post(API + "/auth/login",
                new JsonObject().put("login", account.email()).put("password", PASSWORD), null);
        assertEquals("login-account", login.header("X-RateLimit-Bucket"));
        assertEquals("5", login.header("X-RateLimit-Limit"));
        assertEquals("4", login.header("X-RateLimit-Remaining"));
    }

    @Test
    void applicationOfAPersonIsTheirOwnId() {
        Account account = api.register(PASSWORD);
        Reply app = api.get(API + "/applications/@me", account.token());
        assertEquals(200, app.status());
        assertEquals(account.id(), app.json().getString("id"));
    }

    private static List<String> paths(JsonArray errors) {
        return errors.stream().map(e -> ((JsonObject) e).getString("path")).toList();
    }
}
