package io.parley.search;

import com.meilisearch.sdk.Client;
import com.meilisearch.sdk.Config;
import com.meilisearch.sdk.Index;
import com.meilisearch.sdk.SearchRequest;
import com.meilisearch.sdk.exceptions.MeilisearchException;
import com.meilisearch.sdk.model.MatchingStrategy;
import com.meilisearch.sdk.model.Pagination;
import com.meilisearch.sdk.model.Settings;
import com.meilisearch.sdk.model.Task;
import com.meilisearch.sdk.model.TaskInfo;
import com.meilisearch.sdk.model.TaskStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Search on Meilisearch through its Java SDK. Every write is a Meilisearch task; a batch waits
 * for its tasks and fails (so the indexer retries it) when any task failed. Searches run on a
 * worker thread, because the SDK's HTTP client blocks.
 */
public final class MeilisearchIndex implements SearchIndex {
    private static final Logger log = LoggerFactory.getLogger(MeilisearchIndex.class);

    private final Vertx vertx;
    private final Client client;
    private final String uid;
    private final int maxTotal;
    private final long taskTimeoutMs;

    public MeilisearchIndex(Vertx vertx, String url, String apiKey, String uid, int maxTotal, long taskTimeoutMs) {
        this.vertx = vertx;
        this.client = new Client(new Config(url, apiKey == null || apiKey.isEmpty() ? null : apiKey));
        this.uid = uid;
        this.maxTotal = maxTotal;
        this.taskTimeoutMs = taskTimeoutMs;
    }

    private Index index() {
        return client.index(uid);
    }

