package io.parley.settings;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.GatewayClient;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The status in a user's settings is their presence: on IDENTIFY without one, and live when it changes. */
@ExtendWith(SharedParley.class)
class SettingsPresenceTest {
    private static final int GUILDS = 1;
    private static final int GUILD_PRESENCES = 1 << 8;
    private static final String SETTINGS = API + "/users/@me/settings";

    private TestParley parley;
    private ApiClient api;
    private Account owner;
    private Account member;

    @BeforeEach
    void setUp(TestParley parley) {
        this.parley = parley;
        api = parley.client();
        owner = api.register("correct horse battery");
        member = api.register("correct horse battery");
        Guild guild = Guilds.create(api, owner, "Presence");
        Guilds.join(api, member, guild, owner);
    }

    private GatewayClient session(Account account, int intents) {
        GatewayClient client = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json");
        client.next(5000);
        client.identify(account.token(), intents);
        return client;
    }

    /** The statuses of the member's PRESENCE_UPDATEs the watcher receives, up to and including {@code last}. */
    private List<String> memberStatusesUntil(GatewayClient watcher, String last) {
        List<String> seen = new ArrayList<>();
        while (seen.isEmpty() || !seen.get(seen.size() - 1).equals(last)) {
            JsonObject d = watcher.dispatch("PRESENCE_UPDATE").getJsonObject("d");
            if (d.getJsonObject("user").getString("id").equals(member.id())) {
                seen.add(d.getString("status"));
            }
        }
        return seen;
    }

    @Test
    void changingTheStatusInSettingsChangesThePresenceOthersSee() {
        try (GatewayClient watcher = session(owner, GUILDS | GUILD_PRESENCES);
             GatewayClient client = session(member, GUILDS)) {
            assertEquals(List.of("online"), memberStatusesUntil(watcher, "online"));
            api.patch(SETTINGS, new JsonObject().put("status", "invisible"), member.token());
            assertEquals(List.of("offline"), memberStatusesUntil(watcher, "offline"), "invisible shows offline");
            api.patch(SETTINGS, new JsonObject().put("status", "dnd"), member.token());
            assertEquals(List.of("dnd"), memberStatusesUntil(watcher, "dnd"));
            assertEquals("invisible", client.dispatch("USER_SETTINGS_UPDATE").getJsonObject("d").getString("status"));
            assertEquals("dnd", client.dispatch("USER_SETTINGS_UPDATE").getJsonObject("d").getString("status"));
        }
    }

    @Test
    void aSessionIdentifyingWithoutPresenceStartsWithTheStoredStatus() {
        api.patch(SETTINGS, new JsonObject().put("status", "invisible"), member.token());
        try (GatewayClient watcher = session(owner, GUILDS | GUILD_PRESENCES)) {
            watcher.dispatch("GUILD_CREATE");
            try (GatewayClient client = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json")) {
                client.next(5000);
                JsonObject ready = client.identify(member.token(), GUILDS).getJsonObject("d");
                assertEquals("invisible", ready.getJsonObject("user_settings").getString("status"));
                client.dispatch("GUILD_CREATE");
                try (GatewayClient late = session(owner, GUILDS | GUILD_PRESENCES)) {
                    JsonArray presences = late.dispatch("GUILD_CREATE").getJsonObject("d").getJsonArray("presences");
                    assertFalse(presences.stream().anyMatch(p -> ((JsonObject) p).getJsonObject("user")
                            .getString("id").equals(member.id())), "an invisible member is not listed: " + presences);
                }
                api.patch(SETTINGS, new JsonObject().put("status", "idle"), member.token());
                List<String> seen = memberStatusesUntil(watcher, "idle");
                assertFalse(seen.contains("online"), "never shown online while invisible: " + seen);
            }
        }
    }

    @Test
    void aStatusChangeWhileDisconnectedDoesNotBringTheUserBackOnline() {
        try (GatewayClient watcher = session(owner, GUILDS | GUILD_PRESENCES)) {
            GatewayClient client = session(member, GUILDS);
            assertEquals(List.of("online"), memberStatusesUntil(watcher, "online"));
            client.close();
            assertEquals("offline", nextMemberPresence(watcher, 20_000).getString("status"),
                    "offline once the grace period ends");
            api.patch(SETTINGS, new JsonObject().put("status", "dnd"), member.token());
            api.patch(SETTINGS, new JsonObject().put("theme", "light"), owner.token());
            // the owner's own update is dispatched after the member's change was handled
            JsonObject next = watcher.next(10_000);
            while (next != null && !"USER_SETTINGS_UPDATE".equals(next.getString("t"))) {
                assertFalse("PRESENCE_UPDATE".equals(next.getString("t")) && next.getJsonObject("d")
                        .getJsonObject("user").getString("id").equals(member.id()), "shown again: " + next);
                next = watcher.next(10_000);
            }
            assertEquals("light", next.getJsonObject("d").getString("theme"));
            try (GatewayClient back = session(member, GUILDS)) {
                assertEquals("dnd", nextMemberPresence(watcher, 10_000).getString("status"),
                        "the next presence is the reconnect's, with the stored status");
            }
        }
    }

    /** The member's next PRESENCE_UPDATE; any other PRESENCE_UPDATE or dispatch before it is skipped. */
    private JsonObject nextMemberPresence(GatewayClient watcher, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            JsonObject payload = watcher.next(deadline - System.currentTimeMillis());
            if (payload != null && "PRESENCE_UPDATE".equals(payload.getString("t"))
                    && payload.getJsonObject("d").getJsonObject("user").getString("id").equals(member.id())) {
                return payload.getJsonObject("d");
            }
        }
        throw new AssertionError("no PRESENCE_UPDATE for the member within " + millis + " ms");
    }
}
