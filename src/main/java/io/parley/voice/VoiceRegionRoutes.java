package io.parley.voice;

import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import java.util.List;

/** {@code GET /voice/regions}: the configured regions, or one {@code default} region when none are. */
public final class VoiceRegionRoutes implements RouteModule {
    private final JsonArray regions = new JsonArray();

    public VoiceRegionRoutes(List<String> configured) {
        List<String> ids = configured.isEmpty() ? List.of("default") : configured;
        for (int i = 0; i < ids.size(); i++) {
            regions.add(new JsonObject().put("id", ids.get(i)).put("name", ids.get(i)).put("optimal", i == 0)
                    .put("deprecated", false).put("custom", false));
        }
    }

    @Override
    public void mount(Router api) {
        api.get("/voice/regions").handler(ctx -> Replies.json(ctx, 200, regions));
    }
}
