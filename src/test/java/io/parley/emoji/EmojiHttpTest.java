package io.parley.emoji;

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

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Base64;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The custom emoji lifecycle over HTTP and the gateway: upload, list, rename, serve, delete, and refusals. */
@ExtendWith(SharedParley.class)
class EmojiHttpTest {
    private static final String PASSWORD = "correct horse battery";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    private static final byte[] GIF = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0};
    private TestParley parley;
    private ApiClient api;
    private Account owner;
    private Guild guild;
    private String emojis;

    @BeforeEach
    void setUp(TestParley parley) {
        this.parley = parley;
        api = parley.client();
        owner = api.register(PASSWORD);
        guild = Guilds.create(api, owner, "Emojis");
        emojis = API + "/guilds/" + guild.id() + "/emojis";
    }

    private static String dataUri(String type, byte[] bytes) {
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    private Reply upload(Account who, String name, String image) {
        return api.post(emojis, new JsonObject().put("name", name).put("image", image), who.token());
    }

    @Test
    void anUploadedEmojiIsListedRenamedServedAndDeleted() {
        Reply created = upload(owner, "wave", dataUri("image/png", PNG));
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        assertEquals("wave", created.json().getString("name"));
        assertFalse(created.json().getBoolean("animated"));
        assertEquals(owner.id(), created.json().getJsonObject("user").getString("id"));

        HttpResponse<byte[]> image = api.download("/emojis/" + id + ".png");
        assertEquals(200, image.statusCode());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(PNG, image.body());

        Reply renamed = api.patch(emojis + "/" + id, new JsonObject().put("name", "hello"), owner.token());
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("hello", api.get(emojis + "/" + id, owner.token()).json().getString("name"));
        JsonArray listed = api.get(emojis, owner.token()).jsonArray();
        assertEquals(1, listed.size());
        assertEquals("hello", listed.getJsonObject(0).getString("name"));

        assertEquals(204, api.delete(emojis + "/" + id, owner.token()).status());
        assertEquals("UNKNOWN_EMOJI", api.get(emojis + "/" + id, owner.token()).errorCode());
        assertEquals(404, api.download("/emojis/" + id + ".png").statusCode());
        assertEquals(0, api.get(emojis, owner.token()).jsonArray().size());

        JsonArray audit = api.get(API + "/guilds/" + guild.id() + "/audit-logs", owner.token()).json()
                .getJsonArray("audit_log_entries");
        assertTrue(audit.stream().map(JsonObject.class::cast).map(e -> e.getInteger("action_type")).toList()
                .containsAll(java.util.List.of(60, 61, 62)), audit.encode());
    }

    @Test
    void reactionsTakeOnlyEmojisThatExistAndExternalOnesNeedThePermission() {
        String id = upload(owner, "wave", dataUri("image/png", PNG)).json().getString("id");
        Guild other = Guilds.create(api, owner, "Elsewhere");
        String otherId = api.post(API + "/guilds/" + other.id() + "/emojis", new JsonObject().put("name", "far")
                .put("image", dataUri("image/png", PNG)), owner.token()).json().getString("id");
        String messages = API + "/channels/" + guild.generalChannelId() + "/messages";
        String message = messages + "/" + api.post(messages, new JsonObject().put("content", "react"), owner.token())
                .json().getString("id");

        assertEquals(204, api.put(message + "/reactions/wave%3A" + id + "/@me", null, owner.token()).status());
        assertEquals("UNKNOWN_EMOJI",
                api.put(message + "/reactions/ghost%3A123456789012345678/@me", null, owner.token()).errorCode());
        assertEquals(204, api.put(message + "/reactions/far%3A" + otherId + "/@me", null, owner.token()).status(),
                "the owner may use external emojis");

        Account member = api.register(PASSWORD);
        Guilds.join(api, member, guild, owner);
        long withoutExternal = Long.parseLong(api.get(API + "/guilds/" + guild.id(), owner.token()).json()
                .getJsonArray("roles").getJsonObject(0).getString("permissions")) & ~(1L << 18);
        api.patch(API + "/guilds/" + guild.id() + "/roles/" + guild.id(),
                new JsonObject().put("permissions", Long.toString(withoutExternal)), owner.token());
        assertEquals(403, api.put(message + "/reactions/far%3A" + otherId + "/@me", null, member.token()).status());
        assertEquals(204, api.put(message + "/reactions/wave%3A" + id + "/@me", null, member.token()).status());
    }

    @Test
    void aGifIsAnimated() {
        Reply created = upload(owner, "dance", dataUri("image/gif", GIF));
        assertEquals(201, created.status(), created.body());
        assertTrue(created.json().getBoolean("animated"));
    }

    @Test
    void badImagesAreRefusedAsFormErrors() {
        assertInvalidImage(upload(owner, "bad", "https://example.com/a.png"));
        assertInvalidImage(upload(owner, "bad", "data:image/png;base64,@@@not base64@@@"));
        assertInvalidImage(upload(owner, "bad", dataUri("image/png", "<svg onload=alert(1)>".getBytes())));
        assertInvalidImage(upload(owner, "bad", dataUri("image/gif", PNG)));
        byte[] large = Arrays.copyOf(PNG, 384 * 1024 + 1);
        assertInvalidImage(upload(owner, "bad", dataUri("image/png", large)));
        Reply badName = upload(owner, "no spaces!", dataUri("image/png", PNG));
        assertEquals(400, badName.status());
        assertTrue(badName.body().contains("\"path\":\"name\""), badName.body());
        assertEquals(0, api.get(emojis, owner.token()).jsonArray().size());
    }

    private static void assertInvalidImage(Reply reply) {
        assertEquals(400, reply.status(), reply.body());
        assertEquals("INVALID_FORM_BODY", reply.errorCode(), reply.body());
        assertTrue(reply.body().contains("\"path\":\"image\""), reply.body());
    }

    @Test
    void membersWithoutManageExpressionsCanOnlyRead() {
        String id = upload(owner, "wave", dataUri("image/png", PNG)).json().getString("id");
        Account member = api.register(PASSWORD);
        Guilds.join(api, member, guild, owner);
        assertEquals(403, upload(member, "mine", dataUri("image/png", PNG)).status());
        assertEquals(403, api.patch(emojis + "/" + id, new JsonObject().put("name", "x2"), member.token()).status());
        assertEquals(403, api.delete(emojis + "/" + id, member.token()).status());
        Reply listed = api.get(emojis, member.token());
        assertEquals(200, listed.status());
        assertFalse(listed.jsonArray().getJsonObject(0).containsKey("user"), "only managers see the creator");
        assertEquals(404, api.get(emojis, api.register(PASSWORD).token()).status(), "outsiders see no guild");
    }

    @Test
    void everyMemberReceivesTheWholeSetOnEachChange() {
        Account member = api.register(PASSWORD);
        Guilds.join(api, member, guild, owner);
        try (GatewayClient client = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json");
             GatewayClient withoutIntent = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json")) {
            client.next(5000);
            client.identify(member.token(), 1 | (1 << 3));
            client.dispatch("GUILD_CREATE");
            withoutIntent.next(5000);
            withoutIntent.identify(member.token(), 1);
            withoutIntent.dispatch("GUILD_CREATE");
            String id = upload(owner, "wave", dataUri("image/png", PNG)).json().getString("id");
            JsonObject update = client.dispatch("GUILD_EMOJIS_UPDATE").getJsonObject("d");
            assertEquals(guild.id(), update.getString("guild_id"));
            assertEquals(id, update.getJsonArray("emojis").getJsonObject(0).getString("id"));
            api.delete(emojis + "/" + id, owner.token());
            assertEquals(0, client.dispatch("GUILD_EMOJIS_UPDATE").getJsonObject("d").getJsonArray("emojis").size());
            assertFalse(withoutIntent.receives("GUILD_EMOJIS_UPDATE", 500), "GUILD_EXPRESSIONS intent is needed");
        }
    }
}
