package io.parley.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Open model: {@code rate} users/s for {@code duration} seconds, each making one REST call drawn
 * from a mix of history pages (40 %), member lists (20 %), reactions added and removed (20 %),
 * message search (15 %) and a slowmode probe (5 %) that must be refused with 429. Every 429 of
 * any request must carry Retry-After and the X-RateLimit-* headers. Asserts per-request p99s
 * and that nothing failed.
 * <p>
 * {@code -Dsearch=auto} (default) accepts 200, 202 (still indexing) and 404 (search not built
 * on that server) from search; {@code required} accepts 200 and 202 only; {@code off} drops it
 * from the mix.
 */
public class RestMix extends Simulation {
    private static final String THUMBS_UP = "%F0%9F%91%8D";

    private final double rate = Params.decimal("rate", 50);
    private final Duration duration = Params.seconds("duration", 30);
    private final int members = Params.integer("members", 20);
    private final int messages = Params.integer("messages", 200);
    private final String search = Params.string("search", "auto");
    private final int readP99 = Params.integer("readP99Ms", 100);
    private final int writeP99 = Params.integer("writeP99Ms", 200);

    {
        Provisioning.Fixture fixture = Provisioning.guildWithMembers(members);
        String guild = fixture.guildId();
        String channel = fixture.channelId();
        String slow = Provisioning.createChannel(guild, fixture.ownerToken(), "slowmode", 0, 600);
        List<Map<String, Object>> messageIds = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            String id = Api.ok("POST", "/channels/" + channel + "/messages",
                    Api.object().put("content", "history " + i + " searchable"), fixture.ownerToken()).get("id").asText();
            messageIds.add(Map.of("messageId", id));
        }
        List<Map<String, Object>> tokens = fixture.memberTokens().stream()
                .map(token -> Map.<String, Object>of("token", token)).toList();

        List<Choice.WithWeight> mix = new ArrayList<>(List.of(
                new Choice.WithWeight(40, exec(http("history page")
                        .get(Params.API + "/channels/" + channel + "/messages?limit=50&before=#{messageId}")
                        .header("Authorization", "#{token}").check(status().is(200)))),
                new Choice.WithWeight(20, exec(http("member list")
                        .get(Params.API + "/guilds/" + guild + "/members?limit=100")
                        .header("Authorization", "#{token}").check(status().is(200)))),
                new Choice.WithWeight(20, reactions(channel)),
                new Choice.WithWeight(5, exec(http("slowmode probe")
                        .post(Params.API + "/channels/" + slow + "/messages").header("Authorization", "#{token}")
                        .body(StringBody("{\"content\":\"slow\"}")).asJson().check(status().in(200, 429)))
                        .exec(http("slowmode 429")
                                .post(Params.API + "/channels/" + slow + "/messages").header("Authorization", "#{token}")
                                .body(StringBody("{\"content\":\"slow\"}")).asJson().check(status().is(429))))));
        if (!search.equals("off")) {
            Integer[] accepted = search.equals("required") ? new Integer[] {200, 202} : new Integer[] {200, 202, 404};
            mix.add(new Choice.WithWeight(15, exec(http("search")
                    .get(Params.API + "/guilds/" + guild + "/messages/search?content=searchable")
                    .header("Authorization", "#{token}").check(status().in(List.of(accepted))))));
        }

        ScenarioBuilder users = scenario("REST users")
                .feed(listFeeder(tokens).random())
                .feed(listFeeder(messageIds).random())
                .exec(randomSwitch().on(mix));

        setUp(users.injectOpen(constantUsersPerSec(rate).during(duration)))
                .protocols(protocolWithRateLimitChecks())
                .maxDuration(duration.plus(Duration.ofSeconds(60)))
                .assertions(
                        details("history page").responseTime().percentile(99.0).lte(readP99),
                        details("member list").responseTime().percentile(99.0).lte(readP99),
                        details("add reaction").responseTime().percentile(99.0).lte(writeP99),
                        details("remove reaction").responseTime().percentile(99.0).lte(writeP99),
                        details("slowmode 429").successfulRequests().percent().is(100.0),
                        global().failedRequests().count().is(0L));
    }

    private static ChainBuilder reactions(String channel) {
        String path = Params.API + "/channels/" + channel + "/messages/#{messageId}/reactions/" + THUMBS_UP + "/@me";
        return exec(http("add reaction").put(path).header("Authorization", "#{token}").check(status().in(204, 429)))
                .exec(http("remove reaction").delete(path).header("Authorization", "#{token}").check(status().in(204, 429)));
    }

    /** Any 429, from any route, must tell the client when to retry (API.md "Rate limits"). */
    private static HttpProtocolBuilder protocolWithRateLimitChecks() {
        return Gateway.protocol()
                .checkIf((response, session) -> response.status().code() == 429)
                .then(header("Retry-After").exists(), header("X-RateLimit-Limit").exists(),
                        header("X-RateLimit-Remaining").exists(), header("X-RateLimit-Reset").exists(),
                        header("X-RateLimit-Reset-After").exists(), header("X-RateLimit-Bucket").exists());
    }
}
