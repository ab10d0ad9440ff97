package io.parley.search;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback server speaking the part of Meilisearch's HTTP API Parley uses: indexes, settings,
 * documents (add, update, delete by id and by filter, delete all), stats, search with
 * filter/sort/offset/limit, and tasks. Tasks run at once; {@link #failNextTasks} makes the next
 * ones fail the way a real task failure is reported.
 */
public final class FakeMeilisearch implements AutoCloseable {
    private static final Pattern INDEX_PATH = Pattern.compile("/indexes/([^/]+)(/.*)?");
    private static final Pattern TASK_PATH = Pattern.compile("/tasks/(\\d+)");

    private final HttpServer server;
    private final Map<String, FakeIndex> indexes = new HashMap<>();
    private final Map<Integer, JsonObject> tasks = new HashMap<>();
    private int nextTask;
    private int failuresLeft;
    private JsonObject failure;

    public FakeMeilisearch() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code count} tasks fail with this Meilisearch error code and message. */
    public synchronized void failNextTasks(int count, String code, String message) {
        failuresLeft = count;
        failure = error(code, message, "internal");
    }

    public synchronized int documentCount(String uid) {
        FakeIndex index = indexes.get(uid);
        return index == null ? 0 : index.documents.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Reply reply;
            try {
                synchronized (this) {
                    reply = route(exchange.getRequestMethod(), exchange.getRequestURI().getPath().replaceAll("/+", "/"),
                            exchange.getRequestURI().getQuery(), body);
                }
            } catch (IllegalArgumentException e) {
                reply = new Reply(400, error("invalid_search_filter", e.getMessage(), "invalid_request"));
            }
            byte[] out = reply.body.encode().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status, out.length);
            exchange.getResponseBody().write(out);
        }
    }

    private Reply route(String method, String path, String query, String body) {
        if (path.equals("/health")) {
            return new Reply(200, new JsonObject().put("status", "available"));
        }
        if (path.equals("/version")) {
            return new Reply(200, new JsonObject().put("pkgVersion", "fake"));
        }
        if (path.equals("/indexes") && method.equals("POST")) {
            JsonObject request = new JsonObject(body);
            String uid = request.getString("uid");
            if (indexes.containsKey(uid)) {
                return task(uid, "indexCreation", error("index_already_exists", "Index `" + uid + "` already exists.",
                        "invalid_request"));
            }
            indexes.put(uid, new FakeIndex(request.getString("primaryKey")));
            return task(uid, "indexCreation", null);
        }
        Matcher taskPath = TASK_PATH.matcher(path);
        if (taskPath.matches() && method.equals("GET")) {
            JsonObject task = tasks.get(Integer.parseInt(taskPath.group(1)));
            return task == null ? new Reply(404, error("task_not_found", "Task not found.", "invalid_request"))
                    : new Reply(200, task);
        }
        Matcher indexPath = INDEX_PATH.matcher(path);
        if (!indexPath.matches()) {
            return new Reply(404, error("not_found", "Not found.", "invalid_request"));
        }
        String uid = indexPath.group(1);
        String rest = indexPath.group(2) == null ? "" : indexPath.group(2);
        return indexRoute(method, uid, rest, query, body);
    }

    private Reply indexRoute(String method, String uid, String rest, String query, String body) {
        FakeIndex existing = indexes.get(uid);
        String route = method + " " + rest;
        if (existing == null && (route.startsWith("POST /documents") || route.equals("PUT /documents")
                || route.equals("PATCH /settings"))) {
            // writes create the index, as in Meilisearch
            existing = new FakeIndex(primaryKeyParam(query));
            indexes.put(uid, existing);
        }
        FakeIndex index = existing;
        if (index == null) {
            return new Reply(404, error("index_not_found", "Index `" + uid + "` not found.", "invalid_request"));
        }
        switch (route) {
            case "GET ", "GET /" -> {
                return new Reply(200, new JsonObject().put("uid", uid).put("primaryKey", index.primaryKey));
            }
            case "GET /stats" -> {
                return new Reply(200, new JsonObject().put("numberOfDocuments", index.documents.size())
                        .put("isIndexing", false).put("fieldDistribution", new JsonObject()));
            }
            case "PATCH /settings" -> {
                index.settings.mergeIn(new JsonObject(body));
                return task(uid, "settingsUpdate", null);
            }
            case "GET /settings" -> {
                return new Reply(200, index.settings);
            }
            case "POST /documents", "PUT /documents" -> {
                if (index.primaryKey == null) {
                    index.primaryKey = primaryKeyParam(query);
                }
                return task(uid, "documentAdditionOrUpdate", index.put(new JsonArray(body), method.equals("PUT")));
            }
            case "POST /documents/delete-batch" -> {
                new JsonArray(body).forEach(id -> index.documents.remove(String.valueOf(id)));
                return task(uid, "documentDeletion", null);
            }
            case "POST /documents/delete" -> {
                Predicate<JsonObject> filter = FakeMeilisearchFilter.parse(new JsonObject(body).getValue("filter"),
                        index.filterable());
                index.documents.values().removeIf(filter);
                return task(uid, "documentDeletion", null);
            }
            case "DELETE /documents" -> {
                index.documents.clear();
                return task(uid, "documentDeletion", null);
            }
            case "POST /search" -> {
                return index.search(new JsonObject(body));
            }
            default -> {
                return new Reply(404, error("not_found", "Not found: " + route, "invalid_request"));
            }
        }
    }

    private static String primaryKeyParam(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("primaryKey=")) {
                return pair.substring("primaryKey=".length());
            }
        }
        return null;
    }

    private Reply task(String uid, String type, JsonObject error) {
        int id = nextTask++;
        if (error == null && failuresLeft > 0) {
            failuresLeft--;
            error = failure;
        }
        tasks.put(id, new JsonObject().put("uid", id).put("indexUid", uid)
                .put("status", error == null ? "succeeded" : "failed").put("type", type)
                .put("details", new JsonObject()).put("error", error));
        return new Reply(202, new JsonObject().put("taskUid", id).put("indexUid", uid).put("status", "enqueued")
                .put("type", type));
    }

    private static JsonObject error(String code, String message, String type) {
        return new JsonObject().put("message", message).put("code", code).put("type", type)
                .put("link", "https://docs.meilisearch.com/errors#" + code);
    }

    private record Reply(int status, JsonObject body) {
    }

    private static final class FakeIndex {
        private final Map<String, JsonObject> documents = new LinkedHashMap<>();
        private final JsonObject settings = new JsonObject();
        private String primaryKey;

        FakeIndex(String primaryKey) {
            this.primaryKey = primaryKey;
        }

        Set<String> filterable() {
            Set<String> fields = new HashSet<>();
            JsonArray list = settings.getJsonArray("filterableAttributes", new JsonArray());
            list.forEach(f -> fields.add(String.valueOf(f)));
            return fields;
        }

        /** Adds (replacing, or merging when {@code merge}) documents; the task's error, or null. */
        JsonObject put(JsonArray batch, boolean merge) {
            String key = primaryKey == null ? "id" : primaryKey;
            for (Object element : batch) {
                if (!(element instanceof JsonObject doc) || doc.getValue(key) == null) {
                    return error("missing_document_id", "Document doesn't have a `" + key + "` attribute.",
                            "invalid_request");
                }
            }
            for (Object element : batch) {
                JsonObject doc = (JsonObject) element;
                String id = String.valueOf(doc.getValue(key));
                JsonObject stored = documents.get(id);
                documents.put(id, merge && stored != null ? stored.copy().mergeIn(doc) : doc.copy());
            }
            return null;
        }

        Reply search(JsonObject request) {
            Predicate<JsonObject> filter = FakeMeilisearchFilter.parse(request.getValue("filter"), filterable());
            List<String> words = words(request.getString("q", ""));
            List<Scored> matching = new ArrayList<>();
            for (JsonObject doc : documents.values()) {
                int score = score(words, words(doc.getString("content", "")));
                if (score >= 0 && filter.test(doc)) {
                    matching.add(new Scored(doc, score));
                }
            }
            JsonArray sort = request.getJsonArray("sort");
            Comparator<Scored> order = Comparator.comparingInt(s -> -s.score);
            if (sort != null) {
                Set<String> sortable = new HashSet<>();
                settings.getJsonArray("sortableAttributes", new JsonArray()).forEach(f -> sortable.add(String.valueOf(f)));
                Comparator<Scored> bySort = null;
                for (Object rule : sort) {
                    String[] parts = String.valueOf(rule).split(":");
                    if (!sortable.contains(parts[0])) {
                        return new Reply(400, error("invalid_search_sort", "Attribute `" + parts[0]
                                + "` is not sortable.", "invalid_request"));
                    }
                    Comparator<Scored> one = Comparator.comparingDouble(s -> s.doc.getNumber(parts[0], 0).doubleValue());
                    if (parts.length > 1 && parts[1].equals("desc")) {
                        one = one.reversed();
                    }
                    bySort = bySort == null ? one : bySort.thenComparing(one);
                }
                order = bySort;
            }
            matching.sort(order);
            int maxTotal = settings.getJsonObject("pagination", new JsonObject()).getInteger("maxTotalHits", 1000);
            int total = Math.min(matching.size(), maxTotal);
            int offset = request.getInteger("offset", 0);
            int limit = request.getInteger("limit", 20);
            JsonArray hits = new JsonArray();
            JsonArray retrieve = request.getJsonArray("attributesToRetrieve");
            for (int i = offset; i < Math.min(total, offset + limit); i++) {
                JsonObject doc = matching.get(i).doc;
                if (retrieve == null) {
                    hits.add(doc.copy());
                } else {
                    JsonObject hit = new JsonObject();
                    retrieve.forEach(f -> hit.put(String.valueOf(f), doc.getValue(String.valueOf(f))));
                    hits.add(hit);
                }
            }
            return new Reply(200, new JsonObject().put("hits", hits).put("query", request.getString("q", ""))
                    .put("processingTimeMs", 0).put("limit", limit).put("offset", offset)
                    .put("estimatedTotalHits", total));
        }

        /** Every query word must occur (the last may be a prefix); -1 when one does not. */
        private static int score(List<String> query, List<String> content) {
            int score = 0;
            for (int i = 0; i < query.size(); i++) {
                String word = query.get(i);
                boolean last = i == query.size() - 1;
                long hits = content.stream().filter(t -> t.equals(word) || (last && t.startsWith(word))).count();
                if (hits == 0) {
                    return -1;
                }
                score += (int) hits;
            }
            return score;
        }

        private static List<String> words(String text) {
            List<String> words = new ArrayList<>();
            for (String w : text.toLowerCase(java.util.Locale.ROOT).split("[\\p{Punct}\\s]+")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
            return words;
        }

        private record Scored(JsonObject doc, int score) {
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
