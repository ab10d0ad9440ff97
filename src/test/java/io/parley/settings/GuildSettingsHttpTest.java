package io.parley.settings;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.ApiClient.Reply;
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

import java.util.Set;
import java.util.stream.Collectors;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Per-guild notification settings: defaults, a merged PATCH, USER_GUILD_SETTINGS_UPDATE, READY, errors. */
@ExtendWith(SharedParley.class)
class GuildSettingsHttpTest {
    private TestParley parley;
    private ApiClient api;
    private Account owner;
    private Account member;
    private Guild guild;
    private String path;

    @BeforeEach
    void setUp(TestParley parley) {
        this.parley = parley;
        api = parley.client();
        owner = api.register("correct horse battery");
        member = api.register("correct horse battery");
        guild = Guilds.create(api, owner, "Quiet");
        Guilds.join(api, member, guild, owner);
        path = API + "/users/@me/guilds/" + guild.id() + "/settings";
    }

    private GatewayClient session() {
        GatewayClient client = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json");
        client.next(5000);
        return client;
    }

    @Test
    void aMemberWithoutSettingsHasTheDefaults() {
        JsonObject settings = api.get(path, member.token()).json();
        assertEquals(guild.id(), settings.getString("guild_id"));
        assertEquals(false, settings.getBoolean("muted"));
        assertNull(settings.getValue("mute_config"));
        assertEquals(3, settings.getInteger("message_notifications"), "3: the guild's default");
        assertEquals(new JsonArray(), settings.getJsonArray("channel_overrides"));
    }

    @Test
    void aChangeIsStoredMergedReachesTheUsersSessionsAndIsInTheNextReady() {
        String channel = guild.generalChannelId();
        try (GatewayClient open = session()) {
            open.identify(member.token(), 0);
            Reply muted = api.patch(path, new JsonObject().put("muted", true).put("message_notifications", 1)
                    .put("mute_config", new JsonObject().put("end_time", "2030-01-01T00:00:00Z")
                            .put("selected_time_window", 3600))
                    .put("channel_overrides", new JsonObject().put(channel, new JsonObject().put("muted", true))),
                    member.token());
            assertEquals(200, muted.status(), muted.body());
            JsonObject update = open.dispatch("USER_GUILD_SETTINGS_UPDATE").getJsonObject("d");
            assertEquals(guild.id(), update.getString("guild_id"));
            assertEquals(true, update.getBoolean("muted"));

            Reply collapsed = api.patch(path, new JsonObject().put("suppress_everyone", true)
                    .put("channel_overrides", new JsonArray().add(new JsonObject().put("channel_id", channel)
                            .put("collapsed", true))), member.token());
            JsonObject settings = collapsed.json();
            assertEquals(true, settings.getBoolean("muted"), "fields not mentioned are kept");
            assertEquals(1, settings.getInteger("message_notifications"));
            assertEquals(true, settings.getBoolean("suppress_everyone"));
            assertEquals("2030-01-01T00:00:00Z", settings.getJsonObject("mute_config").getString("end_time"));
            JsonObject override = settings.getJsonArray("channel_overrides").getJsonObject(0);
            assertEquals(channel, override.getString("channel_id"));
            assertEquals(true, override.getBoolean("muted"), "overrides merge by channel");
            assertEquals(true, override.getBoolean("collapsed"));
            assertEquals(settings, api.get(path, member.token()).json());
        }
        try (GatewayClient later = session()) {
            JsonObject ready = later.identify(member.token(), 0).getJsonObject("d");
            JsonArray entries = ready.getJsonObject("user_guild_settings").getJsonArray("entries");
            assertEquals(1, entries.size());
            assertEquals(guild.id(), entries.getJsonObject(0).getString("guild_id"));
        }
        assertEquals(3, api.get(path, owner.token()).json().getInteger("message_notifications"),
                "settings are per user");
    }

    @Test
    void wrongValuesAndForeignChannelsAreRejected() {
        Reply bad = api.patch(path, new JsonObject().put("message_notifications", 5).put("muted", "yes")
                .put("mute_config", new JsonObject().put("end_time", "soon")), member.token());
        assertEquals("INVALID_FORM_BODY", bad.errorCode());
        Set<String> paths = bad.json().getJsonArray("errors").stream()
                .map(e -> ((JsonObject) e).getString("path")).collect(Collectors.toSet());
        assertEquals(Set.of("message_notifications", "muted", "mute_config.end_time"), paths);

        Guild elsewhere = Guilds.create(api, owner, "Elsewhere");
        Reply foreign = api.patch(path, new JsonObject().put("channel_overrides", new JsonObject()
                .put(elsewhere.generalChannelId(), new JsonObject().put("muted", true))), member.token());
        assertEquals("INVALID_FORM_BODY", foreign.errorCode());
        assertEquals("channel_overrides." + elsewhere.generalChannelId(),
                foreign.json().getJsonArray("errors").getJsonObject(0).getString("path"));
        assertEquals(new JsonArray(), api.get(path, member.token()).json().getJsonArray("channel_overrides"));
    }

    @Test
    void aGuildTheUserIsNotInIsUnknown() {
        Guild elsewhere = Guilds.create(api, owner, "Private");
        String other = API + "/users/@me/guilds/" + elsewhere.id() + "/settings";
        assertEquals("UNKNOWN_GUILD", api.get(other, member.token()).errorCode());
        assertEquals("UNKNOWN_GUILD", api.patch(other, new JsonObject().put("muted", true), member.token()).errorCode());
    }
}
