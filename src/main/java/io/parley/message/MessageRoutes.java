package io.parley.message;

import io.parley.guild.ChannelActor;
import io.parley.guild.ChannelTypes;
import io.parley.guild.GuildContext;
import io.parley.http.Authenticator;
import io.parley.http.JsonInput;
import io.parley.http.PathIds;
import io.parley.http.Query;
import io.parley.http.Replies;
import io.parley.http.RouteModule;
import io.parley.http.ratelimit.RateLimits;
import io.parley.message.MessageCommands.DeleteMessage;
import io.parley.message.MessageCommands.EditMessage;
import io.parley.message.MessageCommands.PostMessage;
import io.parley.permission.Permission;
import io.parley.platform.config.ParleyConfig;
import io.parley.platform.config.RateLimit;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.platform.id.Snowflakes;
import io.parley.social.SocialQueries;
import io.parley.sticker.StickerQueries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.parley.http.Handlers.async;

/** Messages: send, read one, history, edit, delete, bulk delete, and typing. */
public final class MessageRoutes implements RouteModule {
    private static final Duration BULK_DELETE_MAX_AGE = Duration.ofDays(14);
    /** Read-your-writes waits (each {@code axon.read_your_writes_timeout_ms}) before a send gives up on its reply. */
    private static final int ACCEPTED_RENDER_ATTEMPTS = 5;

    private final GuildContext g;
    private final MessageQueries messages;
    private final ParleyConfig.Limits limits;
    private final SocialQueries social;
    private final StickerQueries stickers;

    public MessageRoutes(GuildContext g, MessageQueries messages) {
        this.g = g;
        this.messages = messages;
        this.limits = g.services().config().limits();
        this.social = new SocialQueries(g.services().pool());
        this.stickers = new StickerQueries(g.services().pool());
    }

    @Override
    public List<String> uploadPaths() {
        return List.of("/channels/:channelId/messages");
    }

    @Override
    public void mount(Router api) {
        var auth = g.services().authenticator();
        api.post("/channels/:channelId/messages").handler(auth).handler(async(this::send));
        api.get("/channels/:channelId/messages").handler(auth).handler(async(this::history));
        api.post("/channels/:channelId/messages/bulk-delete").handler(auth).handler(async(this::bulkDelete));
        api.get("/channels/:channelId/messages/:messageId").handler(auth).handler(async(this::get));
        api.patch("/channels/:channelId/messages/:messageId").handler(auth).handler(async(this::edit));
        api.delete("/channels/:channelId/messages/:messageId").handler(auth).handler(async(this::delete));
        api.post("/channels/:channelId/typing").handler(auth).handler(async(this::typing));
    }

    private Future<?> send(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        long userId = Authenticator.principal(ctx).userId();
        return AttachmentUpload.receive(ctx, g, channelId, userId)
                .compose(upload -> post(ctx, channelId, userId, upload));
    }

    private Future<Void> post(RoutingContext ctx, long channelId, long userId, AttachmentUpload upload) {
        JsonInput input = upload.payload();
        List<Attachment> attachments = upload.attachments(input, channelId);
        MessageDraft draft = MessageDraft.read(input, limits, !attachments.isEmpty());
        long messageId = g.services().snowflakes().next();
        return g.access().channel(channelId, userId).compose(access -> {
            requireTextChannel(access);
            access.require(Permission.SEND_MESSAGES);
            return requireNotBlocked(access).map(v -> access);
        }).compose(access -> {
            if (!draft.embedsJson().equals("[]")) {
                access.require(Permission.EMBED_LINKS);
            }
            if (!attachments.isEmpty()) {
                access.require(Permission.ATTACH_FILES);
            }
            return slowmode(ctx, access)
                    .compose(v -> stickerItems(access, draft.stickerIds()))
                    .compose(items -> draft.resolve(access, channelId, messages, g)
                            .compose(resolved -> upload.keep(channelId, attachments, () -> g.services().commands().send(
                                    new PostMessage(messageId, channelId, guildIdOf(access), userId, resolved.type(),
                                            draft.content(), draft.nonce(), draft.tts(), draft.embedsJson(), attachments,
                                            resolved.referencedMessageId(), resolved.mentions(), draft.flags(),
                                            Instant.now(), items, null)))))
                    .map(v -> messageId)
                    .recover(failure -> failure instanceof DuplicateNonce duplicate
                            ? Future.succeededFuture(duplicate.originalMessageId()) : Future.failedFuture(failure));
        }).compose(id -> renderAccepted(id, userId, ACCEPTED_RENDER_ATTEMPTS))
                .compose(json -> Replies.json(ctx, 200, json));
    }

