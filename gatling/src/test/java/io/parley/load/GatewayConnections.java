package io.parley.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ws;

/**
 * Closed model: ramps to {@code users} concurrent gateway sessions, each going HELLO → IDENTIFY →
 * READY, heartbeating every {@code heartbeat} seconds until it has lived {@code hold} seconds,
 * then closing; a finished session is replaced by a new one until {@code ramp + duration} ends.
 * Asserts READY's p99 and that no request failed (a socket the server closes makes the next
 * heartbeat fail, since reconnects are off).
 */
public class GatewayConnections extends Simulation {
    private final int users = Params.integer("users", 100);
    private final Duration ramp = Params.seconds("ramp", 10);
    private final Duration duration = Params.seconds("duration", 30);
    private final Duration hold = Params.seconds("hold", duration.toMillis() / 1000.0);
    private final Duration heartbeat = Params.seconds("heartbeat", 10);
    private final int readyP99 = Params.integer("readyP99Ms", 500);

    {
        Provisioning.Fixture fixture = Provisioning.guildWithMembers(
                Provisioning.accountsFor(users, Params.integer("sessionsPerAccount", 50)));
        List<Map<String, Object>> tokens = fixture.memberTokens().stream()
                .map(token -> Map.<String, Object>of("token", token)).toList();

        ScenarioBuilder sessions = scenario("gateway sessions")
                .feed(listFeeder(tokens).circular())
                .exec(Gateway.connect())
                .exec(Gateway.identify())
                .exec(during(hold).on(pause(heartbeat), exec(Gateway.heartbeatAcked())))
                .exec(ws("close").close());

        setUp(sessions.injectClosed(
                rampConcurrentUsers(0).to(users).during(ramp),
                constantConcurrentUsers(users).during(duration)))
                .protocols(Gateway.protocol())
                .maxDuration(ramp.plus(duration).plus(hold).plus(Duration.ofSeconds(60)))
                .assertions(
                        details("READY").responseTime().percentile(99.0).lte(readyP99),
                        details("READY").successfulRequests().count().gte((long) users),
                        global().failedRequests().count().is(0L));
    }
}
