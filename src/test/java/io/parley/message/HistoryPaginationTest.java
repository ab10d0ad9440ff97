package io.parley.message;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
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

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** History pages over 1,000 messages: no gaps, no duplicates, newest first, around centred. */
@ExtendWith(SharedParley.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryPaginationTest {
    private static final int COUNT = 1000;
    private ApiClient api;
    private Account owner;
    private String messages;
    private final List<String> sent = new ArrayList<>();

    @BeforeAll
    void fill(TestParley parley) {
        api = parley.client();
        owner = api.register("correct horse battery");
        Guild guild = Guilds.create(api, owner, "History");
        messages = API + "/channels/" + guild.generalChannelId() + "/messages";
        for (int i = 0; i < COUNT; i++) {
            sent.add(api.post(messages, new JsonObject().put("content", "m" + i), owner.token()).json().getString("id"));
        }
    }

    @Test
    void pagingBackwardsVisitsEveryMessageOnceNewestFirst() {
        List<String> seen = new ArrayList<>();
        String before = null;
        while (true) {
            JsonArray page = api.get(messages + "?limit=100" + (before == null ? "" : "&before=" + before),
                    owner.token()).jsonArray();
            if (page.isEmpty()) {
                break;
            }
            page.forEach(m -> seen.add(((JsonObject) m).getString("id")));
            before = page.getJsonObject(page.size() - 1).getString("id");
        }
        List<String> newestFirst = new ArrayList<>(sent);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen);
    }

    @Test
    void pagingForwardsWithAfterAlsoVisitsEveryMessageOnce() {
        List<String> seen = new ArrayList<>();
        String after = "0";
        while (true) {
            JsonArray page = api.get(messages + "?limit=37&after=" + after, owner.token()).jsonArray();
            if (page.isEmpty()) {
                break;
            }
            List<String> ids = new ArrayList<>();
            page.forEach(m -> ids.add(((JsonObject) m).getString("id")));
            java.util.Collections.reverse(ids);
            seen.addAll(ids);
            after = ids.get(ids.size() - 1);
        }
        assertEquals(sent, seen);
    }

    @Test
    void aroundIsCentredOnTheMessage() {
        String pivot = sent.get(500);
        JsonArray page = api.get(messages + "?limit=11&around=" + pivot, owner.token()).jsonArray();
        List<String> ids = new ArrayList<>();
        page.forEach(m -> ids.add(((JsonObject) m).getString("id")));
        List<String> expected = new ArrayList<>(sent.subList(495, 506));
        java.util.Collections.reverse(expected);
        assertEquals(expected, ids);
    }

    @Test
    void theDefaultPageIsFiftyAndLimitsAreChecked() {
        assertEquals(50, api.get(messages, owner.token()).jsonArray().size());
        assertEquals(400, api.get(messages + "?limit=101", owner.token()).status());
        assertEquals(400, api.get(messages + "?limit=0", owner.token()).status());
        assertEquals(400, api.get(messages + "?before=1&after=2", owner.token()).status());
    }
}
