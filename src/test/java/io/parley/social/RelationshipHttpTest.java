package io.parley.social;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.GatewayClient;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Friend requests, acceptance, removal, blocks: over HTTP, in READY and as dispatches. */
@ExtendWith(SharedParley.class)
class RelationshipHttpTest {
    private static final String PASSWORD = "correct horse battery";
    private static final String MINE = API + "/users/@me/relationships";
    private TestParley parley;
    private ApiClient api;
    private Account alice;
    private Account bob;

    @BeforeEach
    void setUp(TestParley parley) {
        this.parley = parley;
        api = parley.client();
        alice = api.register(PASSWORD);
        bob = api.register(PASSWORD);
    }

    private JsonObject relationshipWith(Account viewer, Account other) {
        JsonArray all = api.get(MINE, viewer.token()).jsonArray();
        return all.stream().map(JsonObject.class::cast).filter(r -> r.getString("id").equals(other.id()))
                .findFirst().orElse(null);
    }

    private GatewayClient session(Account account) {
        GatewayClient client = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json");
        client.next(5000);
        client.identify(account.token(), 0);
        return client;
    }

    @Test
    void aRequestByUsernameIsOutgoingForTheSenderAndIncomingForTheTarget() {
        assertEquals(204, api.post(MINE, new JsonObject().put("username", bob.username()), alice.token()).status());
        assertEquals(4, relationshipWith(alice, bob).getInteger("type"));
        assertEquals(3, relationshipWith(bob, alice).getInteger("type"));
        assertEquals(bob.username(), relationshipWith(alice, bob).getJsonObject("user").getString("username"));
    }

    @Test
    void acceptingMakesBothFriendsAndBothSessionsHearIt() {
        try (GatewayClient aliceLive = session(alice)) {
            assertEquals(204, api.put(MINE + "/" + bob.id(), new JsonObject(), alice.token()).status());
            assertEquals(4, aliceLive.dispatch("RELATIONSHIP_ADD").getJsonObject("d").getInteger("type"));
            assertEquals(204, api.put(MINE + "/" + alice.id(), null, bob.token()).status());
            JsonObject added = aliceLive.dispatch("RELATIONSHIP_ADD").getJsonObject("d");
            assertEquals(1, added.getInteger("type"));
            assertEquals(bob.id(), added.getString("id"));
        }
        assertEquals(1, relationshipWith(alice, bob).getInteger("type"));
        assertEquals(1, relationshipWith(bob, alice).getInteger("type"));
    }

    @Test
    void decliningRemovesTheRequestOnBothSides() {
        api.put(MINE + "/" + bob.id(), null, alice.token());
        try (GatewayClient aliceLive = session(alice)) {
            assertEquals(204, api.delete(MINE + "/" + alice.id(), bob.token()).status());
            assertEquals(bob.id(), aliceLive.dispatch("RELATIONSHIP_REMOVE").getJsonObject("d").getString("id"));
        }
        assertEquals(null, relationshipWith(alice, bob));
        assertEquals(null, relationshipWith(bob, alice));
        assertEquals("UNKNOWN_RELATIONSHIP", api.delete(MINE + "/" + alice.id(), bob.token()).errorCode());
    }

    @Test
    void blockingEndsTheFriendshipAndRefusesNewRequestsUntilUnblocked() {
        api.put(MINE + "/" + bob.id(), null, alice.token());
        api.put(MINE + "/" + alice.id(), null, bob.token());
        assertEquals(204, api.put(MINE + "/" + bob.id(), new JsonObject().put("type", 2), alice.token()).status());
        assertEquals(2, relationshipWith(alice, bob).getInteger("type"));
        assertEquals(null, relationshipWith(bob, alice), "the blocked user just loses the friend");
        assertEquals("FRIEND_REQUEST_BLOCKED", api.put(MINE + "/" + alice.id(), null, bob.token()).errorCode());
        assertEquals(204, api.delete(MINE + "/" + bob.id(), alice.token()).status());
        assertEquals(204, api.put(MINE + "/" + alice.id(), null, bob.token()).status());
    }

    @Test
    void unknownUsersAndYourselfAreRefused() {
        assertEquals("UNKNOWN_USER", api.post(MINE, new JsonObject().put("username", "nobody_here_at_all"),
                alice.token()).errorCode());
        assertEquals("UNKNOWN_USER", api.put(MINE + "/123456789", null, alice.token()).errorCode());
        assertEquals("CANNOT_FRIEND_SELF", api.put(MINE + "/" + alice.id(), null, alice.token()).errorCode());
        assertEquals("INVALID_FORM_BODY", api.post(MINE, new JsonObject(), alice.token()).errorCode());
        assertEquals(401, api.get(MINE, null).status());
    }

    @Test
    void readyCarriesRelationships() {
        api.put(MINE + "/" + bob.id(), null, alice.token());
        try (GatewayClient live = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json")) {
            live.next(5000);
            JsonArray relationships = live.identify(bob.token(), 0).getJsonObject("d").getJsonArray("relationships");
            assertEquals(1, relationships.size());
            assertEquals(3, relationships.getJsonObject(0).getInteger("type"));
            assertTrue(relationships.getJsonObject(0).containsKey("user"));
        }
    }
}
