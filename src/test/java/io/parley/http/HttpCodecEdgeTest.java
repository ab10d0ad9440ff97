package io.parley.http;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.Guilds;
import io.parley.testing.RawHttp;
import io.parley.testing.RawHttp.Answer;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP below the API layer (issue #16 item 9): what the codec refuses still gets the API's error format. */
@ExtendWith(SharedParley.class)
class HttpCodecEdgeTest {
    private static final int WAIT_MS = 15_000;
    private ApiClient api;
    private String base;

    @BeforeEach
    void connect(TestParley parley) {
        api = parley.client();
        base = api.base();
    }

    @Test
    void aTooLongRequestLineIsAJson414() throws Exception {
        Answer answer = RawHttp.exchange(base, "GET " + API + "/users/@me?q=" + "a".repeat(20_000)
                + " HTTP/1.1\r\nHost: x\r\n\r\n", WAIT_MS);
        assertError(answer, 414, "URI_TOO_LONG");
    }

    @Test
    void aClientAskingForAnH2cUpgradeGetsTheSameJson414() {
        ApiClient.Reply reply = api.get(API + "/users/@me?q=" + "%00".repeat(7_000), null);
        assertEquals(414, reply.status(), reply.body());
        assertEquals("URI_TOO_LONG", reply.errorCode());
    }

    @Test
    void tooLargeHeadersAreAJson431() throws Exception {
        Answer answer = RawHttp.exchange(base, "GET " + API + "/users/@me HTTP/1.1\r\nHost: x\r\nX-Big: "
                + "b".repeat(20_000) + "\r\n\r\n", WAIT_MS);
        assertError(answer, 431, "HEADERS_TOO_LARGE");
    }

    @Test
    void garbageIsAJson400() throws Exception {
        Answer answer = RawHttp.exchange(base, "GET " + API + "/users/@me HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n",
                WAIT_MS);
        assertError(answer, 400, "MALFORMED_REQUEST");
    }

    @Test
    void contentLengthWithTransferEncodingIsRefused() throws Exception {
        String body = "{\"login\":\"a\",\"password\":\"b\"}";
        String chunked = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
        Answer answer = RawHttp.exchange(base, "POST " + API + "/auth/login HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + chunked.length() + "\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + chunked, WAIT_MS);
        assertError(answer, 400, "MALFORMED_REQUEST");
    }

    @Test
    void brokenPercentEncodingIsAClientError() throws Exception {
        Answer query = RawHttp.exchange(base, "GET " + API + "/users/@me?content=%ZZ HTTP/1.1\r\nHost: x\r\n\r\n", WAIT_MS);
        assertError(query, 400, "INVALID_FORM_BODY");
        assertEquals("content", query.json().getJsonArray("errors").getJsonObject(0).getString("path"));
        Answer path = RawHttp.exchange(base, "GET " + API + "/invites/%ZZ HTTP/1.1\r\nHost: x\r\n\r\n", WAIT_MS);
        assertTrue(path.status() >= 400 && path.status() < 500, path.toString());
        assertTrue(path.json().getString("code") != null, path.toString());
    }

    @Test
    void aSearchOf460CjkCharactersFitsTheRequestLine() {
        Account owner = api.register("correct horse battery");
        Guilds.Guild guild = Guilds.create(api, owner, "cjk");
        String words = "漢字".repeat(230);
        String encoded = URLEncoder.encode(words, StandardCharsets.UTF_8);
        assertTrue(encoded.length() > 4096, "longer than Vert.x's default request line");
        ApiClient.Reply reply = api.get(API + "/guilds/" + guild.id() + "/messages/search?content=" + encoded, owner.token());
        assertEquals(200, reply.status(), reply.body());
        assertEquals(0, reply.json().getInteger("total_results"));
    }

    private static void assertError(Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.toString());
        assertTrue(answer.headers().contains("content-type: application/json"), answer.headers());
        assertEquals(code, new JsonObject(answer.body()).getString("code"), answer.body());
    }
}