    /**
     * The stored message as the sender sees it. Under load the projection can trail the command
     * by more than one read-your-writes wait; the message is accepted by then, so wait again
     * rather than answer 404 for it.
     */
    private Future<JsonObject> renderAccepted(long messageId, long viewerId, int attempts) {
        return g.caughtUp(MessageProjection.GROUP, messageId, 0)
                .compose(v -> messages.message(messageId))
                .compose(found -> {
                    if (found.isPresent()) {
                        return messages.render(List.of(found.get()), viewerId).map(list -> list.getJsonObject(0));
                    }
                    if (attempts > 1) {
                        return renderAccepted(messageId, viewerId, attempts - 1);
                    }
                    return Future.failedFuture(new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                            "Message " + messageId + " was accepted but is not readable yet; fetch it later"));
                });
    }

    private Future<?> get(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        long messageId = PathIds.of(ctx, "messageId", ErrorCode.UNKNOWN_MESSAGE);
        long userId = Authenticator.principal(ctx).userId();
        return g.access().channel(channelId, userId).compose(access -> {
            access.require(Permission.READ_MESSAGE_HISTORY);
            return inChannel(channelId, messageId);
        }).compose(m -> render(m.id(), userId)).compose(json -> Replies.json(ctx, 200, json));
    }

    private Future<?> history(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        long userId = Authenticator.principal(ctx).userId();
        int limit = Query.intIn(ctx, "limit", 1, 100, 50);
        Long before = Query.id(ctx, "before");
        Long after = Query.id(ctx, "after");
        Long around = Query.id(ctx, "around");
        if ((before != null ? 1 : 0) + (after != null ? 1 : 0) + (around != null ? 1 : 0) > 1) {
            throw ApiException.invalid("before", "Use at most one of before, after and around");
        }
        return g.access().channel(channelId, userId).compose(access -> {
            access.require(Permission.READ_MESSAGE_HISTORY);
            return messages.history(channelId, before, after, around, limit);
        }).compose(page -> messages.render(page, userId)).compose(json -> Replies.json(ctx, 200, json));
    }

    private Future<?> edit(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        long messageId = PathIds.of(ctx, "messageId", ErrorCode.UNKNOWN_MESSAGE);
        JsonInput input = JsonInput.of(ctx);
        String content = input.optionalText("content", 0, limits.messageLength());
        String embeds = input.has("embeds") ? EmbedRules.validate(input, limits.embedsPerMessage()) : null;
        int flags = input.integer("flags", 0, Integer.MAX_VALUE, -1);
        input.done();
        long userId = Authenticator.principal(ctx).userId();
        return g.access().channel(channelId, userId).compose(access -> inChannel(channelId, messageId))
                .compose(m -> g.services().commands().<Long>send(new EditMessage(messageId, userId,
                        input.has("content") ? (content == null ? "" : content) : null, embeds,
                        flags < 0 ? null : (m.flags() & ~MessageFlags.EDITABLE) | (flags & MessageFlags.EDITABLE),
                        Instant.now())))
                .compose(version -> g.caughtUp(MessageProjection.GROUP, messageId, version))
                .compose(v -> render(messageId, userId)).compose(json -> Replies.json(ctx, 200, json));
    }

    private Future<?> delete(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        long messageId = PathIds.of(ctx, "messageId", ErrorCode.UNKNOWN_MESSAGE);
        long userId = Authenticator.principal(ctx).userId();
        return g.access().channel(channelId, userId).compose(access -> inChannel(channelId, messageId).compose(m -> {
            if (m.author().id() != userId) {
                access.require(Permission.MANAGE_MESSAGES);
            }
            return g.services().commands().<Long>send(new DeleteMessage(messageId, userId, Instant.now()));
        })).compose(version -> g.caughtUp(MessageProjection.GROUP, messageId, version))
                .compose(v -> Replies.noContent(ctx));
    }

    private Future<?> bulkDelete(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        JsonInput input = JsonInput.of(ctx);
        JsonArray ids = input.array("messages");
        List<Long> messageIds = new ArrayList<>();
        if (ids == null || ids.size() < 2 || ids.size() > 100) {
            input.error("messages", "Between 2 and 100 message ids");
        } else {
            Instant oldest = Instant.now().minus(BULK_DELETE_MAX_AGE);
            for (int i = 0; i < ids.size(); i++) {
                try {
                    long id = Long.parseLong(String.valueOf(ids.getValue(i)));
                    if (Snowflakes.timestampOf(id).isBefore(oldest)) {
                        input.error("messages." + i, "Messages older than 14 days cannot be bulk deleted");
                    }
                    messageIds.add(id);
                } catch (NumberFormatException e) {
                    input.error("messages." + i, "Must be a snowflake");
                }
            }
        }
        input.done();
        long userId = Authenticator.principal(ctx).userId();
        return g.access().channel(channelId, userId).compose(access -> {
            access.require(Permission.MANAGE_MESSAGES);
            List<Long> inChannel = new ArrayList<>();
            Future<Void> found = Future.succeededFuture();
            for (long id : messageIds.stream().distinct().toList()) {
                found = found.compose(v -> messages.message(id)).map(m -> {
                    m.filter(x -> x.channelId() == channelId).ifPresent(x -> inChannel.add(id));
                    return null;
                });
            }
            // each delete names the whole batch: the gateway sends one MESSAGE_DELETE_BULK when the last lands
            return found.compose(v -> {
                Future<Void> chain = Future.succeededFuture();
                for (long id : inChannel) {
                    chain = chain.compose(x -> g.services().commands().<Long>send(
                                    new DeleteMessage(id, userId, Instant.now(), List.copyOf(inChannel)))
                            .compose(version -> g.caughtUp(MessageProjection.GROUP, id, version)));
                }
                return chain;
            });
        }).compose(v -> Replies.noContent(ctx));
    }

    /** Ephemeral: nothing is stored; the gateway will pick TYPING_START up from the event bus. */
    private Future<?> typing(RoutingContext ctx) {
        long channelId = PathIds.of(ctx, "channelId", ErrorCode.UNKNOWN_CHANNEL);
        long userId = Authenticator.principal(ctx).userId();
        return g.access().channel(channelId, userId).compose(access -> {
            access.require(Permission.SEND_MESSAGES);
            if (guildIdOf(access) == null) {
                return social.recipients(channelId).compose(recipients -> {
                    JsonArray ids = new JsonArray();
                    recipients.forEach(ids::add);
                    g.services().vertx().eventBus().publish(TypingEvents.PRIVATE_ADDRESS, new JsonObject()
                            .put("recipients", ids).put("typing", new JsonObject()
                                    .put("channel_id", Long.toString(channelId))
                                    .put("user_id", Long.toString(userId))
                                    .put("timestamp", Instant.now().getEpochSecond())));
                    return Replies.noContent(ctx);
                });
            }
            long guildId = access.channel().guildId();
            return g.members().member(guildId, userId).compose(member -> {
                JsonObject typing = new JsonObject()
                        .put("channel_id", Long.toString(channelId))
                        .put("guild_id", Long.toString(guildId))
                        .put("user_id", Long.toString(userId))
                        .put("timestamp", Instant.now().getEpochSecond());
                member.ifPresent(m -> typing.put("member", m.toJson()));
                g.services().vertx().eventBus().publish(TypingEvents.ADDRESS, typing);
                return Replies.noContent(ctx);
            });
        });
    }

    /** Slowmode: one message per {@code rate_limit_per_user} seconds, unless the sender may bypass it. */
    private Future<Void> slowmode(RoutingContext ctx, ChannelActor access) {
        int seconds = access.channel().settings().rateLimitPerUser();
        long permissions = access.permissions();
        if (seconds == 0 || Permission.has(permissions, Permission.BYPASS_SLOWMODE)
                || Permission.has(permissions, Permission.MANAGE_MESSAGES)
                || Permission.has(permissions, Permission.MANAGE_CHANNELS)) {
            return Future.succeededFuture();
        }
        return RateLimits.enforce(ctx, g.services().rateLimiter(), "slowmode",
                access.channel().id() + ":" + access.actor().userId(),
                new RateLimit(1, Duration.ofSeconds(seconds))).mapEmpty();
    }

    /** Stickers must be the channel's guild's own: 400 INVALID_STICKER otherwise (and always in DMs). */
    private Future<List<StickerItem>> stickerItems(ChannelActor access, List<Long> ids) {
        return stickerItems(stickers, guildIdOf(access), ids);
    }

    static Future<List<StickerItem>> stickerItems(StickerQueries stickers, Long guildId, List<Long> ids) {
        if (ids.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        if (guildId == null) {
            return Future.failedFuture(new ApiException(ErrorCode.INVALID_STICKER));
        }
        return stickers.items(guildId, ids).map(found -> {
            if (found.size() != ids.size()) {
                throw new ApiException(ErrorCode.INVALID_STICKER);
            }
            return found;
        });
    }

    /** Private channels are channels of no guild (guild id 0 in the access check). */
    private static Long guildIdOf(ChannelActor access) {
        return access.channel().guildId() == 0 ? null : access.channel().guildId();
    }

    /** In a 1:1 DM, a block either way refuses the send (Discord's "Cannot send messages to this user"). */
    private Future<Void> requireNotBlocked(ChannelActor access) {
        if (access.channel().type() != ChannelTypes.DM) {
            return Future.succeededFuture();
        }
        long channelId = access.channel().id();
        long userId = access.actor().userId();
        return social.recipients(channelId).compose(recipients -> {
            long other = recipients.stream().filter(id -> id != userId).findFirst().orElse(userId);
            return social.blockedBetween(userId, other);
        }).map(blocked -> {
            if (blocked) {
                throw new ApiException(ErrorCode.CANNOT_SEND_TO_USER);
            }
            return null;
        });
    }

    private static void requireTextChannel(ChannelActor access) {
        int type = access.channel().type();
        if (type != ChannelTypes.GUILD_TEXT && type != ChannelTypes.DM && type != ChannelTypes.GROUP_DM) {
            throw new ApiException(ErrorCode.CANNOT_EXECUTE, "Cannot send messages in this kind of channel");
        }
    }

    private Future<MessageRecord> inChannel(long channelId, long messageId) {
        return messages.message(messageId).map(m -> m.filter(x -> x.channelId() == channelId)
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_MESSAGE)));
    }

    private Future<JsonObject> render(long messageId, long viewerId) {
        return messages.message(messageId).compose(m -> m
                .map(found -> messages.render(List.of(found), viewerId).map(list -> list.getJsonObject(0)))
                .orElseGet(() -> Future.failedFuture(new ApiException(ErrorCode.UNKNOWN_MESSAGE))));
    }
}
