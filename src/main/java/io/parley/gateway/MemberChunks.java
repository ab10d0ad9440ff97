package io.parley.gateway;

import io.parley.member.MemberQueries;
import io.parley.member.MemberRecord;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** op 8 REQUEST_GUILD_MEMBERS → GUILD_MEMBERS_CHUNK pages of at most 1000 members. */
final class MemberChunks {
    private static final int CHUNK = 1000;
    private static final int MAX_ALL = 100_000;

    private final MemberQueries members;
    private final Presences presences;

    MemberChunks(MemberQueries members, Presences presences) {
        this.members = members;
        this.presences = presences;
    }

    /**
     * False when the request is malformed (the caller closes with 4002). {@link FrameRules} has
     * checked the types; {@code guild_id} may list several guilds, each answered on its own.
     */
    boolean request(GatewaySession session, JsonObject d, Runnable disallowed) {
        Object guildValue = d.getValue("guild_id");
        JsonArray guildIds = guildValue instanceof JsonArray many ? many : new JsonArray().add(guildValue);
        String query = d.getValue("query") instanceof String q ? q : null;
        Object userValue = d.getValue("user_ids");
        JsonArray userIds = userValue instanceof JsonArray a ? a : userValue == null ? null : new JsonArray().add(userValue);
        if (query == null && userIds == null) {
            return false;
        }
        boolean everyone = userIds == null && query.isEmpty();
        if ((everyone || userIds != null) && !session.wants(Intents.GUILD_MEMBERS)) {
            disallowed.run();
            return true;
        }
        int limit = d.getValue("limit") instanceof Number l ? (int) Math.min(Integer.MAX_VALUE, l.longValue()) : 0;
        for (Object guild : guildIds) {
            long guildId = Long.parseLong(String.valueOf(guild));
            if (session.guilds.contains(guildId)) {
                request(session, guildId, d, query, userIds, limit, everyone);
            }
        }
        return true;
    }

    private void request(GatewaySession session, long guildId, JsonObject d, String query, JsonArray userIds,
                         int limit, boolean everyone) {
        Future<List<MemberRecord>> found;
        List<Long> wanted = new ArrayList<>();
        if (userIds != null) {
            userIds.forEach(id -> wanted.add(Long.parseLong(String.valueOf(id))));
            found = members.byIds(guildId, wanted.subList(0, Math.min(100, wanted.size())));
        } else {
            int max = everyone && limit == 0 ? MAX_ALL : Math.max(1, Math.min(limit == 0 ? 100 : limit, everyone ? MAX_ALL : 100));
            found = everyone ? members.members(guildId, 0, max) : members.search(guildId, query, max);
        }
        boolean withPresences = Boolean.TRUE.equals(d.getValue("presences"));
        Object nonce = d.getValue("nonce");
        found.onFailure(e -> org.slf4j.LoggerFactory.getLogger(MemberChunks.class)
                .warn("REQUEST_GUILD_MEMBERS of session {} failed", session.id, e));
        found.compose(list -> (withPresences
                        ? presences.visible(list.stream().map(m -> m.user().id()).toList())
                        : Future.succeededFuture(java.util.Map.<Long, JsonObject>of()))
                        .onSuccess(visible -> send(session, guildId, list, wanted, visible, withPresences, nonce)));
    }

    private void send(GatewaySession session, long guildId, List<MemberRecord> list, List<Long> wanted,
                      java.util.Map<Long, JsonObject> visible, boolean withPresences, Object nonce) {
        int count = Math.max(1, (list.size() + CHUNK - 1) / CHUNK);
        for (int index = 0; index < count; index++) {
            List<MemberRecord> page = list.subList(index * CHUNK, Math.min(list.size(), (index + 1) * CHUNK));
            JsonArray memberJson = new JsonArray();
            JsonArray presenceJson = new JsonArray();
            page.forEach(m -> {
                memberJson.add(m.toJson());
                if (withPresences) {
                    presenceJson.add(visible.getOrDefault(m.user().id(), PresenceStore.OFFLINE).copy().put("user",
                            new JsonObject().put("id", Long.toString(m.user().id()))));
                }
            });
            JsonObject chunk = new JsonObject().put("guild_id", Long.toString(guildId)).put("members", memberJson)
                    .put("chunk_index", index).put("chunk_count", count);
            if (index == count - 1 && !wanted.isEmpty()) {
                JsonArray notFound = new JsonArray();
                wanted.stream().filter(id -> list.stream().noneMatch(m -> m.user().id() == id))
                        .forEach(id -> notFound.add(Long.toString(id)));
                chunk.put("not_found", notFound);
            }
            if (withPresences) {
                chunk.put("presences", presenceJson);
            }
            if (nonce != null) {
                chunk.put("nonce", nonce);
            }
            session.dispatchOnContext("GUILD_MEMBERS_CHUNK", chunk.encode());
        }
    }
}
