package io.parley.message;

import io.parley.guild.ChannelActor;
import io.parley.guild.GuildContext;
import io.parley.http.JsonInput;
import io.parley.permission.Permission;
import io.parley.platform.config.ParleyConfig;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** A message as the sender wrote it, validated; {@link #resolve} adds what needs the database. */
record MessageDraft(String content, String nonce, boolean tts, String embedsJson, JsonObject allowedMentions,
                    Long referencedMessageId, boolean failIfReferenceMissing, int flags, List<Long> stickerIds) {
    private static final int DEFAULT = 0;
    /** Discord's limit of stickers per message. */
    static final int MAX_STICKERS = 3;
    private static final int REPLY = 19;

    record Resolved(int type, Long referencedMessageId, Mentions mentions) {
    }

    static MessageDraft read(JsonInput input, ParleyConfig.Limits limits, boolean hasAttachments) {
        String content = input.optionalText("content", 0, limits.messageLength());
        String nonce = nonce(input);
        boolean enforceNonce = input.bool("enforce_nonce", false);
        boolean tts = input.bool("tts", false);
        String embeds = EmbedRules.validate(input, limits.embedsPerMessage());
        int flags = input.integer("flags", 0, Integer.MAX_VALUE, 0) & MessageFlags.EDITABLE;
        JsonObject allowed = input.has("allowed_mentions") && input.raw("allowed_mentions") instanceof JsonObject a ? a : null;
        Long reference = null;
        boolean failIfMissing = true;
        if (input.raw("message_reference") instanceof JsonObject ref) {
            JsonInput refInput = input.element("message_reference", ref);
            reference = refInput.snowflake("message_id");
            failIfMissing = refInput.bool("fail_if_not_exists", true);
        }
        List<Long> stickerIds = stickerIds(input);
        input.done();
        if ((content == null || content.isBlank()) && embeds.equals("[]") && !hasAttachments && stickerIds.isEmpty()) {
            throw new ApiException(ErrorCode.CANNOT_SEND_EMPTY_MESSAGE);
        }
        return new MessageDraft(content == null ? "" : content, enforceNonce ? nonce : null, tts, embeds, allowed,
                reference, failIfMissing, flags, stickerIds);
    }

    /** {@code sticker_ids}: at most {@link #MAX_STICKERS} distinct snowflakes (strings or numbers). */
    static List<Long> stickerIds(JsonInput input) {
        if (input.raw("sticker_ids") == null) {
            return List.of();
        }
        JsonArray raw = input.array("sticker_ids");
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > MAX_STICKERS) {
            input.error("sticker_ids", "At most " + MAX_STICKERS + " stickers per message");
            return List.of();
        }
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Object value = raw.getValue(i);
            try {
                long id = Long.parseLong(String.valueOf(value));
                if (id <= 0 || !(value instanceof String || value instanceof Number)) {
                    throw new NumberFormatException();
                }
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            } catch (NumberFormatException e) {
                input.error("sticker_ids." + i, "Must be a snowflake");
            }
        }
        return List.copyOf(ids);
    }

    /** Nonces may be strings or integers (Fluxer and Discord clients differ); at most 25 characters. */
    private static String nonce(JsonInput input) {
        Object raw = input.raw("nonce");
        if (raw == null) {
            return null;
        }
        String value = raw instanceof Number n ? Long.toString(n.longValue()) : raw.toString();
        if (!(raw instanceof String || raw instanceof Number) || value.length() > 25) {
            input.error("nonce", "Must be a string or integer of at most 25 characters");
            return null;
        }
        return value;
    }

    Future<Resolved> resolve(ChannelActor access, long channelId, MessageQueries messages, GuildContext g) {
        Future<Long> repliedUser = Future.succeededFuture(null);
        if (referencedMessageId != null) {
            access.require(Permission.READ_MESSAGE_HISTORY);
            repliedUser = messages.message(referencedMessageId).map(m -> {
                if (m.isPresent() && m.get().channelId() == channelId) {
                    return m.get().author().id();
                }
                if (failIfReferenceMissing) {
                    throw ApiException.invalid("message_reference.message_id", "Unknown message");
                }
                return null;
            });
        }
        boolean mayMentionEveryone = Permission.has(access.permissions(), Permission.MENTION_EVERYONE);
        return repliedUser.compose(replied -> {
            Long reference = replied == null ? null : referencedMessageId;
            Mentions parsed = MentionParser.parse(content, allowedMentions, replied, mayMentionEveryone);
            long guildId = access.channel().guildId();
            Future<List<Long>> roles = guildId == 0 ? Future.succeededFuture(List.of())
                    : MentionedRoles.resolve(g.services().pool(), guildId, parsed.roles(), mayMentionEveryone);
            return roles.compose(mentionedRoles -> existingUsers(g, parsed.users()).map(users -> new Resolved(
                    reference == null ? DEFAULT : REPLY, reference, new Mentions(users, mentionedRoles, parsed.everyone()))));
        });
    }

    static Future<List<Long>> existingUsers(GuildContext g, List<Long> ids) {
        Future<List<Long>> result = Future.succeededFuture(new java.util.ArrayList<>());
        for (long id : ids) {
            result = result.compose(found -> g.services().accounts().userById(id).map(user -> {
                user.ifPresent(u -> found.add(u.id()));
                return found;
            }));
        }
        return result;
    }
}
