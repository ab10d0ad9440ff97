package io.parley.message;

import io.parley.guild.GuildContext;
import io.parley.http.JsonInput;
import io.parley.message.MessageCommands.DeleteMessage;
import io.parley.message.MessageCommands.EditMessage;
import io.parley.message.MessageCommands.PostMessage;
import io.parley.platform.config.ParleyConfig;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.sticker.StickerQueries;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Messages sent, read, edited and deleted through a webhook's token. The webhook stands in for
 * a member: its message's author id is the webhook's id, and it may mention anyone (subject to
 * {@code allowed_mentions}), as Discord's webhooks may. The caller has checked the token.
 */
public final class WebhookMessages {
    /** Read-your-writes waits before an accepted message is reported as not readable yet. */
    private static final int RENDER_ATTEMPTS = 5;

    private final GuildContext g;
    private final MessageQueries messages;
    private final StickerQueries stickers;
    private final ParleyConfig.Limits limits;

    public WebhookMessages(GuildContext g, MessageQueries messages) {
        this.g = g;
        this.messages = messages;
        this.stickers = new StickerQueries(g.services().pool());
        this.limits = g.services().config().limits();
    }

    /**
     * Reads the body (JSON, or multipart {@code payload_json} with {@code files[n]} as for a
     * send), validates it, reporting every field error, and posts the message; its id once
     * accepted. {@code author} reads the per-message overrides from the payload.
     */
    public Future<Long> post(RoutingContext ctx, long guildId, long channelId,
                             Function<JsonInput, WebhookAuthor> author) {
        return AttachmentUpload.receiveAllowed(ctx, g).compose(upload -> {
            JsonInput input = upload.payload();
            WebhookAuthor who = author.apply(input);
            List<Attachment> attachments = upload.attachments(input, channelId);
            MessageDraft draft = MessageDraft.read(input, limits, !attachments.isEmpty());
            long messageId = g.services().snowflakes().next();
            Mentions parsed = MentionParser.parse(draft.content(), draft.allowedMentions(), null, true);
            return MessageRoutes.stickerItems(stickers, guildId, draft.stickerIds())
                    .compose(items -> MentionedRoles.resolve(g.services().pool(), guildId, parsed.roles(), true)
                            .compose(roles -> MessageDraft.existingUsers(g, parsed.users())
                                    .compose(users -> upload.keep(channelId, attachments, () -> g.services().commands()
                                            .send(new PostMessage(messageId, channelId, guildId, who.webhookId(), 0,
                                                    draft.content(), draft.nonce(), draft.tts(), draft.embedsJson(),
                                                    attachments, null, new Mentions(users, roles, parsed.everyone()),
                                                    draft.flags(), Instant.now(), items, who))))))
                    .map(v -> messageId)
                    .recover(failure -> failure instanceof DuplicateNonce duplicate
                            ? Future.succeededFuture(duplicate.originalMessageId()) : Future.failedFuture(failure));
        });
    }

    /** The message as anyone sees it, waiting for the projection if it trails the accepted command. */
    public Future<JsonObject> render(long messageId) {
        return render(messageId, RENDER_ATTEMPTS);
    }

    private Future<JsonObject> render(long messageId, int attempts) {
        return g.caughtUp(MessageProjection.GROUP, messageId, 0)
                .compose(v -> messages.message(messageId))
                .compose(found -> {
                    if (found.isPresent()) {
                        return messages.render(List.of(found.get()), 0).map(list -> list.getJsonObject(0));
                    }
                    if (attempts > 1) {
                        return render(messageId, attempts - 1);
                    }
                    return Future.failedFuture(new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                            "Message " + messageId + " was accepted but is not readable yet; fetch it later"));
                });
    }

    /** One of the webhook's own messages; 404 UNKNOWN_MESSAGE for any other. */
    public Future<JsonObject> get(long webhookId, long messageId) {
        return own(webhookId, messageId).compose(m -> messages.render(List.of(m), 0)).map(list -> list.getJsonObject(0));
    }

    /** {@code content}, {@code embeds} and {@code flags} of one of its own messages; null fields stay. */
    public Future<JsonObject> edit(long webhookId, long messageId, JsonInput input) {
        String content = input.optionalText("content", 0, limits.messageLength());
        String embeds = input.has("embeds") ? EmbedRules.validate(input, limits.embedsPerMessage()) : null;
        int flags = input.integer("flags", 0, Integer.MAX_VALUE, -1);
        input.done();
        return own(webhookId, messageId)
                .compose(m -> g.services().commands().<Long>send(new EditMessage(messageId, webhookId,
                        input.has("content") ? (content == null ? "" : content) : null, embeds,
                        flags < 0 ? null : (m.flags() & ~MessageFlags.EDITABLE) | (flags & MessageFlags.EDITABLE),
                        Instant.now())))
                .compose(version -> g.caughtUp(MessageProjection.GROUP, messageId, version))
                .compose(v -> get(webhookId, messageId));
    }

    public Future<Void> delete(long webhookId, long messageId) {
        return own(webhookId, messageId)
                .compose(m -> g.services().commands().<Long>send(new DeleteMessage(messageId, webhookId, Instant.now())))
                .compose(version -> g.caughtUp(MessageProjection.GROUP, messageId, version));
    }

    private Future<MessageRecord> own(long webhookId, long messageId) {
        return messages.message(messageId).map(found -> found
                .filter(m -> m.webhookId() != null && m.webhookId() == webhookId)
                .orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_MESSAGE)));
    }
}
