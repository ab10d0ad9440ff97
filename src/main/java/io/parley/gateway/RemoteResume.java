package io.parley.gateway;

import io.parley.cluster.Valkey;
import io.parley.guild.GuildQueries;
import io.parley.guild.GuildRecord;
import io.parley.platform.axon.ReadYourWrites;
import io.parley.platform.axon.WakeableEventStore;
import io.parley.platform.config.ParleyConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Cluster mode: RESUME of a session whose node is gone (or that another node let go of).
 * From the session's record in Valkey it picks the newest checkpoint the client has seen past
 * and the events whose frames the client already has; registers the session for live
 * dispatch between two events of this node's live processor (the cut); re-runs the
 * dispatchers over the log from the checkpoint to the cut for this session alone, skipping
 * what the client has; then sends those, then what arrived live meanwhile, numbered on from
 * the client's {@code seq}. Permission checks during that replay use the guild state of now.
 */
final class RemoteResume {
    private static final Logger log = LoggerFactory.getLogger(RemoteResume.class);
    private static final long CUT_WAIT_MS = 5000;
    private static final int MAX_REPLAYED_EVENTS = 200_000;
    /** As many members as READY lists presences for at the highest large_threshold. */
    private static final int PRESENCE_SNAPSHOT_MEMBERS = 250;

    private final Vertx vertx;
    private final Valkey valkey;
    private final ParleyConfig.Gateway config;
    private final Sessions sessions;
    private final LivePosition position;
    private final ResumeRecords records;
    private final ReadyBuilder readyBuilder;
    private final GuildQueries guilds;
    private final ReadYourWrites readYourWrites;
    private volatile UserDirectory users;
    private volatile PrivateChannelDirectory privateChannels;
    private volatile WakeableEventStore eventStore;

    /** {@code login}: the login session (token) the session is bound to; 0 in records of older nodes. */
    record Plan(long userId, long login, boolean bot, int intents, GapAwareTrackingToken checkpoint, Set<Long> seen) {
    }

    RemoteResume(Vertx vertx, Valkey valkey, ParleyConfig.Gateway config, Sessions sessions, LivePosition position,
                 ResumeRecords records, ReadyBuilder readyBuilder, GuildQueries guilds, ReadYourWrites readYourWrites) {
        this.vertx = vertx;
        this.valkey = valkey;
        this.config = config;
        this.sessions = sessions;
        this.position = position;
        this.records = records;
        this.readyBuilder = readyBuilder;
        this.guilds = guilds;
        this.readYourWrites = readYourWrites;
    }

    void attach(WakeableEventStore store, UserDirectory directory, PrivateChannelDirectory channels) {
        this.eventStore = store;
        this.users = directory;
        this.privateChannels = channels;
    }

    /** The rebuilt session, attached to {@code connection} and RESUMED; null when it cannot be resumed (op 9). */
    Future<GatewaySession> resume(long userId, long login, String sessionId, long clientSeq, Context context,
                                  GatewayConnection connection) {
        if (eventStore == null || !valkey.up()) {
            return Future.succeededFuture(null);
        }
        return valkey.send(Request.cmd(Command.GET).arg(ResumeRecords.key(sessionId)))
                .compose(info -> info == null ? Future.succeededFuture((Plan) null)
                        : valkey.send(Request.cmd(Command.LRANGE).arg(ResumeRecords.logKey(sessionId,
                                        new JsonObject(info.toString()).getString("node"))).arg(0).arg(-1))
                                .map(entries -> plan(info, entries, clientSeq)))
                .compose(plan -> {
                    if (plan == null || plan.userId() != userId || plan.login() != 0 && plan.login() != login) {
                        return Future.succeededFuture(null);
                    }
                    GatewaySession session = new GatewaySession(sessionId, userId, plan.bot(), plan.intents(), context,
                            new ReplayBuffer(config.replayEvents(), config.replayBytes()));
                    session.authenticatedBy(login);
                    session.startAt(clientSeq);
                    return memberGuilds(userId).compose(guildIds -> vertx.executeBlocking(
                            () -> rebuild(session, plan, guildIds, connection), false)
                            .onSuccess(resumed -> sendPresenceSnapshot(resumed, guildIds)));
                })
                .recover(e -> {
                    log.warn("resuming session {} here failed", sessionId, e);
                    return Future.succeededFuture(null);
                });
    }

    /**
     * PRESENCE_UPDATEs the client missed while its node was dead are not in the log; after
     * RESUMED it gets the current presence of each guild's online members instead (the
     * members READY would have listed).
     */
    private void sendPresenceSnapshot(GatewaySession resumed, List<Long> guildIds) {
        if (resumed == null || !resumed.wants(Intents.GUILD_PRESENCES)) {
            return;
        }
        for (long guildId : guildIds) {
            readyBuilder.presenceSnapshot(guildId, PRESENCE_SNAPSHOT_MEMBERS).onSuccess(updates ->
                    updates.forEach(update -> resumed.dispatchOnContext("PRESENCE_UPDATE", update)));
        }
    }

    private Future<List<Long>> memberGuilds(long userId) {
        return guilds.guildsOf(userId).compose(list -> {
            List<Future<Long>> primed = new ArrayList<>();
            for (GuildRecord guild : list) {
                primed.add(readyBuilder.prime(guild.id(), userId).map(member -> member ? guild.id() : null));
            }
            return Future.all(primed).map(all -> primed.stream().map(Future::result)
                    .filter(java.util.Objects::nonNull).toList());
        });
    }

