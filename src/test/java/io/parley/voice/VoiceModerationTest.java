package io.parley.voice;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.GatewayClient;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitRoom.RoomParticipantIdentity;
import livekit.LivekitRoom.UpdateParticipantRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Moderation reaching LiveKit: a Parley whose LiveKit is a {@link FakeLiveKit}, members
 * joined over the gateway and confirmed by signed webhooks, then moderators' PATCHes and
 * permission changes seen as VOICE_STATE_UPDATE and as RoomService calls.
 */
@ExtendWith(VoiceParley.class)
class VoiceModerationTest {
    private static final long CONNECT = 1L << 20;
    private static final long SPEAK = 1L << 21;
    private static final AtomicInteger SIDS = new AtomicInteger();

    private FakeLiveKit livekit;
    private TestParley parley;

    private ApiClient api;
    private Account owner;
    private Account member;
    private Guild guild;
    private String lounge;
    private String stage;

    @BeforeEach
    void setUp(VoiceParley.Server server) {
        parley = server.parley();
        livekit = server.livekit();
        api = parley.client();
        owner = api.register("correct horse battery");
        member = api.register("correct horse battery");
        guild = Guilds.create(api, owner, "Voice moderation");
        Guilds.join(api, member, guild, owner);
        lounge = voiceChannel("Lounge");
        stage = voiceChannel("Stage");
    }

    private String voiceChannel(String name) {
        return api.post(API + "/guilds/" + guild.id() + "/channels", new JsonObject().put("name", name).put("type", 2),
                owner.token()).json().getString("id");
    }

    private GatewayClient session(Account account) {
        return VoiceParley.voiceSession(parley, account.token());
    }

    /** op 4 into the channel, then LiveKit's participant_joined; returns the VOICE_SERVER_UPDATE. */
    private JsonObject joinVoice(GatewayClient session, String channelId) {
        return joinVoice(session, channelId, "PA_" + SIDS.incrementAndGet(), Instant.now().getEpochSecond());
    }

    /** {@code at}: LiveKit's event time, in seconds (a webhook older than the state's last change is ignored). */
    private JsonObject joinVoice(GatewayClient session, String channelId, String sid, long at) {
        return VoiceParley.joinVoice(parley, session, guild.id(), channelId, sid, at, owner.token());
    }

    private String identity(Account account, JsonObject server) {
        return "user_" + account.id() + "_" + server.getString("connection_id");
    }

    private JsonObject stateOf(GatewayClient viewer, Account account) {
        for (int i = 0; i < 5; i++) {
            JsonObject state = viewer.dispatch("VOICE_STATE_UPDATE").getJsonObject("d");
            if (state.getString("user_id").equals(account.id())) {
                return state;
            }
        }
        throw new AssertionError("no VOICE_STATE_UPDATE of " + account.id());
    }

    private ApiClient.Reply patchMember(Account target, JsonObject body, Account actor) {
        return api.patch(API + "/guilds/" + guild.id() + "/members/" + target.id(), body, actor.token());
    }

