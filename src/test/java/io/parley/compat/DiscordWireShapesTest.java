package io.parley.compat;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
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

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The routes and object shapes today's Discord libraries (discord.js 14.28, discord.py) expect (issue #18). */
@ExtendWith(SharedParley.class)
class DiscordWireShapesTest {
    private static final int GUILDS = 1;
    private TestParley parley;
    private ApiClient api;
    private Account owner;
    private Guild guild;
    private String messages;

    @BeforeEach
    void setUp(TestParley parley) {
        this.parley = parley;
        api = parley.client();
        owner = api.register("correct horse battery");
        guild = Guilds.create(api, owner, "Wire");
        messages = API + "/channels/" + guild.generalChannelId() + "/messages";
    }

    private String send(String content) {
        return api.post(messages, new JsonObject().put("content", content), owner.token()).json().getString("id");
    }

    @Test
    void pinsThroughTheNewRoutesArePagedNewestFirstWithPinnedAt() {
        String first = send("first");
        String second = send("second");
        String third = send("third");
        assertEquals(204, api.put(messages + "/pins/" + first, null, owner.token()).status());
        assertEquals(204, api.put(messages + "/pins/" + second, null, owner.token()).status());
        assertEquals(204, api.put(API + "/channels/" + guild.generalChannelId() + "/pins/" + third, null,
                owner.token()).status(), "the legacy route still pins");

        JsonObject page = api.get(messages + "/pins?limit=2", owner.token()).json();
        JsonArray items = page.getJsonArray("items");
        assertEquals(2, items.size());
        assertTrue(page.getBoolean("has_more"));
        assertEquals(third, items.getJsonObject(0).getJsonObject("message").getString("id"));
        assertEquals(second, items.getJsonObject(1).getJsonObject("message").getString("id"));
        assertTrue(items.getJsonObject(1).getJsonObject("message").getBoolean("pinned"));
        String oldest = items.getJsonObject(1).getString("pinned_at");

        JsonObject rest = api.get(messages + "/pins?before=" + URLEncoder.encode(oldest, StandardCharsets.UTF_8),
                owner.token()).json();
        assertEquals(1, rest.getJsonArray("items").size());
        assertEquals(first, rest.getJsonArray("items").getJsonObject(0).getJsonObject("message").getString("id"));
        assertFalse(rest.getBoolean("has_more"));

        assertEquals(204, api.delete(messages + "/pins/" + first, owner.token()).status());
        assertEquals(2, api.get(API + "/channels/" + guild.generalChannelId() + "/pins", owner.token())
                .jsonArray().size(), "the legacy list shows what the new routes changed");
        assertEquals("INVALID_FORM_BODY", api.get(messages + "/pins?limit=51", owner.token()).errorCode());
        assertEquals("INVALID_FORM_BODY", api.get(messages + "/pins?before=yesterday", owner.token()).errorCode());
    }

    @Test
    void percentEncodedAtMeRoutesLikeAtMe() {
        assertEquals(owner.id(), api.get(API + "/users/%40me", owner.token()).json().getString("id"));
        assertEquals(guild.id(), api.get(API + "/users/%40me/guilds", owner.token()).jsonArray().getJsonObject(0)
                .getString("id"));
        ApiClient.Reply nick = api.patch(API + "/guilds/" + guild.id() + "/members/%40me",
                new JsonObject().put("nick", "encoded"), owner.token());
        assertEquals(200, nick.status(), nick.body());
        assertEquals("encoded", nick.json().getString("nick"));
        send("one");
        send("two");
        send("three");
        assertEquals(2, api.get(API + "/channels/" + guild.generalChannelId() + "/%6Dessages?limit=2", owner.token())
                .jsonArray().size(), "an encoded letter decodes and the query survives");
        assertEquals(404, api.get(API + "/users%2F%40me", owner.token()).status(), "%2F never becomes a separator");
    }

    private GatewayClient session(Account account, int intents) {
        GatewayClient client = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json");
        client.next(5000);
        client.identify(account.token(), intents);
        return client;
    }

    private JsonObject restRole(String roleId) {
        JsonArray roles = api.get(API + "/guilds/" + guild.id() + "/roles", owner.token()).jsonArray();
        for (int i = 0; i < roles.size(); i++) {
            if (roles.getJsonObject(i).getString("id").equals(roleId)) {
                return roles.getJsonObject(i);
            }
        }
        throw new AssertionError("no role " + roleId);
    }