    @Override
    public void prepare() {
        try {
            Task created = await(client.createIndex(uid, "id"), true);
            if (created.getStatus() == TaskStatus.FAILED && !"index_already_exists".equals(created.getError().getCode())) {
                throw failed(created);
            }
            Settings settings = new Settings()
                    .setSearchableAttributes(new String[]{"content"})
                    .setFilterableAttributes(MeiliDocuments.FILTERABLE)
                    .setSortableAttributes(MeiliDocuments.SORTABLE)
                    .setRankingRules(MeiliDocuments.RANKING)
                    .setPagination(new Pagination(maxTotal));
            await(index().updateSettings(settings), false);
            log.info("Meilisearch index '{}' ready with its settings", uid);
        } catch (MeilisearchException e) {
            throw new SearchIndexException("Meilisearch index '" + uid + "' could not be prepared: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(List<IndexChange> changes) {
        try {
            List<TaskInfo> tasks = new ArrayList<>();
            int i = 0;
            while (i < changes.size()) {
                i = enqueueRun(changes, i, tasks);
            }
            for (TaskInfo task : tasks) {
                await(task, false);
            }
        } catch (MeilisearchException e) {
            throw new SearchIndexException("Meilisearch write failed: " + e.getMessage(), e);
        }
    }

    /** Enqueues the run of same-kind changes starting at {@code from} as one task; returns where the next run starts. */
    private int enqueueRun(List<IndexChange> changes, int from, List<TaskInfo> tasks) {
        IndexChange first = changes.get(from);
        int end = from;
        if (first instanceof IndexChange.Put) {
            JsonArray documents = new JsonArray();
            while (end < changes.size() && changes.get(end) instanceof IndexChange.Put put) {
                documents.add(MeiliDocuments.document(put.document()));
                end++;
            }
            tasks.add(index().addDocuments(documents.encode(), "id"));
        } else if (first instanceof IndexChange.Edit || first instanceof IndexChange.Pin) {
            Map<String, JsonObject> partial = new LinkedHashMap<>();
            while (end < changes.size() && (changes.get(end) instanceof IndexChange.Edit
                    || changes.get(end) instanceof IndexChange.Pin)) {
                JsonObject fields = changes.get(end) instanceof IndexChange.Edit edit ? MeiliDocuments.edit(edit)
                        : pin((IndexChange.Pin) changes.get(end));
                partial.merge(fields.getString("id"), fields, JsonObject::mergeIn);
                end++;
            }
            tasks.add(index().updateDocuments(new JsonArray(new ArrayList<>(partial.values())).encode(), "id"));
        } else if (first instanceof IndexChange.Delete) {
            List<String> ids = new ArrayList<>();
            while (end < changes.size() && changes.get(end) instanceof IndexChange.Delete delete) {
                ids.add(Long.toString(delete.messageId()));
                end++;
            }
            tasks.add(index().deleteDocuments(ids));
        } else {
            tasks.add(index().deleteDocumentsByFilter(byFilter(first)));
            end++;
        }
        return end;
    }

    private static JsonObject pin(IndexChange.Pin p) {
        return new JsonObject().put("id", Long.toString(p.messageId())).put("pinned", p.pinned());
    }

    private static String byFilter(IndexChange change) {
        if (change instanceof IndexChange.DeleteChannel c) {
            return MeiliDocuments.channelFilter(c.channelId());
        }
        if (change instanceof IndexChange.DeleteGuild g) {
            return MeiliDocuments.guildFilter(g.guildId());
        }
        if (change instanceof IndexChange.DeleteAuthorSince a) {
            return MeiliDocuments.authorSinceFilter(a);
        }
        throw new IllegalStateException("unexpected change " + change);
    }

    /** Polls the task until it finished; a failed or cancelled task throws unless {@code failureIsAnswer}. */
    private Task await(TaskInfo info, boolean failureIsAnswer) {
        long deadline = System.nanoTime() + taskTimeoutMs * 1_000_000;
        long pause = 5;
        while (true) {
            Task task = client.getTask(info.getTaskUid());
            TaskStatus status = task.getStatus();
            if (status == TaskStatus.SUCCEEDED) {
                return task;
            }
            if (status == TaskStatus.FAILED || status == TaskStatus.CANCELED) {
                if (failureIsAnswer) {
                    return task;
                }
                throw failed(task);
            }
            if (System.nanoTime() > deadline) {
                throw new SearchIndexException("Meilisearch task " + info.getTaskUid() + " still " + status
                        + " after " + taskTimeoutMs + " ms");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SearchIndexException("interrupted waiting for Meilisearch task " + info.getTaskUid());
            }
            pause = Math.min(pause * 2, 200);
        }
    }

    private static SearchIndexException failed(Task task) {
        String reason = task.getError() == null ? "no error given"
                : task.getError().getCode() + ": " + task.getError().getMessage();
        return new SearchIndexException("Meilisearch task " + task.getUid() + " (" + task.getType() + ") "
                + task.getStatus() + ": " + reason);
    }

    @Override
    public void clear() {
        try {
            await(index().deleteAllDocuments(), false);
        } catch (MeilisearchException e) {
            throw new SearchIndexException("clearing Meilisearch failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Future<SearchHits> search(SearchQuery q) {
        if (q.channelIds().isEmpty()) {
            return Future.succeededFuture(new SearchHits(0, List.of()));
        }
        SearchRequest request = new SearchRequest(String.join(" ", q.words()))
                .setFilter(new String[]{MeiliDocuments.filter(q)})
                .setOffset(q.offset())
                .setLimit(q.limit())
                .setMatchingStrategy(MatchingStrategy.ALL)
                .setAttributesToRetrieve(new String[]{"id"});
        if (!q.byRelevance() || q.words().isEmpty()) {
            String direction = q.ascending() ? ":asc" : ":desc";
            request.setSort(new String[]{"ts" + direction, "seq" + direction});
        }
        return vertx.executeBlocking(() -> {
            try {
                JsonObject result = new JsonObject(index().rawSearch(request));
                List<Long> ids = new ArrayList<>();
                result.getJsonArray("hits").forEach(hit -> ids.add(Long.parseLong(((JsonObject) hit).getString("id"))));
                return new SearchHits(Math.min(result.getLong("estimatedTotalHits", 0L), maxTotal), ids);
            } catch (MeilisearchException e) {
                throw new SearchIndexException("Meilisearch search failed: " + e.getMessage(), e);
            }
        }, false);
    }

    @Override
    public Future<Long> documentCount() {
        return vertx.executeBlocking(() -> index().getStats().getNumberOfDocuments(), false);
    }

    @Override
    public String describe() {
        return "Meilisearch index '" + uid + "'";
    }
}
