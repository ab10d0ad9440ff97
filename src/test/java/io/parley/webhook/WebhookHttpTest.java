package io.parley.webhook;

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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Incoming webhooks over HTTP and the gateway: management with MANAGE_WEBHOOKS, execution by token, refusals. */
@ExtendWith(SharedParley.class)
class WebhookHttpTest {
    private static final String PASSWORD = "correct horse battery";
    private TestParley parley;
    private ApiClient api;
    private Account owner;
    private Guild guild;
    private String channelHooks;

    @BeforeEach
    void setUp(TestParley parley) {
        this.parley = parley;
        api = parley.client();
        owner = api.register(PASSWORD);
        guild = Guilds.create(api, owner, "Hooks");
        channelHooks = API + "/channels/" + guild.generalChannelId() + "/webhooks";
    }

    private JsonObject createHook(String name) {
        Reply created = api.post(channelHooks, new JsonObject().put("name", name), owner.token());
        assertEquals(200, created.status(), created.body());
        return created.json();
    }

    private static String tokenPath(JsonObject hook) {
        return API + "/webhooks/" + hook.getString("id") + "/" + hook.getString("token");
    }

    @Test
    void aWebhookIsCreatedListedRenamedAndDeletedAndItsTokenIsShownOnce() {
        JsonObject hook = createHook("Deploys");
        String id = hook.getString("id");
        assertEquals(1, hook.getInteger("type"));
        assertEquals(guild.id(), hook.getString("guild_id"));
        assertEquals(guild.generalChannelId(), hook.getString("channel_id"));
        assertEquals(owner.id(), hook.getJsonObject("user").getString("id"));
        String token = hook.getString("token");
        assertNotNull(token);
        assertTrue(hook.getString("url").endsWith(API + "/webhooks/" + id + "/" + token), hook.encode());

        JsonObject fetched = api.get(API + "/webhooks/" + id, owner.token()).json();
        assertEquals("Deploys", fetched.getString("name"));
        assertFalse(fetched.containsKey("token"), "the token is shown only at creation");
        assertEquals(id, api.get(channelHooks, owner.token()).jsonArray().getJsonObject(0).getString("id"));
        JsonArray ofGuild = api.get(API + "/guilds/" + guild.id() + "/webhooks", owner.token()).jsonArray();
        assertEquals(1, ofGuild.size());
        assertFalse(ofGuild.getJsonObject(0).containsKey("token"));

        Reply renamed = api.patch(API + "/webhooks/" + id, new JsonObject().put("name", "Builds"), owner.token());
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("Builds", renamed.json().getString("name"));
        Reply byToken = api.get(tokenPath(hook), null);
        assertEquals(200, byToken.status(), byToken.body());
        assertEquals("Builds", byToken.json().getString("name"));
        assertFalse(byToken.json().containsKey("user"), "no creator without authentication");
        assertFalse(byToken.json().containsKey("token"));

        assertEquals(204, api.delete(API + "/webhooks/" + id, owner.token()).status());
        assertEquals("UNKNOWN_WEBHOOK", api.get(API + "/webhooks/" + id, owner.token()).errorCode());
        assertEquals("UNKNOWN_WEBHOOK", api.post(tokenPath(hook), new JsonObject().put("content", "hi"), null)
                .errorCode());
        JsonArray audit = api.get(API + "/guilds/" + guild.id() + "/audit-logs", owner.token()).json()
                .getJsonArray("audit_log_entries");
        assertTrue(audit.stream().map(JsonObject.class::cast).map(e -> e.getInteger("action_type")).toList()
                .containsAll(List.of(50, 51, 52)), audit.encode());
    }

    @Test
    void theEventLogAndTheTableHoldOnlyTheTokensHash() throws Exception {
        JsonObject hook = createHook("Secretive");
        String token = hook.getString("token");
        String payloads = String.join("\n", rows(
                "SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ?",
                "webhooks-" + guild.id()));
        assertFalse(payloads.contains(token), "the event log holds the token");
        assertTrue(payloads.contains(WebhookTokens.hash(token)));
        List<String> stored = rows("SELECT token_hash FROM webhooks WHERE id = ?::bigint", hook.getString("id"));
        assertEquals(List.of(WebhookTokens.hash(token)), stored);
    }

