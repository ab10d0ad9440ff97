package io.parley.guild;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit log: built from events, newest first, with before/after values and filters. */
@ExtendWith(SharedParley.class)
class AuditLogHttpTest {

    @Test
    void changesAppearWithTheirActorAndValues(TestParley parley) throws InterruptedException {
        ApiClient api = parley.client();
        Account owner = api.register("correct horse battery");
        Account member = api.register("correct horse battery");
        Guild guild = Guilds.create(api, owner, "Audited");
        Guilds.join(api, member, guild, owner);
        String role = api.post(API + "/guilds/" + guild.id() + "/roles", new JsonObject().put("name", "helpers"),
                owner.token()).json().getString("id");
        api.patch(API + "/guilds/" + guild.id() + "/roles/" + role, new JsonObject().put("name", "helpers2"), owner.token());
        api.put(API + "/guilds/" + guild.id() + "/bans/" + member.id(), new JsonObject().put("reason", "rude"),
                owner.token());

        String path = API + "/guilds/" + guild.id() + "/audit-logs";
        // the projection may have written the earlier entries but not yet the ban
        JsonArray entries = awaitEntries(api, path, owner, 22);
        JsonObject newest = entries.getJsonObject(0);
        assertEquals(22, newest.getInteger("action_type"), "the ban is newest");
        assertEquals(member.id(), newest.getString("target_id"));
        assertEquals("rude", newest.getString("reason"));
        assertEquals(owner.id(), newest.getString("user_id"));

        JsonObject update = api.get(path + "?action_type=31", owner.token()).json()
                .getJsonArray("audit_log_entries").getJsonObject(0);
        assertEquals(role, update.getString("target_id"));
        JsonObject change = update.getJsonArray("changes").getJsonObject(0);
        assertEquals("name", change.getString("key"));
        assertEquals("helpers", change.getString("old_value"));
        assertEquals("helpers2", change.getString("new_value"));

        JsonObject page = api.get(path + "?limit=1&before=" + newest.getString("id"), owner.token()).json();
        assertEquals(1, page.getJsonArray("audit_log_entries").size());
        assertTrue(Long.parseLong(page.getJsonArray("audit_log_entries").getJsonObject(0).getString("id"))
                < Long.parseLong(newest.getString("id")));
        assertEquals(owner.id(), page.getJsonArray("users").getJsonObject(0).getString("id"));
        assertEquals(0, api.get(path + "?user_id=" + member.id(), owner.token()).json()
                .getJsonArray("audit_log_entries").size());
    }

    /** The audit log is its own projection: it may trail the write by a few milliseconds. */
    /** The entries once one of {@code actionType} is among them. */
    private static JsonArray awaitEntries(ApiClient api, String path, Account owner, int actionType)
            throws InterruptedException {
        JsonArray entries = new JsonArray();
        for (int attempt = 0; attempt < 50 && !hasAction(entries, actionType); attempt++) {
            entries = api.get(path, owner.token()).json().getJsonArray("audit_log_entries");
            if (!hasAction(entries, actionType)) {
                Thread.sleep(100);
            }
        }
        assertTrue(hasAction(entries, actionType), "entries: " + entries.encode());
        return entries;
    }

    private static boolean hasAction(JsonArray entries, int actionType) {
        return entries.stream().anyMatch(e -> ((JsonObject) e).getInteger("action_type") == actionType);
    }
}
