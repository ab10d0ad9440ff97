package io.parley.message;

import io.parley.emoji.EmojiQueries;
import io.parley.emoji.EmojiRecord;
import io.parley.guild.ChannelActor;
import io.parley.guild.GuildContext;
import io.parley.http.Authenticator;
import io.parley.http.PathIds;
import io.parley.http.PathText;
import io.parley.http.Query;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.message.MessageCommands.AddReaction;
import io.parley.message.MessageCommands.ClearReactions;
import io.parley.message.MessageCommands.RemoveReaction;
import io.parley.permission.Permission;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.function.BiFunction;

import static io.parley.http.Handlers.async;

/** Reactions: add and remove one's own, remove someone's, clear all or one emoji, list who reacted. */
public final class ReactionRoutes implements RouteModule {
    private static final String BASE = "/channels/:channelId/messages/:messageId/reactions";

    private final GuildContext g;
    private final MessageQueries messages;
    private final EmojiQueries emojis;

    public ReactionRoutes(GuildContext g, MessageQueries messages, EmojiQueries emojis) {
        this.g = g;
        this.messages = messages;
        this.emojis = emojis;
    }

    @Override
    public void mount(Router api) {
        var auth = g.services().authenticator();
        api.put(BASE + "/:emoji/@me").handler(auth).handler(async(this::add));
        api.delete(BASE + "/:emoji/@me").handler(auth).handler(async(ctx -> removeUser(ctx, true)));
        api.delete(BASE + "/:emoji/:userId").handler(auth).handler(async(ctx -> removeUser(ctx, false)));
        api.get(BASE + "/:emoji").handler(auth).handler(async(this::list));
        api.delete(BASE + "/:emoji").handler(auth).handler(async(ctx -> clear(ctx, Emojis.key(PathText.of(ctx, "emoji", ErrorCode.UNKNOWN_EMOJI)))));
        api.delete(BASE).handler(auth).handler(async(ctx -> clear(ctx, null)));
    }

    private Future<?> add(RoutingContext ctx) {
        String emoji = Emojis.key(PathText.of(ctx, "emoji", ErrorCode.UNKNOWN_EMOJI));
        int max = g.services().config().limits().reactionsPerMessage();
        return onMessage(ctx, (access, messageId) -> {
            access.require(Permission.READ_MESSAGE_HISTORY, Permission.ADD_REACTIONS);
            return requireUsable(access, emoji).compose(v -> g.services().commands().send(
                    new AddReaction(messageId, access.actor().userId(), emoji, max, Instant.now())));
        });
    }

    /** A custom emoji must exist; one of another guild also needs USE_EXTERNAL_EMOJIS here. */
    private Future<Void> requireUsable(ChannelActor access, String emoji) {
        Long emojiId = Emojis.customId(emoji);
        if (emojiId == null) {
            return Future.succeededFuture();
        }
        return emojis.emoji(emojiId).map(found -> {
            EmojiRecord record = found.orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_EMOJI));
            // a private channel's guild id is 0: every custom emoji is external there
            if (record.guildId() != access.channel().guildId()) {
                access.require(Permission.USE_EXTERNAL_EMOJIS);
            }
            return null;
        });
    }

    private Future<?> removeUser(RoutingContext ctx, boolean own) {
        String emoji = Emojis.key(PathText.of(ctx, "emoji", ErrorCode.UNKNOWN_EMOJI));
        return onMessage(ctx, (access, messageId) -> {
            long actor = access.actor().userId();
            long target = own ? actor : PathIds.of(ctx, "userId", ErrorCode.UNKNOWN_USER);
            if (target != actor) {
                access.require(Permission.MANAGE_MESSAGES);
            }
            return g.services().commands().send(new RemoveReaction(messageId, target, emoji, actor, Instant.now()));
        });
    }

    private Future<?> clear(RoutingContext ctx, String emoji) {
        return onMessage(ctx, (access, messageId) -> {
            access.require(Permission.MANAGE_MESSAGES);
            return g.services().commands().send(new ClearReactions(messageId, emoji, access.actor().userId(),
                    Instant.now()));
        });
    }

    private Future<?> list(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        long messageId = PathIds.of(ctx, "messageId", ErrorCode.UNKNOWN_MESSAGE);
        String emoji = Emojis.key(PathText.of(ctx, "emoji", ErrorCode.UNKNOWN_EMOJI));
        int limit = Query.intIn(ctx, "limit", 1, 100, 25);
        Long after = Query.id(ctx, "after");
        return g.access().channel(channelId, Authenticator.principal(ctx).userId()).compose(access -> {
            access.require(Permission.READ_MESSAGE_HISTORY);
            return message(channelId, messageId);
        }).compose(m -> messages.reactors(messageId, emoji, after == null ? 0 : after, limit))
                .compose(users -> Replies.json(ctx, 200, users));
    }

    /** Checks the caller sees the channel and the message is in it, sends the command, waits for the read side. */
    private Future<?> onMessage(RoutingContext ctx, BiFunction<ChannelActor, Long, Future<Object>> command) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        long messageId = PathIds.of(ctx, "messageId", ErrorCode.UNKNOWN_MESSAGE);
        return g.access().channel(channelId, Authenticator.principal(ctx).userId())
                .compose(access -> message(channelId, messageId).compose(m -> command.apply(access, messageId)))
                .compose(version -> g.caughtUp(MessageProjection.GROUP, messageId, (Long) version))
                .compose(v -> Replies.noContent(ctx));
    }

    private Future<MessageRecord> message(long channelId, long messageId) {
        return messages.message(messageId).map(m -> m.filter(x -> x.channelId() == channelId)
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_MESSAGE)));
    }
}
