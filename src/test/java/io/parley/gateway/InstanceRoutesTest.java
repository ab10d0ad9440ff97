package io.parley.gateway;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Reply;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The discovery document a Fluxer client reads before anything else, without a token. */
@ExtendWith(SharedParley.class)
class InstanceRoutesTest {
    @Test
    void instanceNamesTheApiGatewayAndMediaOfThisServer(TestParley parley) {
        ApiClient api = parley.client();
        String origin = "http://127.0.0.1:" + parley.node().httpPort();
        for (String base : new String[]{"/api/v1", "/v1", "/api/v10"}) {
            Reply reply = api.get(base + "/instance", null);
            assertEquals(200, reply.status(), base + ": " + reply.body());
            JsonObject endpoints = reply.json().getJsonObject("endpoints");
            assertEquals(origin + "/api", endpoints.getString("api"));
            assertEquals(api.get(base + "/gateway", null).json().getString("url"), endpoints.getString("gateway"),
                    "the same gateway URL as GET /gateway");
            assertEquals(origin, endpoints.getString("media"));
            assertEquals(origin, endpoints.getString("static_cdn"));
            JsonObject features = reply.json().getJsonObject("features");
            assertEquals(true, features.getBoolean("self_hosted"));
            assertEquals(false, features.getBoolean("stripe_enabled"));
            assertEquals(1, reply.json().getInteger("api_code_version"));
        }
    }

    @Test
    void theWellKnownPathServesTheSameDocument(TestParley parley) {
        ApiClient api = parley.client();
        Reply wellKnown = api.get("/.well-known/fluxer", null);
        assertEquals(200, wellKnown.status(), wellKnown.body());
        assertEquals(api.get("/api/v1/instance", null).json(), wellKnown.json());
    }

    @Test
    void theHttpOriginFollowsAPublicGatewayUrl() {
        assertEquals("https://chat.example.org", InstanceRoutes.origin("wss://chat.example.org/gateway"));
        assertEquals("http://10.0.0.5:8080", InstanceRoutes.origin("ws://10.0.0.5:8080/gateway"));
    }
}
