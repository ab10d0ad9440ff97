package io.parley.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.ws;

/**
 * Gateway steps the scenarios share: connect to HELLO, IDENTIFY to READY, RESUME to RESUMED.
 * Gatling logs a WebSocket send under the action's name (with no meaningful time) and the
 * awaited reply under the check's name, timed from the send: so "READY" is IDENTIFY → READY,
 * "RESUMED" is RESUME → RESUMED and "HELLO" is the connect → HELLO time.
 */
public final class Gateway {
    /** GUILDS | GUILD_MESSAGES | MESSAGE_CONTENT, what a chat client listening to a guild asks for. */
    public static final int INTENTS = 1 | 1 << 9 | 1 << 15;
    public static final String URL = Params.GATEWAY_URL + "?v=10&encoding=json";
    public static final Duration TIMEOUT = Params.seconds("gatewayTimeout", 10);

    private Gateway() {
    }

    /**
     * The HTTP protocol every simulation uses: no warm-up call to gatling.io (STACK.md §2e), one
     * connection pool shared by all virtual users (a user per message must not mean a TCP
     * connect per message), and no silent WebSocket reconnects: a socket the server closes fails
     * the next step instead of being replaced by a fresh, unidentified one.
     */
    public static HttpProtocolBuilder protocol() {
        return http.baseUrl(Params.BASE_URL)
                .disableWarmUp()
                .shareConnections()
                .maxConnectionsPerHost(Params.integer("connections", 64))
                .acceptHeader("application/json")
                .userAgentHeader("parley-gatling")
                .wsMaxReconnects(0)
                .wsUnmatchedInboundMessageBufferSize(Params.integer("wsBuffer", 200_000));
    }

    /** Connects (session attribute {@code token} must hold the account's token) and waits for HELLO. */
    public static ChainBuilder connect() {
        return exec(ws("connect").connect(URL).await(TIMEOUT).on(
                ws.checkTextMessage("HELLO").matching(jsonPath("$.op").ofInt().is(10))
                        .check(jsonPath("$.d.heartbeat_interval").ofInt().saveAs("heartbeatInterval"))));
    }

    /** IDENTIFY, timed until READY; saves {@code sessionId} and {@code seq} (READY's sequence number). */
    public static ChainBuilder identify() {
        return exec(ws("IDENTIFY").sendText(
                "{\"op\":2,\"d\":{\"token\":\"#{token}\",\"intents\":" + INTENTS
                        + ",\"properties\":{\"os\":\"linux\",\"browser\":\"parley-gatling\",\"device\":\"parley-gatling\"}}}")
                .await(TIMEOUT).on(ws.checkTextMessage("READY").matching(jsonPath("$.t").is("READY"))
                        .check(jsonPath("$.d.session_id").saveAs("sessionId"), jsonPath("$.s").ofLong().saveAs("seq"))));
    }

    /**
     * RESUME with the saved session id and {@code seq}, sent without awaiting RESUMED: frames that
     * arrive while a check is pending and do not match it are not kept for
     * processUnmatchedMessages, and the replayed events before RESUMED must be kept.
     */
    public static ChainBuilder resume() {
        return exec(session -> session.set("resumeSentAt", System.currentTimeMillis()))
                .exec(ws("RESUME").sendText(
                        "{\"op\":6,\"d\":{\"token\":\"#{token}\",\"session_id\":\"#{sessionId}\",\"seq\":#{seq}}}"));
    }

    /** A heartbeat without waiting for the ACK (for scenarios that read their socket in bulk). */
    public static ChainBuilder heartbeat() {
        return exec(ws("heartbeat").sendText(session -> "{\"op\":1,\"d\":" + lastSeq(session) + "}"));
    }

    /** A heartbeat timed until its ACK. */
    public static ChainBuilder heartbeatAcked() {
        return exec(ws("HEARTBEAT").sendText(session -> "{\"op\":1,\"d\":" + lastSeq(session) + "}")
                .await(TIMEOUT).on(ws.checkTextMessage("HEARTBEAT_ACK").matching(jsonPath("$.op").ofInt().is(11))));
    }

    private static String lastSeq(Session session) {
        return session.contains("seq") ? Long.toString(session.getLong("seq")) : "null";
    }

    /** The sequence number of a dispatch frame, or -1 for frames without one (ACKs, HELLO). */
    public static long seqOf(String frame) {
        int at = frame.indexOf("\"s\":");
        if (at < 0 || at > 32) {
            return -1;
        }
        int start = at + 4;
        int end = start;
        while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
            end++;
        }
        return end == start ? -1 : Long.parseLong(frame, start, end, 10);
    }
}
