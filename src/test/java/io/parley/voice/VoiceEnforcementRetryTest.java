package io.parley.voice;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.GatewayClient;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitRoom.RoomParticipantIdentity;
import livekit.LivekitRoom.UpdateParticipantRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Moderation during a LiveKit blip: the {@link FakeLiveKit} answers the first RoomService calls
 * with 503, and the enforcer's retries still get the member muted or removed, unless the state
 * has moved on by then. Deadlines are generous: retries back off (0.5 s, 1 s, 2 s, ...).
 */
@ExtendWith(VoiceParley.class)
class VoiceEnforcementRetryTest {
    private static final AtomicInteger SIDS = new AtomicInteger();

    private FakeLiveKit livekit;
    private TestParley parley;
    private ApiClient api;
    private Account owner;
    private Account member;
    private Guild guild;
    private String lounge;

    @BeforeEach
    void setUp(VoiceParley.Server server) {
        parley = server.parley();
        livekit = server.livekit();
        api = parley.client();
        owner = api.register("correct horse battery");
        member = api.register("correct horse battery");
        guild = Guilds.create(api, owner, "Voice retries");
        Guilds.join(api, member, guild, owner);
        lounge = api.post(API + "/guilds/" + guild.id() + "/channels", new JsonObject().put("name", "Lounge")
                .put("type", 2), owner.token()).json().getString("id");
    }

    @AfterEach
    void endTheBlip() {
        livekit.failNext("UpdateParticipant", 0);
        livekit.failNext("RemoveParticipant", 0);
    }

    private GatewayClient session(Account account) {
        return VoiceParley.voiceSession(parley, account.token());
    }

    /** op 4 and LiveKit's participant_joined as {@code sid}; the identity once the join is recorded. */
    private String joinVoice(GatewayClient session, String sid) {
        JsonObject server = VoiceParley.joinVoice(parley, session, guild.id(), lounge, sid,
                Instant.now().getEpochSecond(), owner.token());
        lastServerUpdate = server;
        return "user_" + member.id() + "_" + server.getString("connection_id");
    }

    private JsonObject lastServerUpdate;

    private String room() {
        return "guild_" + guild.id() + "_channel_" + lounge;
    }

    private ApiClient.Reply patchMember(JsonObject body) {
        return api.patch(API + "/guilds/" + guild.id() + "/members/" + member.id(), body, owner.token());
    }

    private List<FakeLiveKit.Call> callsFor(String method, String identity) {
        return livekit.calls.stream().filter(c -> c.method().equals(method))
                .filter(c -> identityOf(c).equals(identity)).toList();
    }

    private static String identityOf(FakeLiveKit.Call call) {
        try {
            return call.method().equals("UpdateParticipant") ? UpdateParticipantRequest.parseFrom(call.body()).getIdentity()
                    : call.method().equals("RemoveParticipant") ? RoomParticipantIdentity.parseFrom(call.body()).getIdentity()
                    : "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static UpdateParticipantRequest update(FakeLiveKit.Call call) {
        try {
            return UpdateParticipantRequest.parseFrom(call.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value of /metrics: {@code parley_voice_enforcement_calls_total} of that outcome, or the pending gauge. */
    private double metric(String outcome) {
        String body = api.get("/metrics", null).body();
        Matcher m = Pattern.compile(outcome == null ? "(?m)^parley_voice_enforcement_pending(?:\\{[^}]*})? (\\S+)"
                : "(?m)^parley_voice_enforcement_calls_total\\{outcome=\"" + outcome + "\"[^}]*} (\\S+)").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static void eventually(String what, BooleanSupplier done) {
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            if (done.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("never: " + what);
    }

    @Test
    void aMuteThatLiveKitRefusedReachesItOnRetry() {
        try (GatewayClient b = session(member)) {
            String who = joinVoice(b, "PA_R" + SIDS.incrementAndGet());
            double recovered = metric("recovered");
            double failed = metric("failed");
            livekit.failNext("UpdateParticipant", 2);

            assertEquals(200, patchMember(new JsonObject().put("mute", true)).status());
            FakeLiveKit.Call pushed = livekit.await("UpdateParticipant",
                    c -> c.status() == 200 && identityOf(c).equals(who));
            assertTrue(!update(pushed).getPermission().getCanPublishSourcesList().contains(TrackSource.MICROPHONE));
            assertTrue(callsFor("UpdateParticipant", who).stream().anyMatch(c -> c.status() == 503),
                    "refused first");
            eventually("the recovery is counted", () -> metric("recovered") >= recovered + 1);
            assertTrue(metric("failed") >= failed + 1);
        }
    }

    @Test
    void aDisconnectDuringABlipRemovesTheParticipantOnRetry() {
        try (GatewayClient b = session(member)) {
            String who = joinVoice(b, "PA_R" + SIDS.incrementAndGet());
            livekit.participants.put(room(), List.of(who));
            livekit.failNext("RemoveParticipant", 2);
            try {
                assertEquals(200, patchMember(new JsonObject().putNull("channel_id")).status());
                livekit.await("RemoveParticipant", c -> c.status() == 200 && identityOf(c).equals(who));
                assertTrue(callsFor("RemoveParticipant", who).stream().anyMatch(c -> c.status() == 503), "refused first");
            } finally {
                livekit.participants.remove(room());
            }
        }
    }

    @Test
    void aRetryThatTheMemberLeavingMadeMootIsNotSent() {
        try (GatewayClient b = session(member)) {
            String sid = "PA_R" + SIDS.incrementAndGet();
            String who = joinVoice(b, sid);
            double obsolete = metric("obsolete");
            double givenUp = metric("given_up");
            livekit.failNext("UpdateParticipant", 1_000_000);

            assertEquals(200, patchMember(new JsonObject().put("mute", true)).status());
            livekit.await("UpdateParticipant", c -> c.status() == 503 && identityOf(c).equals(who));
            assertEquals(200, LiveKitWebhooks.forToken(parley.node().httpPort(), "participant_left", lastServerUpdate,
                    sid, Instant.now().getEpochSecond() + 1));
            eventually("the voice state is gone", this::memberOutOfVoice);
            livekit.failNext("UpdateParticipant", 0); // from now on a retry would go through: none may be sent

            eventually("the retry is dropped", () -> metric("obsolete") >= obsolete + 1 && metric(null) == 0);
            assertEquals(List.of(), callsFor("UpdateParticipant", who).stream().filter(c -> c.status() == 200).toList(),
                    "no update for a participant who has left");
            assertEquals(givenUp, metric("given_up"), "dropped, not given up");
        }
    }

    private boolean memberOutOfVoice() {
        try (GatewayClient viewer = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json")) {
            viewer.next(5000);
            viewer.identify(owner.token(), VoiceParley.GUILDS_AND_VOICE);
            JsonArray states = viewer.dispatch("GUILD_CREATE").getJsonObject("d").getJsonArray("voice_states");
            return states.stream().map(JsonObject.class::cast).noneMatch(s -> s.getString("user_id").equals(member.id()));
        }
    }
}
