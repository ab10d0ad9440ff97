package io.parley.search;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.ApiClient.Reply;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Message search over HTTP: what a member may find, every filter, edits, deletions and bad input. */
@ExtendWith(SharedParley.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchHttpTest {
    private ApiClient api;
    private Account owner;
    private Account member;
    private Guild guild;
    private String search;

    @BeforeAll
    void setUp(TestParley parley) {
        api = parley.client();
        owner = api.register("correct horse battery");
        member = api.register("correct horse battery");
        guild = Guilds.create(api, owner, "Searchable");
        Guilds.join(api, member, guild, owner);
        search = API + "/guilds/" + guild.id() + "/messages/search";
    }

    private String post(String channel, Account author, String content) {
        Reply sent = api.post(API + "/channels/" + channel + "/messages", new JsonObject().put("content", content),
                author.token());
        assertEquals(200, sent.status(), sent.body());
        return sent.json().getString("id");
    }

    /** Polls a search until its reply satisfies {@code done}: the indexer runs behind the write. */
    private JsonObject eventually(String url, Account caller, Predicate<JsonObject> done) {
        return api.eventually(url, caller.token(), done);
    }

    private static List<String> ids(JsonObject reply) {
        List<String> ids = new ArrayList<>();
        reply.getJsonArray("messages").forEach(group -> ids.add(((JsonArray) group).getJsonObject(0).getString("id")));
        return ids;
    }

    private JsonObject found(String query, Account caller, int count) {
        return eventually(search + "?" + query, caller, r -> r.getInteger("total_results") == count);
    }

    @Test
    void aHitLooksExactlyLikeTheMessageInHistory() {
        String id = post(guild.generalChannelId(), member, "the quick zebra jumps");
        JsonObject reply = found("content=zebra", owner, 1);
        JsonArray group = reply.getJsonArray("messages").getJsonArray(0);
        JsonObject hit = group.getJsonObject(0);
        assertTrue(hit.getBoolean("hit"));
        hit.remove("hit");
        JsonObject history = api.get(API + "/channels/" + guild.generalChannelId() + "/messages/" + id, owner.token())
                .json();
        assertEquals(history, hit);
        assertFalse(reply.getBoolean("doing_deep_historical_index"));
    }

    @Test
    void aMessageInAChannelHiddenFromTheCallerNeverAppears() {
        String hidden = api.post(API + "/guilds/" + guild.id() + "/channels", new JsonObject().put("name", "staff")
                .put("permission_overwrites", new JsonArray().add(new JsonObject().put("id", guild.id())
                        .put("type", 0).put("allow", "0").put("deny", Long.toString(1L << 10)))), owner.token())
                .json().getString("id");
        String secret = post(hidden, owner, "quarterly velociraptor plans");
        String open = post(guild.generalChannelId(), owner, "public velociraptor facts");
        assertEquals(List.of(open, secret), ids(found("content=velociraptor", owner, 2)));
        JsonObject asMember = found("content=velociraptor", member, 1);
        assertEquals(List.of(open), ids(asMember));
        assertFalse(asMember.encode().contains("quarterly"));
        assertEquals(1, found("content=velociraptor&channel_id=" + hidden + "&channel_id=" + guild.generalChannelId(),
                member, 1).getInteger("total_results"));
        Reply direct = api.get(API + "/channels/" + hidden + "/messages/search?content=velociraptor", member.token());
        assertEquals(403, direct.status());
        assertEquals("MISSING_ACCESS", direct.errorCode());
    }

    @Test
    void readMessageHistoryIsNeededToo() {
        String noHistory = api.post(API + "/guilds/" + guild.id() + "/channels", new JsonObject().put("name", "now")
                .put("permission_overwrites", new JsonArray().add(new JsonObject().put("id", guild.id())
                        .put("type", 0).put("allow", "0").put("deny", Long.toString(1L << 16)))), owner.token())
                .json().getString("id");
        post(noHistory, owner, "ephemeral pterodactyl");
        found("content=pterodactyl", owner, 1);
        assertEquals(0, api.get(search + "?content=pterodactyl", member.token()).json().getInteger("total_results"));
    }

    @Test
    void editsAndDeletionsAreReflectedOnceIndexed() {
        String id = post(guild.generalChannelId(), owner, "original armadillo");
        found("content=armadillo", owner, 1);
        String path = API + "/channels/" + guild.generalChannelId() + "/messages/" + id;
        assertEquals(200, api.patch(path, new JsonObject().put("content", "renamed pangolin"), owner.token()).status());
        found("content=pangolin", owner, 1);
        found("content=armadillo", owner, 0);
        assertEquals(204, api.delete(path, owner.token()).status());
        found("content=pangolin", owner, 0);
    }

    @Test
    void aBanThatDeletesMessagesRemovesThemFromSearch() {
        Account banned = api.register("correct horse battery");
        Guilds.join(api, banned, guild, owner);
        post(guild.generalChannelId(), banned, "spammy capybara offers");
        found("content=capybara", owner, 1);
        assertEquals(204, api.put(API + "/guilds/" + guild.id() + "/bans/" + banned.id(),
                new JsonObject().put("delete_message_seconds", 3600), owner.token()).status());
        found("content=capybara", owner, 0);
    }

    @Test
    void everyFilterNarrowsTheResults() {
        String word = "wombat";
        String a = post(guild.generalChannelId(), owner, word + " one");
        String b = post(guild.generalChannelId(), member, word + " two <@" + owner.id() + ">");
        String c = post(guild.generalChannelId(), member, word + " three https://example.org/x");
        found("content=" + word, owner, 3);
        assertEquals(List.of(c, b), ids(found("content=" + word + "&author_id=" + member.id(), owner, 2)));
        assertEquals(List.of(b), ids(found("content=" + word + "&mentions=" + owner.id(), owner, 1)));
        assertEquals(List.of(c), ids(found("content=" + word + "&has=link", owner, 1)));
        assertEquals(0, found("content=" + word + "&has=link&has=image", owner, 0).getInteger("total_results"));
        assertEquals(List.of(b), ids(found("content=" + word + "&min_id=" + a + "&max_id=" + c, owner, 1)));
        assertEquals(List.of(a, b, c), ids(found("content=" + word + "&sort_order=asc", owner, 3)));
        assertEquals(3, found("content=" + word + "&sort_by=relevance", owner, 3).getInteger("total_results"));

        assertEquals(204, api.put(API + "/channels/" + guild.generalChannelId() + "/pins/" + a, null, owner.token())
                .status());
        assertEquals(List.of(a), ids(found("content=" + word + "&pinned=true", owner, 1)));
        assertEquals(List.of(c, b), ids(found("content=" + word + "&pinned=false", owner, 2)));

        JsonObject page = found("content=" + word + "&limit=1&offset=1", owner, 3);
        assertEquals(List.of(b), ids(page));
    }

    @Test
    void channelSearchAndTheJsonFormAnswerAlike() {
        post(guild.generalChannelId(), owner, "meerkat in general");
        JsonObject viaGuild = found("content=meerkat", member, 1);
        JsonObject viaChannel = eventually(API + "/channels/" + guild.generalChannelId()
                + "/messages/search?content=meerkat", member, r -> r.getInteger("total_results") == 1);
        assertEquals(ids(viaGuild), ids(viaChannel));
        Reply viaBody = api.post(API + "/search/messages", new JsonObject().put("guild_id", guild.id())
                .put("content", "meerkat").put("author_id", new JsonArray().add(owner.id())), member.token());
        assertEquals(200, viaBody.status(), viaBody.body());
        assertEquals(ids(viaGuild), ids(viaBody.json()));
        Reply unscoped = api.post(API + "/search/messages", new JsonObject().put("content", "meerkat"), member.token());
        assertEquals(400, unscoped.status());
        assertEquals("guild_id", unscoped.json().getJsonArray("errors").getJsonObject(0).getString("path"));
    }

    @Test
    void badParametersAreRejectedTogetherWithTheirNames() {
        Reply bad = api.get(search + "?limit=26&offset=-1&sort_by=oldest&sort_order=up&has=pdf&author_id=abc"
                + "&pinned=maybe&min_id=x&content=" + "a".repeat(1025), owner.token());
        assertEquals(400, bad.status());
        assertEquals("INVALID_FORM_BODY", bad.errorCode());
        List<String> paths = new ArrayList<>();
        bad.json().getJsonArray("errors").forEach(e -> paths.add(((JsonObject) e).getString("path")));
        assertEquals(List.of("content", "author_id", "has", "pinned", "min_id", "sort_by", "sort_order", "limit",
                "offset"), paths);
        assertEquals(400, api.get(search + "?limit=0", owner.token()).status());
    }

    @Test
    void outsidersAndAnonymousCallersFindNothing() {
        Account outsider = api.register("correct horse battery");
        Reply reply = api.get(search + "?content=x", outsider.token());
        assertEquals(404, reply.status());
        assertEquals("UNKNOWN_GUILD", reply.errorCode());
        assertEquals(401, api.get(search, null).status());
        assertEquals(404, api.get(API + "/channels/" + guild.generalChannelId() + "/messages/search",
                outsider.token()).status());
    }
}
