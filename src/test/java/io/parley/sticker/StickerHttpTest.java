package io.parley.sticker;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.ApiClient.Reply;
import io.parley.testing.FormData;
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

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guild stickers over HTTP and the gateway: upload, list, modify, serve, delete, refusals, and stickers on messages. */
@ExtendWith(SharedParley.class)
class StickerHttpTest {
    private static final String PASSWORD = "correct horse battery";
    private static final byte[] PNG = png(false);
    private static final byte[] APNG = png(true);
    private static final byte[] GIF = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    private TestParley parley;
    private ApiClient api;
    private Account owner;
    private Guild guild;
    private String stickers;

    @BeforeEach
    void setUp(TestParley parley) {
        this.parley = parley;
        api = parley.client();
        owner = api.register(PASSWORD);
        guild = Guilds.create(api, owner, "Stickers");
        stickers = API + "/guilds/" + guild.id() + "/stickers";
    }

    /** A PNG signature and IHDR chunk, with an acTL chunk before the image data when {@code animated}. */
    private static byte[] png(boolean animated) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", new byte[13]);
        if (animated) {
            chunk(out, "acTL", new byte[8]);
        }
        chunk(out, "IDAT", new byte[4]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(new byte[]{0, 0, 0, (byte) data.length});
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        out.writeBytes(new byte[4]);
    }

    private Reply upload(Account who, String name, String tags, String filename, String type, byte[] bytes) {
        FormData form = new FormData().field("name", name).field("description", "a sticker").field("tags", tags);
        if (bytes != null) {
            form.file("file", filename, type, bytes);
        }
        return api.postForm(stickers, form, who.token());
    }

    private String created(Account who, String name) {
        Reply reply = upload(who, name, "smile", "s.png", "image/png", PNG);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("id");
    }

    private Reply send(Account who, String channel, JsonObject body) {
        return api.post(API + "/channels/" + channel + "/messages", body, who.token());
    }