    /** The newest audit log entry of that action type (the audit log trails the write: 5 s at most). */
    private JsonObject audited(int actionType) {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            var entries = api.get(API + "/guilds/" + guild.id() + "/audit-logs?action_type=" + actionType,
                    owner.token()).json().getJsonArray("audit_log_entries");
            if (!entries.isEmpty()) {
                return entries.getJsonObject(0);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("no audit log entry of type " + actionType);
    }

    private static UpdateParticipantRequest update(FakeLiveKit.Call call) {
        try {
            return UpdateParticipantRequest.parseFrom(call.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RoomParticipantIdentity removal(FakeLiveKit.Call call) {
        try {
            return RoomParticipantIdentity.parseFrom(call.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twoMembersSeeEachOtherAndAServerMuteReachesLiveKit() {
        try (GatewayClient a = session(owner); GatewayClient b = session(member)) {
            joinVoice(a, lounge);
            assertEquals(lounge, stateOf(b, owner).getString("channel_id"));
            JsonObject serverB = joinVoice(b, lounge);
            assertEquals(lounge, stateOf(a, member).getString("channel_id"));

            assertEquals(200, patchMember(member, new JsonObject().put("mute", true), owner).status());
            JsonObject muted = stateOf(a, member);
            assertEquals(true, muted.getBoolean("mute"));
            assertEquals(false, muted.getBoolean("deaf"));
            assertEquals(lounge, muted.getString("channel_id"));

            String who = identity(member, serverB);
            UpdateParticipantRequest pushed = update(livekit.await("UpdateParticipant",
                    c -> update(c).getIdentity().equals(who)));
            assertEquals("guild_" + guild.id() + "_channel_" + lounge, pushed.getRoom());
            assertTrue(!pushed.getPermission().getCanPublishSourcesList().contains(TrackSource.MICROPHONE),
                    "a server-muted member may not publish the microphone");
            assertTrue(pushed.getPermission().getCanSubscribe());

            JsonObject entry = audited(24);
            assertEquals(member.id(), entry.getString("target_id"));
            assertEquals(owner.id(), entry.getString("user_id"));
            assertEquals(new JsonObject().put("key", "mute").put("old_value", false).put("new_value", true),
                    entry.getJsonArray("changes").getJsonObject(0));
        }
    }

    @Test
    void losingSpeakRevokesTheMicrophoneAndLosingConnectRemovesTheParticipant() {
        try (GatewayClient b = session(member)) {
            String who = identity(member, joinVoice(b, lounge));
            stateOf(b, member);
            String overwrite = API + "/channels/" + lounge + "/permissions/" + member.id();
            assertEquals(204, api.put(overwrite, new JsonObject().put("type", 1).put("allow", "0")
                    .put("deny", Long.toString(SPEAK)), owner.token()).status());
            UpdateParticipantRequest revoked = update(livekit.await("UpdateParticipant",
                    c -> update(c).getIdentity().equals(who)));
            assertEquals(Set.of(TrackSource.CAMERA, TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO),
                    Set.copyOf(revoked.getPermission().getCanPublishSourcesList()));

            assertEquals(204, api.put(overwrite, new JsonObject().put("type", 1).put("allow", "0")
                    .put("deny", Long.toString(SPEAK | CONNECT)), owner.token()).status());
            RoomParticipantIdentity removed = removal(livekit.await("RemoveParticipant",
                    c -> removal(c).getIdentity().equals(who)));
            assertEquals("guild_" + guild.id() + "_channel_" + lounge, removed.getRoom());
        }
    }

    @Test
    void aRoleEditTakingSpeakFromEveryoneRevokesTheMicrophone() {
        try (GatewayClient b = session(member)) {
            String who = identity(member, joinVoice(b, lounge));
            long everyone = Long.parseLong(api.get(API + "/guilds/" + guild.id() + "/roles", owner.token()).jsonArray()
                    .stream().map(JsonObject.class::cast).filter(r -> r.getString("id").equals(guild.id()))
                    .findFirst().orElseThrow().getString("permissions"));
            assertEquals(200, api.patch(API + "/guilds/" + guild.id() + "/roles/" + guild.id(), new JsonObject()
                    .put("permissions", Long.toString(everyone & ~SPEAK)), owner.token()).status());
            UpdateParticipantRequest revoked = update(livekit.await("UpdateParticipant",
                    c -> update(c).getIdentity().equals(who)));
            assertTrue(!revoked.getPermission().getCanPublishSourcesList().contains(TrackSource.MICROPHONE));
            assertTrue(revoked.getPermission().getCanPublishSourcesList().contains(TrackSource.CAMERA));
        }
    }

    @Test
    void aTimeoutRemovesTheParticipant() {
        try (GatewayClient b = session(member)) {
            String who = identity(member, joinVoice(b, lounge));
            stateOf(b, member);
            assertEquals(200, patchMember(member, new JsonObject().put("communication_disabled_until",
                    Instant.now().plusSeconds(600).toString()), owner).status());
            livekit.await("RemoveParticipant", c -> removal(c).getIdentity().equals(who));
        }
    }

    @Test
    void aMoveHandsTheMemberATokenForTheNewRoomAndADisconnectEndsTheirVoiceState() {
        try (GatewayClient a = session(owner); GatewayClient b = session(member)) {
            JsonObject first = joinVoice(b, lounge);
            stateOf(a, member);

            assertEquals(200, patchMember(member, new JsonObject().put("channel_id", stage), owner).status());
            JsonObject moved = b.dispatch("VOICE_SERVER_UPDATE").getJsonObject("d");
            assertEquals(stage, moved.getString("channel_id"));
            String old = identity(member, first);
            assertEquals("guild_" + guild.id() + "_channel_" + lounge,
                    removal(livekit.await("RemoveParticipant", c -> removal(c).getIdentity().equals(old))).getRoom());

            assertEquals(200, LiveKitWebhooks.forToken(parley.node().httpPort(), "participant_joined", moved,
                    "PA_" + SIDS.incrementAndGet(), Instant.now().getEpochSecond() + 1));
            assertEquals(stage, stateOf(a, member).getString("channel_id"));
            assertEquals(new JsonObject().put("key", "channel_id").put("old_value", lounge).put("new_value", stage),
                    audited(26).getJsonArray("changes").getJsonObject(0), "MEMBER_MOVE");

            assertEquals(200, patchMember(member, new JsonObject().putNull("channel_id"), owner).status());
            assertNull(stateOf(a, member).getString("channel_id"));
            String now = identity(member, moved);
            livekit.await("RemoveParticipant", c -> removal(c).getIdentity().equals(now));
            assertEquals(member.id(), audited(27).getString("target_id"), "MEMBER_DISCONNECT");
        }
    }

    @Test
    void aDisconnectEndsEveryConnectionTheMemberHoldsInTheRoom() {
        try (GatewayClient b = session(member); GatewayClient phone = session(member)) {
            String first = identity(member, joinVoice(b, lounge));
            String second = identity(member, joinVoice(phone, lounge));
            String room = "guild_" + guild.id() + "_channel_" + lounge;
            livekit.participants.put(room, java.util.List.of(first, second, "user_" + owner.id() + "_0a"));
            assertEquals(200, patchMember(member, new JsonObject().putNull("channel_id"), owner).status());
            livekit.await("RemoveParticipant", c -> removal(c).getIdentity().equals(first));
            livekit.await("RemoveParticipant", c -> removal(c).getIdentity().equals(second));
            assertTrue(livekit.calls.stream().filter(c -> c.method().equals("RemoveParticipant"))
                    .noneMatch(c -> removal(c).getIdentity().startsWith("user_" + owner.id())), "only that member");
            livekit.participants.remove(room);
        }
    }

    @Test
    void refusedModeration() {
        assertEquals("USER_NOT_IN_VOICE", patchMember(member, new JsonObject().put("mute", true), owner).errorCode());
        try (GatewayClient a = session(owner)) {
            joinVoice(a, lounge);
            stateOf(a, owner);
            assertEquals("MISSING_PERMISSIONS", patchMember(owner, new JsonObject().put("deaf", true), member)
                    .errorCode(), "deafening needs DEAFEN_MEMBERS");
            assertEquals("MISSING_PERMISSIONS", patchMember(owner, new JsonObject().put("channel_id", stage), member)
                    .errorCode(), "moving needs MOVE_MEMBERS");
            assertEquals("INVALID_FORM_BODY", patchMember(owner, new JsonObject().put("channel_id",
                    guild.generalChannelId()), owner).errorCode(), "a text channel is no voice channel");
            assertEquals("INVALID_FORM_BODY", patchMember(owner, new JsonObject().put("mute", "yes"), owner)
                    .errorCode());
        }
    }

    /** The next GUILD_MEMBER_UPDATE of {@code account} on {@code session} (generous: it trails the write). */
    private static JsonObject memberUpdate(GatewayClient session, Account account) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            JsonObject payload = session.next(deadline - System.currentTimeMillis());
            if (payload != null && "GUILD_MEMBER_UPDATE".equals(payload.getString("t"))
                    && payload.getJsonObject("d").getJsonObject("user").getString("id").equals(account.id())) {
                return payload.getJsonObject("d");
            }
        }
        throw new AssertionError("no GUILD_MEMBER_UPDATE of " + account.id());
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> publishable(JsonObject serverUpdate) {
        return (java.util.List<String>) com.auth0.jwt.JWT.decode(serverUpdate.getString("token")).getClaim("video")
                .asMap().get("canPublishSources");
    }

    @Test
    void aServerMuteBelongsToTheMemberAndHoldsAgainWhenTheyRejoin() {
        String member = API + "/guilds/" + guild.id() + "/members/" + this.member.id();
        try (GatewayClient a = session(owner); GatewayClient b = session(this.member)) {
            String firstSid = "PA_" + SIDS.incrementAndGet();
            JsonObject first = joinVoice(b, lounge, firstSid, Instant.now().getEpochSecond());
            stateOf(a, this.member);
            assertEquals(false, api.get(member, owner.token()).json().getBoolean("mute"));

            JsonObject reply = patchMember(this.member, new JsonObject().put("mute", true), owner).json();
            assertEquals(true, reply.getBoolean("mute"), "the PATCH answers the member as it is now");
            assertEquals(false, reply.getBoolean("deaf"));
            JsonObject update = memberUpdate(b, this.member);
            assertEquals(true, update.getBoolean("mute"));
            assertEquals(guild.id(), update.getString("guild_id"));
            assertEquals(true, api.get(member, owner.token()).json().getBoolean("mute"));
            assertEquals(true, stateOf(a, this.member).getBoolean("mute"));

            assertEquals(200, LiveKitWebhooks.forToken(parley.node().httpPort(), "participant_left", first, firstSid,
                    Instant.now().getEpochSecond() + 1));
            assertNull(stateOf(a, this.member).getString("channel_id"));
            assertEquals(true, api.get(member, owner.token()).json().getBoolean("mute"), "out of voice, still muted");
            assertTrue(api.get(API + "/guilds/" + guild.id() + "/members?limit=1000", owner.token()).jsonArray()
                    .stream().map(JsonObject.class::cast)
                    .filter(m -> m.getJsonObject("user").getString("id").equals(this.member.id()))
                    .allMatch(m -> m.getBoolean("mute")), "the member list says so too");

            JsonObject again = joinVoice(b, lounge, "PA_" + SIDS.incrementAndGet(), Instant.now().getEpochSecond() + 2);
            assertTrue(!publishable(again).contains("microphone"), "the new token leaves out the microphone");
            assertTrue(publishable(again).contains("camera"));
            JsonObject rejoined = stateOf(a, this.member);
            assertEquals(lounge, rejoined.getString("channel_id"));
            assertEquals(true, rejoined.getBoolean("mute"));
            String who = identity(this.member, again);
            assertTrue(!update(livekit.await("UpdateParticipant", c -> update(c).getIdentity().equals(who)))
                    .getPermission().getCanPublishSourcesList().contains(TrackSource.MICROPHONE), "LiveKit told");

            JsonObject unmuted = patchMember(this.member, new JsonObject().put("mute", false), owner).json();
            assertEquals(false, unmuted.getBoolean("mute"));
            assertEquals(false, memberUpdate(b, this.member).getBoolean("mute"));
            assertEquals(false, api.get(member, owner.token()).json().getBoolean("mute"));
            livekit.await("UpdateParticipant", c -> update(c).getIdentity().equals(who)
                    && update(c).getPermission().getCanPublishSourcesList().contains(TrackSource.MICROPHONE));
        }
    }
}