    private List<String> rows(String sql, String parameter) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = parley.node().storage().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    @Test
    void executingPostsAsTheWebhookWithTheOverridesAndWaitReturnsTheMessage() {
        JsonObject hook = createHook("Deploys");
        String id = hook.getString("id");
        try (GatewayClient client = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json")) {
            client.next(5000);
            client.identify(owner.token(), 1 | (1 << 9) | (1 << 15));
            client.dispatch("GUILD_CREATE");

            Reply quiet = api.post(tokenPath(hook), new JsonObject().put("content", "deployed"), null);
            assertEquals(204, quiet.status(), quiet.body());
            JsonObject created = client.dispatch("MESSAGE_CREATE").getJsonObject("d");
            assertEquals(id, created.getString("webhook_id"));
            assertEquals(id, created.getJsonObject("author").getString("id"));
            assertEquals("Deploys", created.getJsonObject("author").getString("username"));
            assertEquals("deployed", created.getString("content"));

            Reply waited = api.post(tokenPath(hook) + "?wait=true", new JsonObject().put("content", "again")
                    .put("username", "Release bot").put("avatar_url", "https://example.com/bot.png")
                    .put("embeds", new JsonArray().add(new JsonObject().put("title", "v1.2"))), null);
            assertEquals(200, waited.status(), waited.body());
            JsonObject message = waited.json();
            assertEquals(id, message.getString("webhook_id"));
            JsonObject author = message.getJsonObject("author");
            assertEquals(id, author.getString("id"));
            assertEquals("Release bot", author.getString("username"));
            assertEquals("https://example.com/bot.png", author.getString("avatar_url"));
            assertTrue(author.getBoolean("bot"));
            assertEquals("v1.2", message.getJsonArray("embeds").getJsonObject(0).getString("title"));

            JsonObject inHistory = api.get(API + "/channels/" + guild.generalChannelId() + "/messages/"
                    + message.getString("id"), owner.token()).json();
            assertEquals(message, inHistory);
        }
    }

    @Test
    void aMultipartExecutionIsReadFromPayloadJson() {
        JsonObject hook = createHook("Forms");
        Reply sent = api.postForm(tokenPath(hook) + "?wait=true", new FormData().field("payload_json",
                new JsonObject().put("content", "from a form").put("username", "Former").encode()), null);
        assertEquals(200, sent.status(), sent.body());
        assertEquals("from a form", sent.json().getString("content"));
        assertEquals("Former", sent.json().getJsonObject("author").getString("username"));
    }

    @Test
    void anExecutionMayCarryFilesAndAWrongTokenNeverReadsThem() {
        JsonObject hook = createHook("Uploader");
        byte[] report = "build log".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Reply sent = api.postForm(tokenPath(hook) + "?wait=true", new FormData()
                .field("payload_json", new JsonObject().put("content", "see attached").put("attachments",
                        new JsonArray().add(new JsonObject().put("id", 0).put("filename", "build.txt"))).encode())
                .file("files[0]", "ignored.txt", "text/plain", report), null);
        assertEquals(200, sent.status(), sent.body());
        JsonObject attachment = sent.json().getJsonArray("attachments").getJsonObject(0);
        assertEquals("build.txt", attachment.getString("filename"));
        assertEquals("build log", new String(api.download(attachment.getString("url")).body(),
                java.nio.charset.StandardCharsets.UTF_8));

        Reply refused = api.postForm(API + "/webhooks/" + hook.getString("id") + "/wrong", new FormData()
                .file("files[0]", "x.txt", "text/plain", report), null);
        assertEquals(401, refused.status(), refused.body());
    }

    @Test
    void aWebhookReadsEditsAndDeletesOnlyItsOwnMessages() {
        JsonObject hook = createHook("Editor");
        String messageId = api.post(tokenPath(hook) + "?wait=true", new JsonObject().put("content", "draft"), null)
                .json().getString("id");
        String messages = tokenPath(hook) + "/messages/";
        assertEquals("draft", api.get(messages + messageId, null).json().getString("content"));
        Reply edited = api.patch(messages + messageId, new JsonObject().put("content", "final"), null);
        assertEquals(200, edited.status(), edited.body());
        assertEquals("final", edited.json().getString("content"));
        assertNotNull(edited.json().getString("edited_timestamp"));
        Reply byOwner = api.patch(API + "/channels/" + guild.generalChannelId() + "/messages/" + messageId,
                new JsonObject().put("content", "hijacked"), owner.token());
        assertEquals(403, byOwner.status(), "a member cannot edit a webhook's message");

        String usersMessage = api.post(API + "/channels/" + guild.generalChannelId() + "/messages",
                new JsonObject().put("content", "mine"), owner.token()).json().getString("id");
        assertEquals("UNKNOWN_MESSAGE", api.get(messages + usersMessage, null).errorCode());
        assertEquals("UNKNOWN_MESSAGE", api.patch(messages + usersMessage, new JsonObject().put("content", "x"), null)
                .errorCode());
        assertEquals("UNKNOWN_MESSAGE", api.delete(messages + usersMessage, null).errorCode());

        assertEquals(204, api.delete(messages + messageId, null).status());
        assertEquals("UNKNOWN_MESSAGE", api.get(messages + messageId, null).errorCode());
        assertEquals(404, api.get(API + "/channels/" + guild.generalChannelId() + "/messages/" + messageId,
                owner.token()).status());
    }

    @Test
    void aWrongTokenIs401AndAnUnknownWebhook404() {
        JsonObject hook = createHook("Guarded");
        String wrong = API + "/webhooks/" + hook.getString("id") + "/not-the-token";
        for (Reply reply : List.of(api.post(wrong, new JsonObject().put("content", "hi"), null), api.get(wrong, null),
                api.patch(wrong, new JsonObject().put("name", "x"), null), api.delete(wrong, null),
                api.get(wrong + "/messages/1", null))) {
            assertEquals(401, reply.status(), reply.body());
            assertEquals("INVALID_WEBHOOK_TOKEN", reply.errorCode());
        }
        Reply unknown = api.post(API + "/webhooks/12345/" + hook.getString("token"),
                new JsonObject().put("content", "hi"), null);
        assertEquals(404, unknown.status());
        assertEquals("UNKNOWN_WEBHOOK", unknown.errorCode());
        assertEquals(200, api.get(tokenPath(hook), null).status(), "the webhook is still there");
    }