    @Test
    void rolesHaveDiscordsCurrentShapeAndTheGatewaySendsTheSameObject() {
        try (GatewayClient client = session(owner, GUILDS)) {
            JsonObject everyone = client.dispatch("GUILD_CREATE").getJsonObject("d").getJsonArray("roles")
                    .getJsonObject(0);
            assertEquals(restRole(guild.id()), everyone);
            String a = api.post(API + "/guilds/" + guild.id() + "/roles",
                    new JsonObject().put("name", "a").put("color", 0x3498db), owner.token()).json().getString("id");
            String b = api.post(API + "/guilds/" + guild.id() + "/roles", new JsonObject().put("name", "b"),
                    owner.token()).json().getString("id");
            client.dispatch("GUILD_ROLE_CREATE");
            JsonObject created = client.dispatch("GUILD_ROLE_CREATE").getJsonObject("d").getJsonObject("role");
            assertEquals(b, created.getString("id"));

            JsonObject role = api.patch(API + "/guilds/" + guild.id() + "/roles/" + a,
                    new JsonObject().put("name", "renamed"), owner.token()).json();
            assertEquals(new JsonObject().put("primary_color", 0x3498db).putNull("secondary_color")
                    .putNull("tertiary_color"), role.getJsonObject("colors"));
            assertEquals(new JsonObject(), role.getJsonObject("tags"));
            assertEquals(0, role.getInteger("flags"));
            assertFalse(role.getBoolean("managed"));
            assertTrue(role.containsKey("icon") && role.getValue("icon") == null);
            assertTrue(role.containsKey("unicode_emoji") && role.getValue("unicode_emoji") == null);
            JsonObject updated = client.dispatch("GUILD_ROLE_UPDATE").getJsonObject("d").getJsonObject("role");
            assertEquals(restRole(a), updated, "the gateway's role is the REST role, position included");
        }
    }

