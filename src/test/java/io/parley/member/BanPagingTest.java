package io.parley.member;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.Guilds;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code limit}, {@code before} and {@code after} on the ban list and on a user's guild list, as Discord pages them. */
@ExtendWith(SharedParley.class)
class BanPagingTest {
    private ApiClient api;

    @BeforeEach
    void connect(TestParley parley) {
        api = parley.client();
    }

    @Test
    void bansArePagedByUserId() {
        Account owner = api.register("correct horse battery");
        Guilds.Guild guild = Guilds.create(api, owner, "paged");
        List<String> banned = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Account user = api.register("correct horse battery");
            assertEquals(204, api.put(API + "/guilds/" + guild.id() + "/bans/" + user.id(), new JsonObject(), owner.token()).status());
            banned.add(user.id());
        }
        banned.sort(Comparator.comparingLong(Long::parseLong));
        String bans = API + "/guilds/" + guild.id() + "/bans";
        assertEquals(banned, ids(api.get(bans, owner.token()).jsonArray(), "user"));
        assertEquals(banned.subList(0, 2), ids(api.get(bans + "?limit=2", owner.token()).jsonArray(), "user"));
        assertEquals(banned.subList(2, 4), ids(api.get(bans + "?after=" + banned.get(1), owner.token()).jsonArray(), "user"));
        assertEquals(banned.subList(1, 3), ids(api.get(bans + "?before=" + banned.get(3) + "&limit=2", owner.token())
                .jsonArray(), "user"));
        for (String bad : new String[]{"0", "1001", "x"}) {
            ApiClient.Reply reply = api.get(bans + "?limit=" + bad, owner.token());
            assertEquals(400, reply.status(), bad);
            assertEquals("limit", reply.json().getJsonArray("errors").getJsonObject(0).getString("path"));
        }
    }

    @Test
    void myGuildsArePagedByGuildId() {
        Account user = api.register("correct horse battery");
        List<String> guilds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            guilds.add(Guilds.create(api, user, "mine " + i).id());
        }
        guilds.sort(Comparator.comparingLong(Long::parseLong));
        String mine = API + "/users/@me/guilds";
        assertEquals(guilds, ids(api.get(mine, user.token()).jsonArray(), null));
        assertEquals(guilds.subList(0, 1), ids(api.get(mine + "?limit=1", user.token()).jsonArray(), null));
        assertEquals(guilds.subList(1, 3), ids(api.get(mine + "?after=" + guilds.get(0), user.token()).jsonArray(), null));
        assertEquals(guilds.subList(1, 2), ids(api.get(mine + "?before=" + guilds.get(2) + "&limit=1", user.token())
                .jsonArray(), null));
        assertEquals(400, api.get(mine + "?limit=201", user.token()).status());
    }

    private static List<String> ids(JsonArray array, String inner) {
        List<String> ids = new ArrayList<>();
        array.forEach(e -> ids.add(inner == null ? ((JsonObject) e).getString("id")
                : ((JsonObject) e).getJsonObject(inner).getString("id")));
        return ids;
    }
}
