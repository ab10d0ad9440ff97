package io.parley.search;

import io.parley.guild.ChannelRecord;
import io.parley.guild.ChannelTypes;
import io.parley.guild.GuildContext;
import io.parley.http.Authenticator;
import io.parley.http.JsonInput;
import io.parley.http.PathIds;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.message.MessageQueries;
import io.parley.message.MessageRecord;
import io.parley.permission.Permission;
import io.parley.permission.PermissionCalculator;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static io.parley.http.Handlers.async;

/**
 * Message search, Discord's way ({@code GET /guilds/{id}/messages/search},
 * {@code GET /channels/{id}/messages/search}) and Fluxer's ({@code POST /search/messages}).
 * Only channels the caller can view and read the history of are searched, as of now.
 */
public final class SearchRoutes implements RouteModule {
    private static final Logger log = LoggerFactory.getLogger(SearchRoutes.class);
    private static final long READABLE = Permission.of(Permission.VIEW_CHANNEL, Permission.READ_MESSAGE_HISTORY);
    private static final int RETRY_AFTER_SECONDS = 2;

    private final GuildContext g;
    private final MessageQueries messages;
    private final SearchIndex index;
    private final IndexerStatus status;
    private final int maxTotal;

    public SearchRoutes(GuildContext g, MessageQueries messages, SearchIndex index, IndexerStatus status) {
        this.g = g;
        this.messages = messages;
        this.index = index;
        this.status = status;
        this.maxTotal = g.services().config().search().maxTotalResults();
    }

    @Override
    public void mount(Router api) {
        var auth = g.services().authenticator();
        api.get("/guilds/:guildId/messages/search").handler(auth).handler(async(this::guildSearch));
        api.get("/channels/:channelId/messages/search").handler(auth).handler(async(this::channelSearch));
        api.post("/search/messages").handler(auth).handler(async(this::bodySearch));
    }

    private Future<?> guildSearch(RoutingContext ctx) {
        long guildId = PathIds.of(ctx, "guildId", ErrorCode.UNKNOWN_GUILD);
        SearchParams params = SearchParams.parse(name -> ctx.queryParams().getAll(name), maxTotal);
        return inGuild(ctx, guildId, params);
    }

    private Future<?> channelSearch(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        SearchParams params = SearchParams.parse(name -> ctx.queryParams().getAll(name), maxTotal);
        return inChannel(ctx, channelId, params);
    }

    /** Fluxer's form: the same filters in a JSON body, scoped by guild_id (or a single channel_id). */
    private Future<?> bodySearch(RoutingContext ctx) {
        JsonInput body = JsonInput.of(ctx);
        Function<String, List<String>> values = name -> strings(body.raw(name));
        SearchParams params = SearchParams.parse(values, maxTotal);
        List<String> guild = values.apply("guild_id");
        if (guild.size() == 1) {
            try {
                return inGuild(ctx, Long.parseLong(guild.get(0)), params);
            } catch (NumberFormatException e) {
                throw ApiException.invalid("guild_id", "Must be a snowflake");
            }
        }
        if (guild.isEmpty() && params.channelIds().size() == 1) {
            return inChannel(ctx, params.channelIds().get(0), params);
        }
        throw ApiException.invalid("guild_id", "Give guild_id, or a single channel_id");
    }

    private Future<?> inGuild(RoutingContext ctx, long guildId, SearchParams params) {
        long userId = Authenticator.principal(ctx).userId();
        return g.access().member(guildId, userId).compose(actor -> g.guilds().channels(guildId).map(channels -> {
            Set<Long> wanted = Set.copyOf(params.channelIds());
            List<Long> readable = new ArrayList<>();
            for (ChannelRecord channel : channels) {
                boolean text = channel.type() == ChannelTypes.GUILD_TEXT;
                if (text && (wanted.isEmpty() || wanted.contains(channel.id()))
                        && (PermissionCalculator.inChannel(actor.access(), channel.overwrites()) & READABLE) == READABLE) {
                    readable.add(channel.id());
                }
            }
            return readable;
        })).compose(readable -> answer(ctx, params.in(guildId, readable), userId));
    }

    private Future<?> inChannel(RoutingContext ctx, long channelId, SearchParams params) {
        long userId = Authenticator.principal(ctx).userId();
        return g.access().channel(channelId, userId).compose(access -> {
            access.require(Permission.READ_MESSAGE_HISTORY);
            return answer(ctx, params.in(access.channel().guildId(), List.of(channelId)), userId);
        });
    }

    private Future<Void> answer(RoutingContext ctx, SearchQuery query, long userId) {
        if (!status.ready()) {
            return index.documentCount().compose(count -> Replies.json(ctx, 202, new JsonObject()
                    .put("code", ErrorCode.SEARCH_INDEX_NOT_READY.name())
                    .put("message", ErrorCode.SEARCH_INDEX_NOT_READY.message())
                    .put("documents_indexed", count)
                    .put("retry_after", RETRY_AFTER_SECONDS)));
        }
        Future<SearchHits> hits = query.channelIds().isEmpty()
                ? Future.succeededFuture(new SearchHits(0, List.of())) : index.search(query);
        return hits.recover(failure -> {
                    if (failure instanceof SearchIndexException) {
                        log.warn("search failed: {}", failure.getMessage());
                        return Future.failedFuture(new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                                "Search is unavailable; try again later"));
                    }
                    return Future.failedFuture(failure);
                })
                .compose(found -> messages.messages(found.messageIds()).compose(records -> {
                    Map<Long, MessageRecord> byId = new HashMap<>();
                    records.forEach(m -> byId.put(m.id(), m));
                    // the read table is the authority: a hit the indexer has not yet seen deleted is dropped
                    List<MessageRecord> ordered = found.messageIds().stream().map(byId::get)
                            .filter(m -> m != null && query.channelIds().contains(m.channelId())).toList();
                    return messages.render(ordered, userId);
                }).compose(rendered -> {
                    JsonArray groups = new JsonArray();
                    rendered.forEach(m -> groups.add(new JsonArray().add(((JsonObject) m).put("hit", true))));
                    return Replies.json(ctx, 200, new JsonObject()
                            .put("total_results", found.total())
                            .put("messages", groups)
                            .put("doing_deep_historical_index", false));
                }));
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof JsonArray array) {
            List<String> all = new ArrayList<>();
            array.forEach(v -> all.add(String.valueOf(v)));
            return all;
        }
        return List.of(String.valueOf(value));
    }
}
