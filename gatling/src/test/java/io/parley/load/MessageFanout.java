package io.parley.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.http.HttpDsl.ws;

/**
 * Open model: senders POST messages to one channel at {@code rate}/s for {@code duration}
 * seconds while {@code listeners} gateway sessions in the guild check that every MESSAGE_CREATE
 * arrives. Each delivery's time from the POST's start to the frame's arrival is logged as the
 * request "MESSAGE_CREATE delivery"; a message a listener never gets is a failed one.
 * Asserts the delivery p99, the delivery success ratio and the POST p99.
 */
public class MessageFanout extends Simulation {
    private static final String LISTENERS = "listeners";

    private final int listeners = Params.integer("listeners", 10);
    private final int senders = Params.integer("senders", 10);
    private final double rate = Params.decimal("rate", 100);
    private final Duration warmup = Params.seconds("warmup", 5);
    private final Duration duration = Params.seconds("duration", 30);
    private final Duration drain = Params.seconds("drain", 10);
    private final Duration heartbeat = Params.seconds("heartbeat", 10);
    private final int deliveryP99 = Params.integer("deliveryP99Ms", 50);
    private final int postP99 = Params.integer("postP99Ms", 200);
    private final double successPercent = Params.decimal("successPercent", 99.9);

    private final FanoutLedger ledger = new FanoutLedger(LISTENERS);
    private final AtomicLong listenStart = new AtomicLong();

    {
        Provisioning.Fixture fixture = Provisioning.guildWithMembers(listeners + senders);
        List<String> members = fixture.memberTokens();
        List<Map<String, Object>> listenerTokens = members.subList(0, listeners).stream()
                .map(token -> Map.<String, Object>of("token", token)).toList();
        List<Map<String, Object>> senderTokens = members.subList(listeners, members.size()).stream()
                .map(token -> Map.<String, Object>of("token", token)).toList();

        ScenarioBuilder listen = scenario(LISTENERS)
                .exec(Stats.capture())
                .feed(listFeeder(listenerTokens).queue())
                .exec(session -> {
                    listenStart.compareAndSet(0, System.currentTimeMillis());
                    return session;
                })
                .exec(Gateway.connect())
                .exec(Gateway.identify())
                .exec(session -> session.set("listener", ledger.listener()).set("lastBeat", System.currentTimeMillis()))
                .exec(asLongAs(this::keepListening).on(
                        pause(Duration.ofMillis(200)),
                        exec(ws.processUnmatchedMessages((frames, session) -> {
                            listener(session).take(frames);
                            return session;
                        })),
                        doIf(this::heartbeatDue).then(exec(Gateway.heartbeat())
                                .exec(session -> session.set("lastBeat", System.currentTimeMillis())))))
                .exec(ws.processUnmatchedMessages((frames, session) -> {
                    listener(session).take(frames);
                    return session;
                }))
                .exec(session -> {
                    FanoutLedger.Listener listener = listener(session);
                    int missing = listener.reportMissing();
                    Provisioning.log("listener: %d deliveries, %d missing", listener.deliveries(), missing);
                    return session;
                })
                .exec(ws("close").close());

        ScenarioBuilder send = scenario("senders")
                .feed(listFeeder(senderTokens).circular())
                .exec(session -> session.set("messageId", ledger.beginSend()))
                .exec(http("POST message").post(Params.API + "/channels/" + fixture.channelId() + "/messages")
                        .header("Authorization", "#{token}")
                        .body(StringBody("{\"content\":\"fanout #{messageId}\",\"nonce\":\"#{messageId}\"}")).asJson()
                        .check(status().is(200)))
                .exec(session -> {
                    ledger.endSend(session.getLong("messageId"), !session.isFailed());
                    return session;
                });

        setUp(listen.injectOpen(atOnceUsers(listeners)),
                send.injectOpen(nothingFor(warmup), constantUsersPerSec(rate).during(duration)))
                .protocols(Gateway.protocol())
                .maxDuration(warmup.plus(duration).plus(drain).plus(Duration.ofSeconds(60)))
                .assertions(
                        details(FanoutLedger.DELIVERY).responseTime().percentile(99.0).lte(deliveryP99),
                        details(FanoutLedger.DELIVERY).successfulRequests().percent().gte(successPercent),
                        details(FanoutLedger.DELIVERY).successfulRequests().count().gte((long) (listeners * rate
                                * duration.toMillis() / 1000 * successPercent / 100)),
                        details("POST message").responseTime().percentile(99.0).lte(postP99),
                        details("POST message").successfulRequests().percent().gte(successPercent),
                        details("READY").failedRequests().count().is(0L));
    }

    private static FanoutLedger.Listener listener(Session session) {
        return (FanoutLedger.Listener) session.get("listener");
    }

    /** Listen until the send phase and the drain time are over, or earlier once nothing is outstanding. */
    private boolean keepListening(Session session) {
        long sendPhaseEnd = listenStart.get() + warmup.toMillis() + duration.toMillis();
        long now = System.currentTimeMillis();
        if (now < sendPhaseEnd + 1000) {
            return true;
        }
        if (now > sendPhaseEnd + drain.toMillis()) {
            return false;
        }
        return ledger.sendsInFlight() || listener(session).waiting();
    }

    private boolean heartbeatDue(Session session) {
        return System.currentTimeMillis() - session.getLong("lastBeat") >= heartbeat.toMillis();
    }
}
