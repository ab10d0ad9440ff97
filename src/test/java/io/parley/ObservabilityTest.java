package io.parley;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.GatewayClient;
import io.parley.testing.Guilds;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /metrics after some traffic: command latency by type, projection lag, dispatches, pools. */
@ExtendWith(SharedParley.class)
class ObservabilityTest {

    @Test
    void metricsCoverCommandsProjectionsDispatchesAndPools(TestParley parley) throws Exception {
        ApiClient api = parley.client();
        Account owner = api.register("correct horse battery");
        var guild = Guilds.create(api, owner, "Observed");
        try (GatewayClient gateway = GatewayClient.connect(parley.node().httpPort(), "v=10&encoding=json")) {
            gateway.identify(owner.token(), 1 << 9);
            assertEquals(200, api.post(API + "/channels/" + guild.generalChannelId() + "/messages",
                    new JsonObject().put("content", "counted"), owner.token()).status());
            gateway.dispatch("MESSAGE_CREATE");
        }
        Thread.sleep(1500); // the event log head is sampled every second

        String metrics = api.get("/metrics", null).body();
        assertTrue(value(metrics, "parley_command_seconds_count\\{command=\"PostMessage\",outcome=\"success\"\\}") >= 1,
                "command latency per command type");
        assertTrue(value(metrics, "parley_command_seconds_count\\{command=\"RegisterAccount\",outcome=\"success\"\\}") >= 1);
        assertTrue(value(metrics, "parley_gateway_dispatches_total") >= 2, "READY and MESSAGE_CREATE at least");
        assertTrue(value(metrics, "parley_event_log_head") > 0);
        double lag = value(metrics, "parley_projection_lag_events\\{processor=\"messages\"\\}");
        assertTrue(lag >= 0, "the messages projection reports its lag: " + lag);
        assertTrue(value(metrics, "hikaricp_connections_max\\{pool=\"parley-jdbc\"\\}") > 0, "the JDBC pool");
        assertTrue(metrics.contains("vertx_pool_"), "the reactive pool");
    }

    private static double value(String metrics, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
        assertTrue(matcher.find(), "no series " + series);
        return Double.parseDouble(matcher.group(1));
    }
}