    @Test
    void badExecutionsAndSettingsAreFormErrors() {
        JsonObject hook = createHook("Strict");
        assertFormError(api.post(tokenPath(hook), new JsonObject().put("content", "x").put("username", "Discord"),
                null), "username");
        assertFormError(api.post(tokenPath(hook), new JsonObject().put("content", "x")
                .put("avatar_url", "javascript:alert(1)"), null), "avatar_url");
        Reply empty = api.post(tokenPath(hook), new JsonObject(), null);
        assertEquals(400, empty.status());
        assertEquals("CANNOT_SEND_EMPTY_MESSAGE", empty.errorCode());
        assertFormError(api.post(channelHooks, new JsonObject().put("name", ""), owner.token()), "name");
        assertFormError(api.post(channelHooks, new JsonObject().put("name", "clyde"), owner.token()), "name");
        assertFormError(api.post(channelHooks, new JsonObject().put("name", "pic")
                .put("avatar", "data:image/png;base64,AAAA"), owner.token()), "avatar");
        assertFormError(api.patch(tokenPath(hook), new JsonObject().put("channel_id", guild.generalChannelId()),
                null), "channel_id");
    }

    private static void assertFormError(Reply reply, String path) {
        assertEquals(400, reply.status(), reply.body());
        assertEquals("INVALID_FORM_BODY", reply.errorCode(), reply.body());
        assertTrue(reply.body().contains("\"path\":\"" + path + "\""), reply.body());
    }

    @Test
    void managingNeedsManageWebhooksAndOutsidersSeeNothing() {
        JsonObject hook = createHook("Owned");
        Account member = api.register(PASSWORD);
        Guilds.join(api, member, guild, owner);
        Reply create = api.post(channelHooks, new JsonObject().put("name", "mine"), member.token());
        assertEquals(403, create.status(), create.body());
        assertEquals("MISSING_PERMISSIONS", create.errorCode());
        assertEquals(403, api.get(channelHooks, member.token()).status());
        assertEquals(403, api.get(API + "/guilds/" + guild.id() + "/webhooks", member.token()).status());
        assertEquals(403, api.get(API + "/webhooks/" + hook.getString("id"), member.token()).status());
        assertEquals(403, api.delete(API + "/webhooks/" + hook.getString("id"), member.token()).status());
        Account outsider = api.register(PASSWORD);
        assertEquals("UNKNOWN_WEBHOOK", api.get(API + "/webhooks/" + hook.getString("id"), outsider.token())
                .errorCode());
        assertEquals(401, api.get(API + "/webhooks/" + hook.getString("id"), null).status());
    }

    @Test
    void sessionsWithTheIntentHearWhichChannelsWebhooksChanged() {
        try (GatewayClient client = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json");
             GatewayClient withoutIntent = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json")) {
            client.next(5000);
            client.identify(owner.token(), 1 | (1 << 5));
            client.dispatch("GUILD_CREATE");
            withoutIntent.next(5000);
            withoutIntent.identify(owner.token(), 1);
            withoutIntent.dispatch("GUILD_CREATE");
            JsonObject hook = createHook("Noisy");
            JsonObject update = client.dispatch("WEBHOOKS_UPDATE").getJsonObject("d");
            assertEquals(new JsonObject().put("guild_id", guild.id()).put("channel_id", guild.generalChannelId()),
                    update);
            api.delete(tokenPath(hook), null);
            assertEquals(guild.generalChannelId(), client.dispatch("WEBHOOKS_UPDATE").getJsonObject("d")
                    .getString("channel_id"));
            assertFalse(withoutIntent.receives("WEBHOOKS_UPDATE", 500), "GUILD_WEBHOOKS intent is needed");
        }
    }

    @Test
    void executionsAreRateLimitedPerWebhook() {
        JsonObject hook = createHook("Chatty");
        Reply first = api.post(tokenPath(hook), new JsonObject().put("content", "1"), null);
        assertEquals(204, first.status(), first.body());
        assertEquals("5", first.header("X-RateLimit-Limit"));
        assertEquals("webhook", first.header("X-RateLimit-Bucket"));
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            burst.add(http.sendAsync(HttpRequest.newBuilder(URI.create(api.base() + tokenPath(hook)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"burst\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> replies = burst.stream().map(CompletableFuture::join).toList();
        HttpResponse<String> limited = replies.stream().filter(r -> r.statusCode() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("12 executions at once were all accepted"));
        assertEquals("RATE_LIMITED", new JsonObject(limited.body()).getString("code"));
        assertTrue(limited.headers().firstValue("Retry-After").isPresent());
    }
}
