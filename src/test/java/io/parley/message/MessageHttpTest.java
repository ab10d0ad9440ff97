package io.parley.message;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.ApiClient.Reply;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sending, reading, editing and deleting messages, as a client sees them. */
@ExtendWith(SharedParley.class)
class MessageHttpTest {
    private static final String PASSWORD = "correct horse battery";
    private ApiClient api;
    private Account owner;
    private Account member;
    private Guild guild;
    private String messages;

    @BeforeEach
    void setUp(TestParley parley) {
        api = parley.client();
        owner = api.register(PASSWORD);
        member = api.register(PASSWORD);
        guild = Guilds.create(api, owner, "Messages");
        Guilds.join(api, member, guild, owner);
        messages = API + "/channels/" + guild.generalChannelId() + "/messages";
    }

    private JsonObject send(Account author, JsonObject body) {
        Reply reply = api.post(messages, body, author.token());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    @Test
    void aSentMessageCanBeReadBack() {
        JsonObject sent = send(member, new JsonObject().put("content", "hello world").put("tts", true));
        assertEquals("hello world", sent.getString("content"));
        assertEquals(member.id(), sent.getJsonObject("author").getString("id"));
        assertEquals(guild.id(), sent.getString("guild_id"));
        assertEquals(new JsonArray(), sent.getJsonArray("embeds"));
        assertEquals(new JsonArray(), sent.getJsonArray("attachments"));
        JsonObject read = api.get(messages + "/" + sent.getString("id"), owner.token()).json();
        assertEquals(sent.getString("content"), read.getString("content"));
        assertEquals(sent.getString("timestamp"), read.getString("timestamp"));
    }

    @Test
    void invalidMessagesGetTheDocumentedErrors() {
        assertEquals("CANNOT_SEND_EMPTY_MESSAGE", api.post(messages, new JsonObject().put("content", "  "),
                member.token()).errorCode());
        Reply tooLong = api.post(messages, new JsonObject().put("content", "x".repeat(2001)), member.token());
        assertEquals(400, tooLong.status());
        assertEquals("content", tooLong.json().getJsonArray("errors").getJsonObject(0).getString("path"));
        Reply badEmbed = api.post(messages, new JsonObject().put("embeds", new JsonArray()
                .add(new JsonObject().put("title", "t".repeat(257)))), member.token());
        assertEquals(400, badEmbed.status(), badEmbed.body());
        assertEquals("embeds.0.title", badEmbed.json().getJsonArray("errors").getJsonObject(0).getString("path"));
        String voice = api.post(API + "/guilds/" + guild.id() + "/channels", new JsonObject().put("name", "v")
                .put("type", 2), owner.token()).json().getString("id");
        assertEquals(400, api.post(API + "/channels/" + voice + "/messages", new JsonObject().put("content", "x"),
                owner.token()).status());
        Account outsider = api.register(PASSWORD);
        assertEquals("UNKNOWN_CHANNEL", api.post(messages, new JsonObject().put("content", "x"), outsider.token())
                .errorCode());
    }

    @Test
    void withoutSendMessagesNothingIsSent() {
        api.patch(API + "/guilds/" + guild.id() + "/roles/" + guild.id(),
                new JsonObject().put("permissions", Long.toString((1L << 10) | (1L << 16))), owner.token());
        Reply refused = api.post(messages, new JsonObject().put("content", "x"), member.token());
        assertEquals(403, refused.status());
        assertEquals("MISSING_PERMISSIONS", refused.errorCode());
    }

    @Test
    void aTimedOutMemberCannotSendOrReact() {
        JsonObject message = send(owner, new JsonObject().put("content", "react to me"));
        api.patch(API + "/guilds/" + guild.id() + "/members/" + member.id(), new JsonObject()
                .put("communication_disabled_until", Instant.now().plusSeconds(300).toString()), owner.token());
        assertEquals(403, api.post(messages, new JsonObject().put("content", "x"), member.token()).status());
        assertEquals(403, api.put(messages + "/" + message.getString("id") + "/reactions/%F0%9F%91%8D/@me", null,
                member.token()).status());
        assertEquals(200, api.get(messages, member.token()).status(), "reading history is still allowed");
    }

    @Test
    void aRepeatedNonceReturnsTheOriginalMessage() {
        JsonObject body = new JsonObject().put("content", "once").put("nonce", "n-42").put("enforce_nonce", true);
        JsonObject first = send(member, body);
        JsonObject second = send(member, body.copy().put("content", "twice?"));
        assertEquals(first.getString("id"), second.getString("id"));
        assertEquals("once", second.getString("content"));
        JsonObject noEnforce = send(member, new JsonObject().put("content", "again").put("nonce", "n-42"));
        assertFalse(noEnforce.getString("id").equals(first.getString("id")), "without enforce_nonce, no de-duplication");
    }

    @Test
    void concurrentIdenticalSendsMakeOneMessage() {
        JsonObject body = new JsonObject().put("content", "race").put("nonce", 123456789).put("enforce_nonce", true);
        List<CompletableFuture<Reply>> sends = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.post(messages, body, member.token())))
                .toList();
        Set<String> ids = sends.stream().map(CompletableFuture::join)
                .peek(reply -> assertEquals(200, reply.status(), reply.body()))
                .map(reply -> reply.json().getString("id")).collect(Collectors.toSet());
        assertEquals(1, ids.size(), "every sender got the same message");
        long stored = api.get(messages + "?limit=100", owner.token()).jsonArray().stream()
                .filter(m -> "race".equals(((JsonObject) m).getString("content"))).count();
        assertEquals(1, stored);
    }

    @Test
    void aReplyCarriesTheMessageItRepliesTo() {
        JsonObject original = send(owner, new JsonObject().put("content", "question"));
        JsonObject reply = send(member, new JsonObject().put("content", "answer")
                .put("message_reference", new JsonObject().put("message_id", original.getString("id"))));
        assertEquals(19, reply.getInteger("type"));
        assertEquals(original.getString("id"), reply.getJsonObject("referenced_message").getString("id"));
        assertEquals(owner.id(), reply.getJsonArray("mentions").getJsonObject(0).getString("id"),
                "the replied-to author is mentioned by default");

        String other = api.post(API + "/guilds/" + guild.id() + "/channels", new JsonObject().put("name", "other"),
                owner.token()).json().getString("id");
        JsonObject elsewhere = api.post(API + "/channels/" + other + "/messages", new JsonObject().put("content", "x"),
                owner.token()).json();
        Reply crossChannel = api.post(messages, new JsonObject().put("content", "y").put("message_reference",
                new JsonObject().put("message_id", elsewhere.getString("id"))), member.token());
        assertEquals(400, crossChannel.status());
        assertEquals("message_reference.message_id",
                crossChannel.json().getJsonArray("errors").getJsonObject(0).getString("path"));
    }

    @Test
    void mentionsAreParsedAndFiltered() {
        JsonObject sent = send(member, new JsonObject().put("content", "hi <@" + owner.id() + "> <@!1> @everyone"));
        assertEquals(1, sent.getJsonArray("mentions").size(), "unknown users are not mentioned");
        assertFalse(sent.getBoolean("mention_everyone"), "members lack MENTION_EVERYONE by default");
        JsonObject byOwner = send(owner, new JsonObject().put("content", "@everyone <@" + member.id() + ">")
                .put("allowed_mentions", new JsonObject().put("parse", new JsonArray().add("everyone"))));
        assertTrue(byOwner.getBoolean("mention_everyone"));
        assertEquals(0, byOwner.getJsonArray("mentions").size(), "users were not in allowed_mentions");
    }

    @Test
    void slowmodeRefusesTheSecondMessageWithRetryAfter() {
        api.patch(API + "/channels/" + guild.generalChannelId(), new JsonObject().put("rate_limit_per_user", 30),
                owner.token());
        send(member, new JsonObject().put("content", "first"));
        Reply second = api.post(messages, new JsonObject().put("content", "second"), member.token());
        assertEquals(429, second.status());
        assertEquals("RATE_LIMITED", second.errorCode());
        assertTrue(second.json().getDouble("retry_after") > 25);
        assertNotNull(second.header("Retry-After"));
        send(owner, new JsonObject().put("content", "owners bypass slowmode"));
        send(owner, new JsonObject().put("content", "twice"));
    }

    @Test
    void onlyTheAuthorEditsAndModeratorsMayDelete() {
        JsonObject sent = send(member, new JsonObject().put("content", "draft"));
        String path = messages + "/" + sent.getString("id");
        Reply edited = api.patch(path, new JsonObject().put("content", "final").put("flags", 4), member.token());
        assertEquals("final", edited.json().getString("content"));
        assertEquals(4, edited.json().getInteger("flags"));
        assertNotNull(edited.json().getString("edited_timestamp"));
        assertEquals(403, api.patch(path, new JsonObject().put("content", "hijack"), owner.token()).status());

        JsonObject ownerMessage = send(owner, new JsonObject().put("content", "mine"));
        assertEquals(403, api.delete(messages + "/" + ownerMessage.getString("id"), member.token()).status());
        assertEquals(204, api.delete(path, owner.token()).status(), "the owner moderates");
        assertEquals("UNKNOWN_MESSAGE", api.get(path, member.token()).errorCode());
    }

    @Test
    void bulkDeleteTakesTwoToAHundredRecentMessages() {
        String a = send(member, new JsonObject().put("content", "a")).getString("id");
        String b = send(member, new JsonObject().put("content", "b")).getString("id");
        String bulk = messages + "/bulk-delete";
        assertEquals(400, api.post(bulk, new JsonObject().put("messages", new JsonArray().add(a)), owner.token()).status());
        assertEquals(403, api.post(bulk, new JsonObject().put("messages", new JsonArray().add(a).add(b)), member.token())
                .status());
        String old = Long.toString((Instant.parse("2020-01-01T00:00:00Z").toEpochMilli() - 1420070400000L) << 22);
        assertEquals(400, api.post(bulk, new JsonObject().put("messages", new JsonArray().add(a).add(old)),
                owner.token()).status());
        assertEquals(204, api.post(bulk, new JsonObject().put("messages", new JsonArray().add(a).add(b)), owner.token())
                .status());
        assertEquals(404, api.get(messages + "/" + a, owner.token()).status());
        assertEquals(404, api.get(messages + "/" + b, owner.token()).status());
    }

    @Test
    void aBanWithADeletionWindowRemovesRecentMessages() throws InterruptedException {
        String id = send(member, new JsonObject().put("content", "spam")).getString("id");
        api.put(API + "/guilds/" + guild.id() + "/bans/" + member.id(),
                new JsonObject().put("delete_message_seconds", 3600), owner.token());
        int status = 200;
        for (int i = 0; i < 50 && status == 200; i++) {
            status = api.get(messages + "/" + id, owner.token()).status();
            Thread.sleep(status == 200 ? 100 : 0);
        }
        assertEquals(404, status, "the clean-up deleted the banned user's message");
    }

    @Test
    void typingIsAcknowledged() {
        assertEquals(204, api.post(API + "/channels/" + guild.generalChannelId() + "/typing", null, member.token())
                .status());
    }
}