    @Test
    void anUploadedStickerIsListedModifiedServedAndDeleted() {
        Reply created = upload(owner, "wave", "wave", "wave.png", "image/png", PNG);
        assertEquals(201, created.status(), created.body());
        JsonObject sticker = created.json();
        String id = sticker.getString("id");
        assertEquals("wave", sticker.getString("name"));
        assertEquals("a sticker", sticker.getString("description"));
        assertEquals(2, sticker.getInteger("type"));
        assertEquals(1, sticker.getInteger("format_type"));
        assertEquals(guild.id(), sticker.getString("guild_id"));
        assertEquals(owner.id(), sticker.getJsonObject("user").getString("id"));

        HttpResponse<byte[]> image = api.download("/stickers/" + id + ".png");
        assertEquals(200, image.statusCode());
        assertEquals("image/png", image.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(PNG, image.body());

        Reply modified = api.patch(stickers + "/" + id, new JsonObject().put("name", "hello").putNull("description")
                .put("tags", "hi"), owner.token());
        assertEquals(200, modified.status(), modified.body());
        assertEquals("hello", modified.json().getString("name"));
        assertNull(modified.json().getString("description"));
        assertEquals("hi", api.get(stickers + "/" + id, owner.token()).json().getString("tags"));
        assertEquals("hello", api.get(API + "/stickers/" + id, owner.token()).json().getString("name"));
        JsonArray listed = api.get(stickers, owner.token()).jsonArray();
        assertEquals(1, listed.size());
        assertEquals(id, listed.getJsonObject(0).getString("id"));

        assertEquals(204, api.delete(stickers + "/" + id, owner.token()).status());
        assertEquals("UNKNOWN_STICKER", api.get(stickers + "/" + id, owner.token()).errorCode());
        assertEquals(404, api.download("/stickers/" + id + ".png").statusCode());
        assertEquals(0, api.get(stickers, owner.token()).jsonArray().size());

        // the audit log is its own projection: the delete's entry may trail the 204
        JsonObject audit = api.eventually(API + "/guilds/" + guild.id() + "/audit-logs", owner.token(),
                log -> actionTypes(log).containsAll(List.of(90, 91, 92)));
        assertTrue(actionTypes(audit).containsAll(List.of(90, 91, 92)), audit.encode());
    }

    private static List<Integer> actionTypes(JsonObject auditLog) {
        return auditLog.getJsonArray("audit_log_entries").stream().map(JsonObject.class::cast)
                .map(e -> e.getInteger("action_type")).toList();
    }

    @Test
    void theFormatIsReadFromTheBytesAndJsonDataUrisWorkToo() {
        assertEquals(2, upload(owner, "apng", "a", "a.png", "image/png", APNG).json().getInteger("format_type"));
        Reply gif = api.post(stickers, new JsonObject().put("name", "dance").put("tags", "party")
                .put("image", "data:image/gif;base64," + Base64.getEncoder().encodeToString(GIF)), owner.token());
        assertEquals(201, gif.status(), gif.body());
        assertEquals(4, gif.json().getInteger("format_type"));
        assertNull(gif.json().getString("description"));
        HttpResponse<byte[]> image = api.download("/stickers/" + gif.json().getString("id") + ".gif");
        assertEquals("image/gif", image.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void badUploadsAreRefusedWithTheFieldAtFault() {
        assertFormError(upload(owner, "jpeg", "x", "a.jpg", "image/jpeg", JPEG), "file");
        assertFormError(upload(owner, "svg", "x", "a.png", "image/png", "<svg onload=alert(1)>".getBytes()), "file");
        assertFormError(upload(owner, "none", "x", null, null, null), "file");
        assertFormError(upload(owner, "x", "x", "a.png", "image/png", PNG), "name");
        assertFormError(upload(owner, "notags", "", "a.png", "image/png", PNG), "tags");
        assertFormError(api.post(stickers, new JsonObject().put("name", "url").put("tags", "x")
                .put("image", "https://example.com/a.png"), owner.token()), "image");
        Reply large = upload(owner, "large", "x", "a.png", "image/png", Arrays.copyOf(PNG, 512 * 1024 + 1));
        assertEquals(413, large.status(), large.body());
        assertEquals("PAYLOAD_TOO_LARGE", large.errorCode());
        assertEquals(0, api.get(stickers, owner.token()).jsonArray().size());
    }

    private static void assertFormError(Reply reply, String path) {
        assertEquals(400, reply.status(), reply.body());
        assertEquals("INVALID_FORM_BODY", reply.errorCode(), reply.body());
        assertTrue(reply.body().contains("\"path\":\"" + path + "\""), reply.body());
    }

    @Test
    void membersWithoutManageExpressionsCanOnlyRead() {
        String id = created(owner, "wave");
        Account member = api.register(PASSWORD);
        Guilds.join(api, member, guild, owner);
        Reply refused = upload(member, "mine", "x", "a.png", "image/png", PNG);
        assertEquals(403, refused.status(), refused.body());
        assertEquals("MISSING_PERMISSIONS", refused.errorCode());
        assertEquals(403, api.patch(stickers + "/" + id, new JsonObject().put("name", "x2"), member.token()).status());
        assertEquals(403, api.delete(stickers + "/" + id, member.token()).status());
        Reply listed = api.get(stickers, member.token());
        assertEquals(200, listed.status());
        assertFalse(listed.jsonArray().getJsonObject(0).containsKey("user"), "only managers see the creator");
        Account outsider = api.register(PASSWORD);
        assertEquals(404, api.get(stickers, outsider.token()).status(), "outsiders see no guild");
        assertEquals("UNKNOWN_STICKER", api.get(API + "/stickers/" + id, outsider.token()).errorCode());
    }

    @Test
    void aMessageCarriesItsGuildsStickersAndRefusesOthers() {
        String wave = created(owner, "wave");
        String channel = guild.generalChannelId();
        try (GatewayClient client = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json")) {
            client.next(5000);
            client.identify(owner.token(), 1 | (1 << 9) | (1 << 15));
            client.dispatch("GUILD_CREATE");
            Reply sent = send(owner, channel, new JsonObject().put("sticker_ids", new JsonArray().add(wave)));
            assertEquals(200, sent.status(), sent.body());
            JsonObject item = new JsonObject().put("id", wave).put("name", "wave").put("format_type", 1);
            assertEquals(new JsonArray().add(item), sent.json().getJsonArray("sticker_items"));
            assertEquals(new JsonArray().add(item), api.get(API + "/channels/" + channel + "/messages/"
                    + sent.json().getString("id"), owner.token()).json().getJsonArray("sticker_items"));
            assertEquals(new JsonArray().add(item),
                    client.dispatch("MESSAGE_CREATE").getJsonObject("d").getJsonArray("sticker_items"));
        }

        Guild other = Guilds.create(api, owner, "Elsewhere");
        Reply otherSticker = api.postForm(API + "/guilds/" + other.id() + "/stickers", new FormData()
                .field("name", "foreign").field("tags", "x").file("file", "f.png", "image/png", PNG), owner.token());
        Reply foreign = send(owner, channel, new JsonObject().put("content", "hi")
                .put("sticker_ids", new JsonArray().add(otherSticker.json().getString("id"))));
        assertEquals(400, foreign.status(), foreign.body());
        assertEquals("INVALID_STICKER", foreign.errorCode());
        assertEquals("INVALID_STICKER", send(owner, channel, new JsonObject()
                .put("sticker_ids", new JsonArray().add("12345"))).errorCode());
        Reply tooMany = send(owner, channel, new JsonObject()
                .put("sticker_ids", new JsonArray().add(wave).add("1").add("2").add("3")));
        assertEquals(400, tooMany.status());
        assertTrue(tooMany.body().contains("\"path\":\"sticker_ids\""), tooMany.body());
    }

    @Test
    void searchFindsMessagesWithStickers() {
        String wave = created(owner, "wave");
        String channel = guild.generalChannelId();
        String word = "stickersearch" + System.nanoTime();
        String with = send(owner, channel, new JsonObject().put("content", word)
                .put("sticker_ids", new JsonArray().add(wave))).json().getString("id");
        send(owner, channel, new JsonObject().put("content", word));
        String url = API + "/guilds/" + guild.id() + "/messages/search?content=" + word;
        eventually(url, json -> json.getInteger("total_results", 0) == 2);
        JsonObject found = eventually(url + "&has=sticker", json -> json.getInteger("total_results", 0) == 1);
        assertEquals(with, found.getJsonArray("messages").getJsonArray(0).getJsonObject(0).getString("id"));
    }

    private JsonObject eventually(String url, java.util.function.Predicate<JsonObject> done) {
        return api.eventually(url, owner.token(), done);
    }

    @Test
    void membersWithTheIntentReceiveTheWholeSetOnEachChange() {
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
            String id = created(owner, "wave");
            JsonObject update = client.dispatch("GUILD_STICKERS_UPDATE").getJsonObject("d");
            assertEquals(guild.id(), update.getString("guild_id"));
            assertEquals(id, update.getJsonArray("stickers").getJsonObject(0).getString("id"));
            assertFalse(update.getJsonArray("stickers").getJsonObject(0).containsKey("user"));
            api.delete(stickers + "/" + id, owner.token());
            assertEquals(0, client.dispatch("GUILD_STICKERS_UPDATE").getJsonObject("d").getJsonArray("stickers").size());
            assertFalse(withoutIntent.receives("GUILD_STICKERS_UPDATE", 500), "GUILD_EXPRESSIONS intent is needed");
        }
    }
}
