package io.parley.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ws;

/**
 * REQUIRES VOICE (API.md "Voice": op 4 → VOICE_SERVER_UPDATE, a LiveKit-backed server); it
 * cannot pass against a Parley without voice and is not part of the smoke run.
 * <p>
 * {@code users} gateway sessions of guild members each join a voice channel with op 4 and wait
 * for VOICE_SERVER_UPDATE (timed as "VOICE_SERVER_UPDATE"), then leave (op 4 with channel_id
 * null), paced so that all of them together make {@code rate} joins/s for {@code duration}
 * seconds. A session may send 120 payloads a minute, so each joins at most once a second (two
 * payloads per join). Asserts the join p99 and that nothing failed.
 */
public class VoiceJoin extends Simulation {
    private final int users = Params.integer("users", 20);
    private final double rate = Params.decimal("rate", 10);
    private final Duration duration = Params.seconds("duration", 30);
    private final int joinP99 = Params.integer("joinP99Ms", 200);

    {
        Provisioning.Fixture fixture = Provisioning.guildWithMembers(
                Provisioning.accountsFor(users, Params.integer("sessionsPerAccount", 50)));
        String voiceChannel = Provisioning.createChannel(fixture.guildId(), fixture.ownerToken(), "voice load", 2, 0);
        List<Map<String, Object>> tokens = fixture.memberTokens().stream()
                .map(token -> Map.<String, Object>of("token", token)).toList();
        Duration pacing = Duration.ofMillis(Math.max(1100, Math.round(users * 1000 / rate)));
        String state = "{\"op\":4,\"d\":{\"guild_id\":\"" + fixture.guildId() + "\",\"channel_id\":%s,"
                + "\"self_mute\":false,\"self_deaf\":false,\"self_video\":false,\"self_stream\":false}}";

        ScenarioBuilder joiners = scenario("voice joiners")
                .feed(listFeeder(tokens).circular())
                .exec(Gateway.connect())
                .exec(Gateway.identify())
                .exec(during(duration).on(pace(pacing),
                        exec(ws("VOICE_STATE_UPDATE join").sendText(String.format(state, "\"" + voiceChannel + "\""))
                                .await(Gateway.TIMEOUT).on(ws.checkTextMessage("VOICE_SERVER_UPDATE")
                                        .matching(jsonPath("$.t").is("VOICE_SERVER_UPDATE"))
                                        .check(jsonPath("$.d.token").exists(), jsonPath("$.d.endpoint").exists()))),
                        exec(ws("VOICE_STATE_UPDATE leave").sendText(String.format(state, "null")))))
                .exec(ws("close").close());

        setUp(joiners.injectOpen(atOnceUsers(users)))
                .protocols(Gateway.protocol())
                .maxDuration(duration.plus(Duration.ofSeconds(60)))
                .assertions(
                        details("VOICE_SERVER_UPDATE").responseTime().percentile(99.0).lte(joinP99),
                        details("VOICE_SERVER_UPDATE").successfulRequests().count().gt(0L),
                        global().failedRequests().count().is(0L));
    }
}
