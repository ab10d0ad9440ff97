package io.parley.message;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reactions (unicode and custom emoji paths) and pins. */
@ExtendWith(SharedParley.class)
class ReactionAndPinHttpTest {
    private static final String THUMBS_UP = "%F0%9F%91%8D";
    private ApiClient api;
    private Account owner;
    private Account member;
    private String messages;
    private String message;
    private String partyParrot;

    @BeforeEach
    void setUp(TestParley parley) {
        api = parley.client();
        owner = api.register("correct horse battery");
        member = api.register("correct horse battery");
        Guild guild = Guilds.create(api, owner, "Reactions");
        Guilds.join(api, member, guild, owner);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        partyParrot = api.post(API + "/guilds/" + guild.id() + "/emojis", new JsonObject().put("name", "party_parrot")
                .put("image", "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png)),
                owner.token()).json().getString("id");
        messages = API + "/channels/" + guild.generalChannelId() + "/messages";
        message = messages + "/" + api.post(messages, new JsonObject().put("content", "react"), owner.token())
                .json().getString("id");
    }

    @Test
    void reactionsCountAndKnowWhoIsMe() {
        assertEquals(204, api.put(message + "/reactions/" + THUMBS_UP + "/@me", null, member.token()).status());
        assertEquals(204, api.put(message + "/reactions/" + THUMBS_UP + "/@me", null, owner.token()).status());
        assertEquals(204, api.put(message + "/reactions/party_parrot%3A" + partyParrot + "/@me", null, member.token())
                .status());
        JsonArray reactions = api.get(message, member.token()).json().getJsonArray("reactions");
        assertEquals(2, reactions.size());
        JsonObject thumbs = reactions.getJsonObject(0);
        assertEquals("👍", thumbs.getJsonObject("emoji").getString("name"));
        assertEquals(2, thumbs.getInteger("count"));
        assertTrue(thumbs.getBoolean("me"));
        JsonObject custom = reactions.getJsonObject(1).getJsonObject("emoji");
        assertEquals(partyParrot, custom.getString("id"));
        assertEquals("party_parrot", custom.getString("name"));

        JsonArray users = api.get(message + "/reactions/" + THUMBS_UP + "?limit=1", owner.token()).jsonArray();
        assertEquals(1, users.size());
        String firstId = users.getJsonObject(0).getString("id");
        JsonArray rest = api.get(message + "/reactions/" + THUMBS_UP + "?after=" + firstId, owner.token()).jsonArray();
        assertEquals(1, rest.size());
    }

    @Test
    void removingOwnOthersAndAllReactions() {
        api.put(message + "/reactions/" + THUMBS_UP + "/@me", null, member.token());
        api.put(message + "/reactions/" + THUMBS_UP + "/@me", null, owner.token());
        assertEquals(204, api.delete(message + "/reactions/" + THUMBS_UP + "/@me", owner.token()).status());
        assertEquals(403, api.delete(message + "/reactions/" + THUMBS_UP + "/" + owner.id(), member.token()).status());
        assertEquals(204, api.delete(message + "/reactions/" + THUMBS_UP + "/" + member.id(), owner.token()).status());
        assertEquals(0, api.get(message, owner.token()).json().getJsonArray("reactions").size());

        api.put(message + "/reactions/" + THUMBS_UP + "/@me", null, member.token());
        assertEquals(403, api.delete(message + "/reactions", member.token()).status());
        assertEquals(204, api.delete(message + "/reactions", owner.token()).status());
        assertEquals(0, api.get(message, owner.token()).json().getJsonArray("reactions").size());
    }

    @Test
    void anEmojiThatIsNeitherUnicodeNorNameColonIdIsUnknown() {
        assertEquals("UNKNOWN_EMOJI", api.put(message + "/reactions/notanemoji/@me", null, member.token()).errorCode());
        assertEquals("UNKNOWN_EMOJI", api.put(message + "/reactions/a%3Ab/@me", null, member.token()).errorCode());
    }

    @Test
    void pinsNeedPermissionAndShowInTheList() {
        String id = message.substring(message.lastIndexOf('/') + 1);
        String pins = API + "/channels/" + messages.split("/")[4] + "/pins";
        assertEquals(403, api.put(pins + "/" + id, null, member.token()).status());
        assertEquals(204, api.put(pins + "/" + id, null, owner.token()).status());
        JsonArray pinned = api.get(pins, member.token()).jsonArray();
        assertEquals(id, pinned.getJsonObject(0).getString("id"));
        assertTrue(pinned.getJsonObject(0).getBoolean("pinned"));
        assertEquals(204, api.delete(pins + "/" + id, owner.token()).status());
        assertFalse(api.get(message, owner.token()).json().getBoolean("pinned"));
    }
}
