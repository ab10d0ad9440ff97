package io.parley.guild;

import io.parley.http.ApiServices;
import io.vertx.core.Future;
import io.parley.member.MemberQueries;

/** What the guild, channel, role and member routes share. */
public record GuildContext(ApiServices services, GuildQueries guilds, GuildAccess access, MemberQueries members) {

    /** Waits until {@code group}'s read tables hold {@code aggregateId} at {@code version} (read-your-writes). */
    public Future<Void> caughtUp(String group, Object aggregateId, long version) {
        return services.readYourWrites().await(group, aggregateId, version);
    }
}
