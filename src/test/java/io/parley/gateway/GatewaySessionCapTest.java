package io.parley.gateway;

import io.parley.testing.ApiClient.Account;
import io.parley.testing.GatewayClient;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The per-user session cap holds when IDENTIFYs arrive in parallel (cap lowered to 10 to keep it quick). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewaySessionCapTest {
    private static final String Q = "v=10&encoding=json";
    private static final int CAP = 10;
    private TestParley parley;

    @BeforeAll
    void start() throws Exception {
        parley = TestParley.start(Files.createTempDirectory("parley-gw-cap-"), Map.of(
                "gateway.sessions_per_user", Integer.toString(CAP),
                "gateway.identify_per_ip", "100000/1m",
                "gateway.identify_per_user", "100000/24h"));
    }

    @AfterAll
    void stop() throws Exception {
        parley.close();
    }

    @Test
    void thirtyParallelIdentifiesGetExactlyTheCapOfReadys() {
        Account account = parley.client().register("correct horse battery");
        List<GatewayClient> clients = new ArrayList<>();
        try {
            List<SessionCapOutcome> outcomes = SessionCapOutcome.identifyInParallel(account.token(), 30,
                    () -> GatewayClient.connect(parley.node().httpPort(), Q), clients);
            assertEquals(CAP, outcomes.stream().filter(o -> o == SessionCapOutcome.READY).count(), outcomes.toString());
            assertEquals(30 - CAP, outcomes.stream().filter(o -> o == SessionCapOutcome.CLOSED_4008).count(),
                    outcomes.toString());

            GatewayClient ready = clients.get(outcomes.indexOf(SessionCapOutcome.READY));
            ready.close();
            awaitFreePlace(account.token());
        } finally {
            clients.forEach(GatewayClient::close);
        }
    }

    /** Once a session closes, its place is free again: an IDENTIFY gets READY. */
    private void awaitFreePlace(String token) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (GatewayClient next = GatewayClient.connect(parley.node().httpPort(), Q)) {
                next.next(5000);
                next.send(SessionCapOutcome.identify(token));
                if (SessionCapOutcome.of(next) == SessionCapOutcome.READY) {
                    return;
                }
            }
        }
        throw new AssertionError("no place freed after a session closed");
    }
}
