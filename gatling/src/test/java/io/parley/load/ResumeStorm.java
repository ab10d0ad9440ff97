package io.parley.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.http.HttpDsl.ws;

/**
 * {@code users} sessions identify and listen while a sender posts {@code rate} messages/s to their
 * guild; at one instant ({@code settle} seconds after the start) every socket is closed (code
 * 4000, which keeps the session resumable), messages keep coming for {@code outage} seconds,
 * then every session reconnects and RESUMEs. Asserts that every RESUME got RESUMED and that each
 * session's sequence numbers have no gap or repeat from READY to the end ("sequence continuity").
 * A session waits for RESUMED up to {@code gatewayTimeout} seconds, and then listens {@code after}
 * seconds more at least; a session that never got READY fails both checks.
 */
public class ResumeStorm extends Simulation {
    private static final String SESSIONS = "resuming sessions";
    private static final String CONTINUITY = "sequence continuity";
    private static final String RESUMED = "RESUME → RESUMED";

    private final int users = Params.integer("users", 100);
    private final double rate = Params.decimal("rate", 20);
    private final Duration settle = Params.seconds("settle", 10);
    private final Duration outage = Params.seconds("outage", 2);
    private final Duration after = Params.seconds("after", 5);
    private final int resumeP99 = Params.integer("resumeP99Ms", 1000);
    private volatile long dropAt;

    {
        Provisioning.Fixture fixture = Provisioning.guildWithMembers(
                Provisioning.accountsFor(users, Params.integer("sessionsPerAccount", 50)));
        List<Map<String, Object>> tokens = fixture.memberTokens().stream()
                .map(token -> Map.<String, Object>of("token", token)).toList();

        ScenarioBuilder sessions = scenario(SESSIONS)
                .exec(Stats.capture())
                .feed(listFeeder(tokens).circular())
                .exec(session -> {
                    synchronized (this) {
                        if (dropAt == 0) {
                            dropAt = System.currentTimeMillis() + settle.toMillis();
                        }
                    }
                    return session;
                })
                .exec(Gateway.connect())
                .exec(Gateway.identify())
                .exec(doIf(Session::isFailed).then(exec(session -> {
                    long now = System.currentTimeMillis();
                    Stats.record(SESSIONS, RESUMED, now, now, false, "no READY: nothing to resume");
                    Stats.record(SESSIONS, CONTINUITY, now, now, false, "no READY: nothing to resume");
                    return session;
                })))
                .exitHereIfFailed()
                .exec(session -> session.set("tracker", new SequenceTracker(session.getLong("seq"))))
                .exec(listenWhile(session -> System.currentTimeMillis() < dropAt))
                .exec(ws("drop").close(4000, "resume storm"))
                .pause(outage)
                .exec(session -> session.set("seq", tracker(session).last()))
                .exec(Gateway.connect())
                .exec(Gateway.resume())
                .exec(session -> session.set("until", System.currentTimeMillis() + after.toMillis()))
                .exec(listenWhile(this::listeningAfterResume))
                .exec(session -> {
                    SequenceTracker tracker = tracker(session);
                    long sent = session.getLong("resumeSentAt");
                    long now = System.currentTimeMillis();
                    boolean resumed = tracker.resumedAt() > 0;
                    Stats.record(SESSIONS, RESUMED, sent, resumed ? tracker.resumedAt() : now, resumed,
                            tracker.problem() != null ? tracker.problem() : "no RESUMED within the listening time");
                    String problem = session.isFailed() ? "session failed" : tracker.problem();
                    Stats.record(SESSIONS, CONTINUITY, now, now, problem == null, problem);
                    return session;
                })
                .exec(ws("close").close());

        ScenarioBuilder traffic = scenario("traffic")
                .exec(session -> session.set("token", fixture.ownerToken()))
                .exec(http("POST message").post(Params.API + "/channels/" + fixture.channelId() + "/messages")
                        .header("Authorization", "#{token}")
                        .body(StringBody("{\"content\":\"storm traffic\"}")).asJson()
                        .check(status().is(200)));

        Duration total = settle.plus(outage).plus(after).plus(Duration.ofSeconds(5));
        setUp(sessions.injectOpen(atOnceUsers(users)),
                traffic.injectOpen(constantUsersPerSec(rate).during(total)))
                .protocols(Gateway.protocol())
                .maxDuration(total.plus(Duration.ofSeconds(60)))
                .assertions(
                        details(RESUMED).successfulRequests().count().is((long) users),
                        details(RESUMED).responseTime().percentile(99.0).lte(resumeP99),
                        details(CONTINUITY).successfulRequests().count().is((long) users),
                        global().failedRequests().count().is(0L));
    }

    /** For {@code after} seconds, and longer while RESUMED has not come (up to the gateway timeout). */
    private boolean listeningAfterResume(Session session) {
        long now = System.currentTimeMillis();
        boolean awaitingResumed = tracker(session).resumedAt() == 0 && tracker(session).problem() == null
                && now < session.getLong("resumeSentAt") + Gateway.TIMEOUT.toMillis();
        return now < session.getLong("until") || awaitingResumed;
    }

    private static SequenceTracker tracker(Session session) {
        return (SequenceTracker) session.get("tracker");
    }

    /** Reads the socket's frames into the tracker every 100 ms while {@code condition} holds (heartbeating as needed). */
    private static ChainBuilder listenWhile(java.util.function.Function<Session, Boolean> condition) {
        ChainBuilder read = exec(ws.processUnmatchedMessages((frames, session) -> {
            tracker(session).take(frames);
            return session;
        }));
        return exec(asLongAs(condition).on(pause(Duration.ofMillis(100)), read)).exec(read);
    }
}
