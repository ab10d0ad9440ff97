package io.parley.http;

import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Without http.cors_origins no CORS header is sent: a preflight is an OPTIONS no route has. */
@ExtendWith(SharedParley.class)
class CorsOffByDefaultTest {
    @Test
    void aPreflightGetsNoAllowOrigin(TestParley parley) throws Exception {
        HttpResponse<String> reply = CorsTest.preflight("http://127.0.0.1:" + parley.node().httpPort(),
                "https://app.example.org");
        assertEquals(405, reply.statusCode());
        assertEquals(Optional.empty(), reply.headers().firstValue("Access-Control-Allow-Origin"));
    }
}