    private static byte[] png() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        out.writeBytes(new byte[13 + 4]);
        out.writeBytes(new byte[]{0, 0, 0, 4, 'I', 'D', 'A', 'T', 0, 0, 0, 0, 0, 0, 0, 0});
        return out.toByteArray();
    }

    @Test
    void guildObjectAndGuildCreateCarryTheGuildsEmojisAndStickers() {
        String emoji = api.post(API + "/guilds/" + guild.id() + "/emojis", new JsonObject().put("name", "parrot")
                .put("image", "data:image/png;base64," + Base64.getEncoder().encodeToString(png())), owner.token())
                .json().getString("id");
        ApiClient.Reply sticker = api.postForm(API + "/guilds/" + guild.id() + "/stickers", new FormData()
                .field("name", "wave").field("description", "hi").field("tags", "smile")
                .file("file", "s.png", "image/png", png()), owner.token());
        assertEquals(201, sticker.status(), sticker.body());

        JsonObject rest = api.get(API + "/guilds/" + guild.id(), owner.token()).json();
        assertEquals(emoji, rest.getJsonArray("emojis").getJsonObject(0).getString("id"));
        assertEquals("parrot", rest.getJsonArray("emojis").getJsonObject(0).getString("name"));
        assertEquals(sticker.json().getString("id"), rest.getJsonArray("stickers").getJsonObject(0).getString("id"));
        try (GatewayClient client = session(owner, GUILDS)) {
            JsonObject created = client.dispatch("GUILD_CREATE").getJsonObject("d");
            assertEquals(rest.getJsonArray("emojis"), created.getJsonArray("emojis"));
            assertEquals(rest.getJsonArray("stickers"), created.getJsonArray("stickers"));
            assertEquals(rest.getJsonArray("emojis"), created.getJsonObject("properties").getJsonArray("emojis"));
        }
    }

    @Test
    void guildMessageCreateAndTypingStartCarryTheAuthorsMember() {
        Account member = api.register("correct horse battery");
        Guilds.join(api, member, guild, owner);
        api.patch(API + "/guilds/" + guild.id() + "/members/@me", new JsonObject().put("nick", "speaker"), member.token());
        try (GatewayClient client = session(owner, GUILDS | (1 << 9) | (1 << 11) | (1 << 15))) {
            client.dispatch("GUILD_CREATE");
            String sent = api.post(messages, new JsonObject().put("content", "hi"), member.token()).json().getString("id");
            JsonObject created = client.dispatch("MESSAGE_CREATE").getJsonObject("d");
            assertEquals(sent, created.getString("id"));
            JsonObject author = created.getJsonObject("member");
            assertEquals("speaker", author.getString("nick"));
            assertTrue(author.containsKey("joined_at") && author.containsKey("roles"));
            assertFalse(author.containsKey("user"), "MESSAGE_CREATE's member leaves the user to author");

            assertEquals(204, api.post(API + "/channels/" + guild.generalChannelId() + "/typing", null,
                    member.token()).status());
            JsonObject typing = client.dispatch("TYPING_START").getJsonObject("d");
            assertEquals("speaker", typing.getJsonObject("member").getString("nick"));
            assertEquals(member.id(), typing.getJsonObject("member").getJsonObject("user").getString("id"));
        }
    }

    @Test
    void membersSearchByPrefixAndTheCallersOwnMember() {
        Account member = api.register("correct horse battery");
        Guilds.join(api, member, guild, owner);
        String members = API + "/guilds/" + guild.id() + "/members";
        JsonArray found = api.get(members + "/search?query=" + member.username().toUpperCase() + "&limit=10",
                owner.token()).jsonArray();
        assertEquals(1, found.size(), found.encode());
        assertEquals(member.id(), found.getJsonObject(0).getJsonObject("user").getString("id"));
        api.patch(members + "/@me", new JsonObject().put("nick", "Zephyrine"), member.token());
        JsonArray byNick = api.get(members + "/search?query=zeph&limit=10", owner.token()).jsonArray();
        assertEquals(1, byNick.size(), byNick.encode());
        assertEquals(member.id(), byNick.getJsonObject(0).getJsonObject("user").getString("id"));
        assertEquals(1, api.get(members + "/search?query=", owner.token()).jsonArray().size(), "limit defaults to 1");
        assertEquals(0, api.get(members + "/search?query=zz_nobody_", owner.token()).jsonArray().size());
        assertEquals("INVALID_FORM_BODY", api.get(members + "/search", owner.token()).errorCode());
        assertEquals("INVALID_FORM_BODY", api.get(members + "/search?query=a&limit=1001", owner.token()).errorCode());

        JsonObject mine = api.get(API + "/users/@me/guilds/" + guild.id() + "/member", member.token()).json();
        assertEquals(member.id(), mine.getJsonObject("user").getString("id"));
        Account stranger = api.register("correct horse battery");
        ApiClient.Reply notMine = api.get(API + "/users/@me/guilds/" + guild.id() + "/member", stranger.token());
        assertEquals(404, notMine.status());
        assertEquals("UNKNOWN_GUILD", notMine.errorCode());
    }

    @Test
    void embedsDefaultToRichAndKeepAGivenType() {
        JsonObject sent = api.post(messages, new JsonObject().put("embeds", new JsonArray()
                .add(new JsonObject().put("title", "plain"))
                .add(new JsonObject().put("title", "link").put("type", "link"))), owner.token()).json();
        assertEquals("rich", sent.getJsonArray("embeds").getJsonObject(0).getString("type"));
        assertEquals("link", sent.getJsonArray("embeds").getJsonObject(1).getString("type"));
        JsonObject read = api.get(messages + "/" + sent.getString("id"), owner.token()).json();
        assertEquals("rich", read.getJsonArray("embeds").getJsonObject(0).getString("type"));
    }

    @Test
    void bulkDeleteDispatchesOneMessageDeleteBulk() {
        String a = send("a");
        String b = send("b");
        String c = send("c");
        String single = send("single");
        try (GatewayClient client = session(owner, GUILDS | (1 << 9))) {
            client.dispatch("GUILD_CREATE");
            assertEquals(204, api.post(messages + "/bulk-delete", new JsonObject()
                    .put("messages", new JsonArray().add(a).add(b).add(c)), owner.token()).status());
            assertEquals(204, api.delete(messages + "/" + single, owner.token()).status());
            JsonObject next = nextMessageDispatch(client);
            assertEquals("MESSAGE_DELETE_BULK", next.getString("t"));
            JsonObject bulk = next.getJsonObject("d");
            assertEquals(new JsonArray().add(a).add(b).add(c), bulk.getJsonArray("ids"));
            assertEquals(guild.generalChannelId(), bulk.getString("channel_id"));
            assertEquals(guild.id(), bulk.getString("guild_id"));
            JsonObject after = nextMessageDispatch(client);
            assertEquals("MESSAGE_DELETE", after.getString("t"), "no single deletes came for the bulk");
            assertEquals(single, after.getJsonObject("d").getString("id"));
        }
        assertEquals(404, api.get(messages + "/" + b, owner.token()).status());
    }

    private static JsonObject nextMessageDispatch(GatewayClient client) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            JsonObject payload = client.next(deadline - System.currentTimeMillis());
            if (payload != null && payload.getInteger("op") == 0 && payload.getString("t").startsWith("MESSAGE_")) {
                return payload;
            }
        }
        throw new AssertionError("no MESSAGE_* dispatch within 10 s");
    }

    private int withReason(String method, String path, JsonObject body, String reasonHeader) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Authorization", owner.token()).header("Content-Type", "application/json")
                .header("X-Audit-Log-Reason", reasonHeader)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode())).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private JsonObject auditEntry(int actionType, String targetId) {
        JsonObject log = api.eventually(API + "/guilds/" + guild.id() + "/audit-logs?action_type=" + actionType,
                owner.token(), json -> json.getJsonArray("audit_log_entries").stream()
                        .anyMatch(e -> targetId.equals(((JsonObject) e).getString("target_id"))));
        return log.getJsonArray("audit_log_entries").stream().map(e -> (JsonObject) e)
                .filter(e -> targetId.equals(e.getString("target_id"))).findFirst().orElseThrow();
    }

    @Test
    void theAuditLogReasonHeaderReachesTheEntries() throws Exception {
        String reason = "tidying up: 100% + ✓";
        String encoded = URLEncoder.encode(reason, StandardCharsets.UTF_8).replace("+", "%20");
        String roles = API + "/guilds/" + guild.id() + "/roles";
        assertEquals(200, withReason("POST", roles, new JsonObject().put("name", "mods"), encoded));
        String role = api.get(roles, owner.token()).jsonArray().stream().map(r -> (JsonObject) r)
                .filter(r -> "mods".equals(r.getString("name"))).findFirst().orElseThrow().getString("id");
        assertEquals(reason, auditEntry(30, role).getString("reason"));

        String plain = api.post(roles, new JsonObject().put("name", "plain"), owner.token()).json().getString("id");
        assertTrue(auditEntry(30, plain).getValue("reason") == null, "a request without the header has no reason");

        Account member = api.register("correct horse battery");
        Guilds.join(api, member, guild, owner);
        assertEquals(204, withReason("PUT", API + "/guilds/" + guild.id() + "/bans/" + member.id(), new JsonObject(),
                "spam"));
        assertEquals("spam", auditEntry(22, member.id()).getString("reason"));
        assertEquals("spam", api.get(API + "/guilds/" + guild.id() + "/bans/" + member.id(), owner.token()).json()
                .getString("reason"));

        assertEquals(400, withReason("POST", roles, new JsonObject().put("name", "long"), "x".repeat(513)));
    }

    @Test
    void aNewGuildsSystemChannelIsGeneralUntilItIsDeleted() {
        String path = API + "/guilds/" + guild.id();
        assertEquals(guild.generalChannelId(), api.get(path, owner.token()).json().getString("system_channel_id"));
        try (GatewayClient client = session(owner, GUILDS)) {
            assertEquals(guild.generalChannelId(), client.dispatch("GUILD_CREATE").getJsonObject("d")
                    .getString("system_channel_id"));
        }
        assertEquals(200, api.delete(API + "/channels/" + guild.generalChannelId(), owner.token()).status());
        ApiClient.Reply renamed = api.patch(path, new JsonObject().put("name", "Renamed"), owner.token());
        assertEquals(200, renamed.status(), renamed.body());
        assertTrue(renamed.json().getValue("system_channel_id") == null, renamed.body());
    }
}