    static Plan plan(Response infoReply, Response entries, long clientSeq) {
        JsonObject info = new JsonObject(infoReply.toString());
        GapAwareTrackingToken checkpoint = null;
        long checkpointSeq = -1;
        List<long[]> frames = new ArrayList<>();
        for (Response entry : entries) {
            String text = entry.toString();
            int first = text.indexOf(':');
            int second = text.indexOf(':', first + 1);
            long seq = Long.parseLong(text.substring(first + 1, second));
            String rest = text.substring(second + 1);
            if (text.startsWith("c:")) {
                if (seq <= clientSeq && seq >= checkpointSeq) {
                    checkpointSeq = seq;
                    checkpoint = ResumeRecords.decode(rest);
                }
            } else {
                frames.add(new long[]{seq, Long.parseLong(rest)});
            }
        }
        if (checkpoint == null) {
            return null;
        }
        Set<Long> seen = new HashSet<>();
        for (long[] frame : frames) {
            if (frame[0] > checkpointSeq && frame[0] <= clientSeq) {
                seen.add(frame[1]);
            }
        }
        return new Plan(info.getLong("user"), info.getLong("login", 0L), info.getBoolean("bot", false),
                info.getInteger("intents", 0), checkpoint, seen);
    }

    private GatewaySession rebuild(GatewaySession session, Plan plan, List<Long> guildIds,
                                   GatewayConnection connection) throws Exception {
        GapAwareTrackingToken cut = register(session, plan, guildIds);
        if (cut == null) {
            return null;
        }
        List<GatewaySession.Held> replayed;
        try {
            replayed = replay(session, plan, guildIds, cut);
        } catch (Exception | Error e) {
            sessions.remove(session);
            throw e;
        }
        session.attach(connection);
        session.release(replayed, records, cut);
        log.info("session {} resumed on this node from its record: {} dispatches replayed from the log",
                session.id, replayed.size());
        return session;
    }

    /** Joins live dispatch between two events once this node has read past everything the client has. */
    private GapAwareTrackingToken register(GatewaySession session, Plan plan, List<Long> guildIds)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + CUT_WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            GapAwareTrackingToken cut = position.between(token -> {
                if (token == null || !token.covers(plan.checkpoint())
                        || !plan.seen().stream().allMatch(index -> LivePosition.covers(token, index))) {
                    return null;
                }
                sessions.add(session);
                guildIds.forEach(guildId -> sessions.subscribe(session, guildId));
                return token;
            });
            if (cut != null) {
                return cut;
            }
            eventStore.wake();
            Thread.sleep(20);
        }
        log.warn("session {}: this node did not reach the position of the client's last dispatch in time", session.id);
        return null;
    }

    /** The dispatches of the events between the checkpoint and the cut that the client does not have. */
    private List<GatewaySession.Held> replay(GatewaySession session, Plan plan, List<Long> guildIds,
                                             GapAwareTrackingToken cut) throws Exception {
        GatewaySession collector = new GatewaySession(session.id, session.userId, session.bot, session.intents,
                session.context, new ReplayBuffer(0, 0));
        collector.hold();
        Sessions own = new Sessions();
        own.add(collector);
        for (long guildId : guildIds) {
            sessions.view(guildId).ifPresent(view -> {
                own.viewOrPut(guildId, view::copy);
                own.subscribe(collector, guildId);
            });
        }
        List<AnnotationEventHandlerAdapter> dispatchers = List.of(
                new AnnotationEventHandlerAdapter(new GatewayDispatcher(own, users, readyBuilder, readYourWrites, true)),
                new AnnotationEventHandlerAdapter(new MessageDispatcher(own, users, privateChannels)),
                new AnnotationEventHandlerAdapter(new SocialDispatcher(own, users, privateChannels)),
                new AnnotationEventHandlerAdapter(new VoiceDispatcher(own, users)),
                new AnnotationEventHandlerAdapter(new ExpressionDispatcher(own)),
                new AnnotationEventHandlerAdapter(new SettingsDispatcher(own, null)));
        if (cut.getIndex() <= plan.checkpoint().getIndex() && plan.checkpoint().getGaps().isEmpty()) {
            return collector.held();
        }
        int count = 0;
        // Past the checkpoint's index the cut's own event is sure to come; below it only gap fills may.
        long waitMs = cut.getIndex() > plan.checkpoint().getIndex() ? 2000 : 50;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(plan.checkpoint())) {
            while (stream.hasNextAvailable((int) waitMs, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                long index = ((GapAwareTrackingToken) event.trackingToken()).getIndex();
                if (index > cut.getIndex()) {
                    break;
                }
                if (++count > MAX_REPLAYED_EVENTS) {
                    throw new IllegalStateException("too many events to replay");
                }
                if (LivePosition.covers(cut, index) && !LivePosition.covers(plan.checkpoint(), index)
                        && !plan.seen().contains(index)) {
                    for (AnnotationEventHandlerAdapter dispatcher : dispatchers) {
                        if (dispatcher.canHandle(event)) {
                            LivePosition.asEvent(index, () -> {
                                try {
                                    dispatcher.handle(event);
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            });
                        }
                    }
                }
                if (index == cut.getIndex()) {
                    break;
                }
            }
        }
        return collector.held();
    }
}
