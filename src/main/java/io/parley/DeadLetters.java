package io.parley;

import io.parley.admin.DeadLetterAdmin;
import io.parley.platform.config.ParleyConfig;
import io.vertx.core.json.JsonObject;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code parley dead-letters list | retry PROCESSOR [SEQUENCE] | drop PROCESSOR [SEQUENCE]}:
 * through the serving node's {@code /_admin/dead-letters} when one runs on this data directory,
 * else on the database directly. Exit 0 when done, 1 when a retried sequence still fails or
 * the node refused, 2 on a usage error.
 */
final class DeadLetters {
    private DeadLetters() {
    }

    static int run(ParleyConfig config, List<String> args, PrintStream out) throws Exception {
        return run(config, args, out, List.of());
    }

    /** {@code modules}: Axon modules beside the features' own, for the processors a test adds. */
    static int run(ParleyConfig config, List<String> args, PrintStream out,
                   List<io.parley.platform.axon.DomainModule> modules) throws Exception {
        String action = args.isEmpty() ? "" : args.get(0);
        boolean list = action.equals("list") && args.size() == 1;
        boolean change = (action.equals("retry") || action.equals("drop")) && (args.size() == 2 || args.size() == 3);
        if (!list && !change) {
            System.err.println("usage: parley dead-letters list | retry PROCESSOR [SEQUENCE] | drop PROCESSOR [SEQUENCE]");
            return 2;
        }
        String processor = change ? args.get(1) : null;
        Optional<String> sequence = args.size() == 3 ? Optional.of(args.get(2)) : Optional.empty();
        Optional<JsonObject> running = Replay.runningNode(config);
        JsonObject reply;
        if (running.isPresent()) {
            Optional<JsonObject> answered = overHttp(running.get(), action, processor, sequence);
            if (answered.isEmpty()) {
                return 1;
            }
            reply = answered.get();
        } else {
            try (ParleyNode node = ParleyNode.startHeadless(config, modules)) {
                DeadLetterAdmin admin = new DeadLetterAdmin(node.axon().configuration().eventProcessingConfiguration(),
                        node.axon().deadLetters(), node.storage().transactions());
                if (change && !admin.knows(processor)) {
                    System.err.println("parley: unknown processor '" + processor + "'; one of " + admin.processors());
                    return 2;
                }
                reply = list ? admin.list() : action.equals("retry") ? admin.retry(processor, sequence).json()
                        : admin.drop(processor, sequence).json();
            }
        }
        if (list) {
            printList(reply, out);
            return 0;
        }
        long remaining = reply.getLong("remaining");
        if (action.equals("retry")) {
            out.printf("%s: retried %d sequence(s), %d succeeded; %d dead letter(s) left%n", processor,
                    reply.getInteger("sequences"), reply.getInteger("succeeded"), remaining);
            return reply.getInteger("succeeded").equals(reply.getInteger("sequences")) ? 0 : 1;
        }
        out.printf("%s: dropped %d sequence(s); %d dead letter(s) left%n", processor, reply.getInteger("sequences"),
                remaining);
        return 0;
    }

    private static void printList(JsonObject list, PrintStream out) {
        if (list.getLong("total") == 0) {
            out.println("no dead letters");
            return;
        }
        for (Object p : list.getJsonArray("processors")) {
            JsonObject processor = (JsonObject) p;
            out.println(processor.getString("processor") + ":");
            for (Object s : processor.getJsonArray("sequences")) {
                JsonObject sequence = (JsonObject) s;
                out.println("  sequence " + sequence.getString("sequence") + " ("
                        + sequence.getJsonArray("letters").size() + " dead letter(s), oldest first)");
                for (Object l : sequence.getJsonArray("letters")) {
                    JsonObject letter = (JsonObject) l;
                    String type = letter.getString("event_type");
                    out.printf("    event %s %s at %s, dead-lettered %s: %s %s%n", letter.getString("event_id"),
                            type.substring(type.lastIndexOf('.') + 1), letter.getString("event_timestamp"),
                            letter.getString("enqueued_at"), letter.getString("cause_type", "(parked behind the first)"),
                            letter.getString("cause_message", ""));
                }
            }
        }
        out.println(list.getLong("total") + " dead letter(s)");
    }

    private static Optional<JsonObject> overHttp(JsonObject node, String action, String processor,
                                                 Optional<String> sequence) throws Exception {
        String path = "/_admin/dead-letters" + (processor == null ? ""
                : "/" + URLEncoder.encode(processor, StandardCharsets.UTF_8) + (action.equals("retry") ? "/retry" : ""))
                + sequence.map(s -> "?sequence=" + URLEncoder.encode(s, StandardCharsets.UTF_8)).orElse("");
        String method = action.equals("list") ? "GET" : action.equals("retry") ? "POST" : "DELETE";
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.getString("url") + path))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + node.getString("token"))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            System.err.println("parley: the node at " + node.getString("url") + " refused: " + response.statusCode()
                    + " " + response.body());
            return Optional.empty();
        }
        return Optional.of(new JsonObject(response.body()));
    }
}
