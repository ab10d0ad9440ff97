package io.parley.message;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/**
 * Which role mentions of a message resolve: roles of the guild (never @everyone, whose id is the
 * guild's), and of those only the mentionable ones unless the author may mention any role
 * (MENTION_EVERYONE in the channel, or a webhook). An unresolved mention stays plain text: the
 * message is still accepted, nobody is pinged.
 */
final class MentionedRoles {
    private MentionedRoles() {
    }

    static Future<List<Long>> resolve(Pool pool, long guildId, List<Long> ids, boolean anyRole) {
        List<Long> candidates = ids.stream().filter(id -> id != guildId).toList();
        if (candidates.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return pool.preparedQuery("SELECT id FROM roles WHERE guild_id = $1 AND id = ANY($2) AND (mentionable OR $3)")
                .execute(Tuple.of(guildId, candidates.toArray(Long[]::new), anyRole))
                .map(rows -> {
                    List<Long> found = new ArrayList<>();
                    rows.forEach(row -> found.add(row.getLong(0)));
                    return candidates.stream().filter(found::contains).toList();
                });
    }
}
