package io.parley.voice;

import io.livekit.server.WebhookReceiver;
import io.parley.http.RouteModule;
import io.parley.platform.axon.Commands;
import io.parley.voice.VoiceCommands.RecordParticipantJoined;
import io.parley.voice.VoiceCommands.RecordParticipantLeft;
import io.parley.voice.VoiceCommands.RecordRoomFinished;
import io.parley.voice.VoiceCommands.RecordTrack;
import io.parley.voice.VoiceCommands.SelfFlags;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitWebhook.WebhookEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code POST /webhooks/livekit}: LiveKit's signed webhooks become voice-state commands. The
 * signature and the body hash are checked by the SDK's receiver on the raw body; anything
 * else is answered 401 and logged.
 */
public final class LiveKitWebhookRoutes implements RouteModule {
    private static final Logger log = LoggerFactory.getLogger(LiveKitWebhookRoutes.class);

    private final WebhookReceiver receiver;
    private final Commands commands;
    private final VoiceStateQueries states;

    public LiveKitWebhookRoutes(String apiKey, String apiSecret, Commands commands, VoiceStateQueries states) {
        this.receiver = new WebhookReceiver(apiKey, apiSecret);
        this.commands = commands;
        this.states = states;
    }

    @Override
    public void mount(Router router) {
        router.post("/webhooks/livekit").handler(this::receive);
    }

    private void receive(RoutingContext ctx) {
        String body = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
        WebhookEvent event;
        try {
            event = receiver.receive(body, ctx.request().getHeader("Authorization"));
        } catch (Exception e) {
            log.warn("rejected a LiveKit webhook from {}: {}", ctx.request().remoteAddress(), e.toString());
            ctx.response().setStatusCode(401).putHeader("content-type", "application/json")
                    .end(new JsonObject().put("message", "401: Unauthorized").put("code", 0).encode());
            return;
        }
        apply(event).onComplete(r -> {
            if (r.failed()) {
                log.warn("LiveKit webhook {} ({}) not applied: {}", event.getId(), event.getEvent(), r.cause().toString());
            }
            ctx.response().setStatusCode(200).end();
        });
    }

    private Future<?> apply(WebhookEvent event) {
        Optional<VoiceRooms.Room> room = VoiceRooms.parseRoom(event.getRoom().getName());
        Optional<VoiceRooms.Identity> who = event.hasParticipant()
                ? VoiceRooms.parseIdentity(event.getParticipant().getIdentity()) : Optional.empty();
        if (room.isPresent() && event.getEvent().equals("room_finished")) {
            return roomFinished(room.get(), Instant.ofEpochSecond(event.getCreatedAt()));
        }
        if (room.isEmpty() || who.isEmpty()) {
            return Future.succeededFuture(); // not a Parley room or participant
        }
        long guildId = room.get().guildId();
        long userId = who.get().userId();
        String id = VoiceCommands.id(guildId, userId);
        ParticipantInfo participant = event.getParticipant();
        Instant at = Instant.ofEpochSecond(event.getCreatedAt());
        return switch (event.getEvent()) {
            case "participant_joined" -> {
                JsonObject meta = metadata(participant.getMetadata());
                yield commands.send(new RecordParticipantJoined(id, guildId, userId, room.get().channelId(),
                        who.get().connectionId(), participant.getSid(), meta.getString("session_id"),
                        new SelfFlags(meta.getBoolean("self_mute", false), meta.getBoolean("self_deaf", false),
                                meta.getBoolean("self_video", false), meta.getBoolean("self_stream", false)), at));
            }
            case "participant_left" -> commands.send(new RecordParticipantLeft(id, guildId, userId, participant.getSid(), at));
            case "track_published", "track_unpublished" -> {
                TrackSource source = event.getTrack().getSource();
                boolean video = source == TrackSource.CAMERA;
                boolean stream = source == TrackSource.SCREEN_SHARE;
                yield video || stream ? commands.send(new RecordTrack(id, guildId, userId, participant.getSid(), video,
                        event.getEvent().equals("track_published"), at)) : Future.succeededFuture();
            }
            default -> Future.succeededFuture();
        };
    }

    /** Everyone the read table has in the room's channel leaves it (their aggregates check it is so). */
    private Future<?> roomFinished(VoiceRooms.Room room, Instant at) {
        return states.inChannel(room.channelId()).compose(list -> Future.all(list.stream()
                .filter(s -> s.guildId() == room.guildId())
                .map(s -> commands.send(new RecordRoomFinished(VoiceCommands.id(s.guildId(), s.userId()), s.guildId(),
                        s.userId(), room.channelId(), at)))
                .toList()));
    }

    private static JsonObject metadata(String raw) {
        try {
            return raw == null || raw.isBlank() ? new JsonObject() : new JsonObject(raw);
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }
}
