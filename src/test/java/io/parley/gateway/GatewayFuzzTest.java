package io.parley.gateway;

import io.parley.gateway.GatewayFuzzFrames.Frame;
import io.parley.gateway.GatewayFuzzFrames.Kind;
import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.GatewayClient;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.parley.testing.ApiClient.API;

/**
 * Random client frames against a real gateway: JSON of any shape, every field of every opcode
 * with a wrong type or forbidden text, binary garbage, oversized and truncated frames. Each
 * connection must end with the documented close code for its frame (4002 for the malformed
 * kinds, any documented code but 4000 for random JSON) or stay open and answer a heartbeat;
 * afterwards a fresh client still identifies and receives a message. jqwik prints the seed
 * (rerun one with {@code @Property(seed = "...")}); 150 tries keep the property itself around 20 s on a loaded machine.
 */
class GatewayFuzzTest {
    private static final String Q = "v=10&encoding=json";
    private static final Set<Short> DOCUMENTED = Set.of((short) 4001, (short) 4002, (short) 4003, (short) 4004,
            (short) 4005, (short) 4007, (short) 4008, (short) 4009, (short) 4010, (short) 4011, (short) 4012,
            (short) 4013, (short) 4014);
    private static TestParley parley;
    private static Account account;

    @BeforeContainer
    static void start() throws Exception {
        parley = TestParley.start(Files.createTempDirectory("parley-gw-fuzz-"), Map.of(
                "gateway.identify_per_ip", "100000/1m", "gateway.identify_per_user", "100000/24h",
                "gateway.sessions_per_user", "1000"));
        account = parley.client().register("correct horse battery");
    }

    @AfterContainer
    static void stop() throws Exception {
        if (parley != null) {
            parley.close();
        }
    }

    @Provide
    Arbitrary<Frame> frames() {
        return GatewayFuzzFrames.any();
    }

    @Provide
    Arbitrary<List<Frame>> validPrefixes() {
        return GatewayFuzzFrames.heartbeat().list().ofMaxSize(2);
    }

    @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED)
    void everyFrameEndsWithItsDocumentedCloseCodeOrLeavesTheConnectionHealthy(
            @ForAll boolean identified, @ForAll("validPrefixes") List<Frame> prefix, @ForAll("frames") Frame frame) {
        try (GatewayClient client = GatewayClient.connect(parley.node().httpPort(), Q)) {
            check(client.next(5000) != null, "HELLO");
            if (identified) {
                client.identify(account.token(), 1);
            }
            prefix.forEach(p -> client.sendRaw(p.text()));
            if (frame.binary() != null) {
                client.sendBinary(frame.binary());
            } else {
                client.sendRaw(frame.text());
            }
            Short expected = switch (frame.kind()) {
                case HEARTBEAT -> null;
                case NEEDS_SESSION -> identified ? null : (short) 4003;
                case WRONG_TYPE, BINARY, OVERSIZED, TRUNCATED -> (short) 4002;
                case RANDOM_JSON -> -1;
            };
            if (expected == null) {
                check(answersHeartbeat(client), "still open and answering heartbeats after " + frame
                        + ", closed with " + client.awaitClose(0) + " " + client.closeReason());
            } else if (expected == -1) {
                boolean healthy = answersHeartbeat(client);
                Short code = client.awaitClose(0);
                check(healthy && !client.isClosed() || code != null && DOCUMENTED.contains(code),
                        frame + " gave " + code + " " + client.closeReason());
            } else {
                Short code = client.awaitClose(10_000);
                check(expected.equals(code), frame + ": expected " + expected + ", got " + code + " "
                        + client.closeReason());
            }
        }
    }

    /** After the fuzz: the node still serves a fresh client end to end. */
    @AfterProperty
    void theNodeIsStillHealthy() {
        ApiClient api = parley.client();
        Account owner = api.register("correct horse battery");
        Guild guild = Guilds.create(api, owner, "After the fuzz");
        try (GatewayClient client = GatewayClient.connect(parley.node().httpPort(), Q)) {
            client.next(5000);
            client.identify(owner.token(), 1 | (1 << 9));
            client.dispatch("GUILD_CREATE");
            String id = api.post(API + "/channels/" + guild.generalChannelId() + "/messages",
                    new JsonObject().put("content", "still here"), owner.token()).json().getString("id");
            check(id.equals(client.dispatch("MESSAGE_CREATE").getJsonObject("d").getString("id")), "MESSAGE_CREATE");
        }
    }

    /** A heartbeat is answered with op 11 (other payloads, such as dispatches, are skipped). */
    private static boolean answersHeartbeat(GatewayClient client) {
        client.sendRaw("{\"op\":1,\"d\":null}");
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && !client.isClosed()) {
            JsonObject payload = client.next(200);
            if (payload != null && payload.getInteger("op") == 11) {
                return true;
            }
        }
        return false;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
