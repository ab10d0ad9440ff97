package io.parley.gateway;

import io.parley.member.MemberProjection;
import io.parley.member.MemberQueries;
import io.parley.member.MemberRecord;
import io.parley.platform.axon.ReadYourWrites;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * GUILD_MEMBER_UPDATE as the members table has it once it holds the change: the member object
 * then carries what no single event does (nick, roles and timeout from the member, server
 * mute/deaf from the voice state). Reads overlap, dispatches go out in event order.
 */
final class MemberUpdates {
    private static final Logger log = LoggerFactory.getLogger(MemberUpdates.class);

    private final Audience audience;
    private final MemberQueries members;
    private final ReadYourWrites readYourWrites;
    private final boolean blocking;
    private Future<?> previous = Future.succeededFuture();

    /** {@code blocking}: read and send before returning (a resume's replay on a worker thread, of past events). */
    MemberUpdates(Audience audience, MemberQueries members, ReadYourWrites readYourWrites, boolean blocking) {
        this.audience = audience;
        this.members = members;
        this.readYourWrites = readYourWrites;
        this.blocking = blocking;
    }

    /** The event {@code version} of {@code aggregateId} changed the member {@code userId} of {@code guildId}. */
    synchronized void changed(long guildId, long userId, String aggregateId, long version) {
        if (blocking) {
            try {
                members.member(guildId, userId).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS)
                        .ifPresent(member -> send(guildId, userId, member));
            } catch (Exception e) {
                log.warn("GUILD_MEMBER_UPDATE of {} in guild {} not replayed: {}", userId, guildId, e.toString());
            }
            return;
        }
        Future<Optional<MemberRecord>> read = readYourWrites.await(MemberProjection.GROUP, aggregateId, version)
                .compose(v -> members.member(guildId, userId));
        previous = previous.transform(done -> read).andThen(result -> {
            if (result.failed()) {
                log.warn("GUILD_MEMBER_UPDATE of {} in guild {} not sent: {}", userId, guildId,
                        result.cause().toString());
            } else {
                result.result().ifPresent(member -> send(guildId, userId, member));
            }
        });
    }

    private void send(long guildId, long userId, MemberRecord member) {
        String data = member.toJson().put("guild_id", Long.toString(guildId)).encode();
        audience.guild(guildId, null, null, Intents.GUILD_MEMBERS, "GUILD_MEMBER_UPDATE", data);
        audience.users(List.of(userId), 0, "GUILD_MEMBER_UPDATE", data);
    }
}
