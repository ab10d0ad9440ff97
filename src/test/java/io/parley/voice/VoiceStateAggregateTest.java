package io.parley.voice;

import io.parley.platform.error.ApiException;
import io.parley.voice.VoiceCommands.ModerateVoice;
import io.parley.voice.VoiceCommands.RecordParticipantJoined;
import io.parley.voice.VoiceCommands.RecordRoomFinished;
import io.parley.voice.VoiceCommands.RecordParticipantLeft;
import io.parley.voice.VoiceCommands.RecordTrack;
import io.parley.voice.VoiceCommands.SelfFlags;
import io.parley.voice.VoiceCommands.UpdateSelfFlags;
import io.parley.voice.VoiceEvents.ParticipantEnded;
import io.parley.voice.VoiceEvents.ServerVoiceChanged;
import io.parley.voice.VoiceEvents.VoiceDisconnected;
import io.parley.voice.VoiceEvents.VoiceMoveRequested;
import io.parley.voice.VoiceEvents.VoiceStateChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class VoiceStateAggregateTest {
    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
    private static final String ID = VoiceCommands.id(1, 2);
    private static final SelfFlags MUTED = new SelfFlags(true, false, false, false);
    private FixtureConfiguration<VoiceStateAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VoiceStateAggregate.class);
    }

    private static RecordParticipantJoined join(String sid, long channelId, Instant at) {
        return new RecordParticipantJoined(ID, 1, 2, channelId, "c0ffee", sid, "sess", MUTED, at);
    }

    private static VoiceStateChanged joined(String sid, long channelId, Instant at) {
        return new VoiceStateChanged(ID, 1, 2, channelId, "c0ffee", sid, "sess", MUTED, false, false, at);
    }

    private static VoiceStateChanged left(String sid, Instant at) {
        return new VoiceStateChanged(ID, 1, 2, null, null, sid, null, SelfFlags.NONE, false, false, at);
    }

    @Test
    void aJoinWebhookPutsTheMemberInTheChannel() {
        fixture.givenNoPriorActivity()
                .when(join("PA_1", 10, T0))
                .expectEvents(joined("PA_1", 10, T0))
                .expectResultMessagePayload(true);
    }

    @Test
    void aRepeatedJoinWebhookChangesNothing() {
        fixture.given(joined("PA_1", 10, T0))
                .when(join("PA_1", 10, T0))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aLeaveTakesTheMemberOutOfVoice() {
        fixture.given(joined("PA_1", 10, T0))
                .when(new RecordParticipantLeft(ID, 1, 2, "PA_1", T0.plusSeconds(5)))
                .expectEvents(left("PA_1", T0.plusSeconds(5)));
    }

    @Test
    void aJoinArrivingAfterItsLeaveIsIgnored() {
        fixture.given(joined("PA_1", 10, T0), left("PA_1", T0.plusSeconds(5)))
                .when(join("PA_1", 10, T0))
                .expectNoEvents();
    }

    @Test
    void aLeaveArrivingBeforeItsJoinIsRememberedAndTheLateJoinIgnored() {
        fixture.givenNoPriorActivity()
                .when(new RecordParticipantLeft(ID, 1, 2, "PA_1", T0.plusSeconds(5)))
                .expectEvents(new ParticipantEnded(ID, "PA_1"));
        fixture.given(new ParticipantEnded(ID, "PA_1"))
                .when(join("PA_1", 10, T0))
                .expectNoEvents();
    }

    @Test
    void aStaleLeaveOfAnOlderConnectionDoesNotEndTheCurrentOne() {
        fixture.given(joined("PA_2", 11, T0.plusSeconds(10)))
                .when(new RecordParticipantLeft(ID, 1, 2, "PA_1", T0.plusSeconds(3)))
                .expectEvents(new ParticipantEnded(ID, "PA_1"))
                .expectResultMessagePayload(false);
    }

    @Test
    void anOlderJoinThanTheLastAppliedEventIsIgnored() {
        fixture.given(joined("PA_2", 11, T0.plusSeconds(10)))
                .when(join("PA_1", 10, T0))
                .expectNoEvents();
    }

    @Test
    void aNewerJoinMovesTheMember() {
        fixture.given(joined("PA_1", 10, T0))
                .when(join("PA_2", 11, T0.plusSeconds(1)))
                .expectEvents(joined("PA_2", 11, T0.plusSeconds(1)));
    }

    @Test
    void aCameraTrackSetsSelfVideoAndItsEndClearsIt() {
        SelfFlags video = new SelfFlags(true, false, true, false);
        fixture.given(joined("PA_1", 10, T0))
                .when(new RecordTrack(ID, 1, 2, "PA_1", true, true, T0.plusSeconds(1)))
                .expectEvents(new VoiceStateChanged(ID, 1, 2, 10L, "c0ffee", "PA_1", "sess", video, false, false,
                        T0.plusSeconds(1)));
        fixture.given(joined("PA_1", 10, T0), new VoiceStateChanged(ID, 1, 2, 10L, "c0ffee", "PA_1", "sess", video,
                        false, false, T0.plusSeconds(1)))
                .when(new RecordTrack(ID, 1, 2, "PA_1", true, false, T0.plusSeconds(2)))
                .expectEvents(joined("PA_1", 10, T0.plusSeconds(2)));
    }

    @Test
    void aTrackOfAnotherParticipantSessionIsIgnored() {
        fixture.given(joined("PA_1", 10, T0))
                .when(new RecordTrack(ID, 1, 2, "PA_9", false, true, T0.plusSeconds(1)))
                .expectNoEvents();
    }

    @Test
    void selfFlagsChangeOnlyWhileInVoice() {
        SelfFlags deaf = new SelfFlags(true, true, false, false);
        fixture.given(joined("PA_1", 10, T0))
                .when(new UpdateSelfFlags(ID, 1, 2, deaf, T0.plusSeconds(1)))
                .expectEvents(new VoiceStateChanged(ID, 1, 2, 10L, "c0ffee", "PA_1", "sess", deaf, false, false,
                        T0.plusSeconds(1)));
        fixture.given(joined("PA_1", 10, T0), left("PA_1", T0.plusSeconds(1)))
                .when(new UpdateSelfFlags(ID, 1, 2, deaf, T0.plusSeconds(2)))
                .expectNoEvents();
    }

    private static ModerateVoice moderate(boolean move, Long channelId, Boolean mute, Boolean deaf) {
        return new ModerateVoice(ID, 1, 2, 99, move, channelId, mute, deaf, T0.plusSeconds(5));
    }

    @Test
    void aServerMuteIsRecordedAndPushedWhileConnected() {
        fixture.given(joined("PA_1", 10, T0))
                .when(moderate(false, null, true, null))
                .expectEvents(new ServerVoiceChanged(ID, 1, 2, 10, "c0ffee", true, false, false, false, 99,
                        T0.plusSeconds(5)),
                        new VoiceStateChanged(ID, 1, 2, 10L, "c0ffee", "PA_1", "sess", MUTED, true, false,
                                T0.plusSeconds(5)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void moderatingAMemberOutOfVoiceIsRefused() {
        fixture.given(joined("PA_1", 10, T0), left("PA_1", T0.plusSeconds(1)))
                .when(moderate(false, null, true, null))
                .expectNoEvents()
                .expectException(ApiException.class)
                .expectExceptionMessage("Target user is not connected to voice");
        fixture.givenNoPriorActivity()
                .when(moderate(true, 11L, null, null))
                .expectException(ApiException.class);
    }

    @Test
    void aMuteThatChangesNothingRecordsNothing() {
        fixture.given(joined("PA_1", 10, T0))
                .when(moderate(false, null, false, false))
                .expectNoEvents()
                .expectResultMessagePayload(-1L);
    }

    @Test
    void aServerUnmuteAfterARejoinClearsTheMuteTheRejoinCarried() {
        VoiceStateChanged mutedRejoin = new VoiceStateChanged(ID, 1, 2, 10L, "c0ffee", "PA_2", "sess", MUTED, true,
                false, T0.plusSeconds(2));
        fixture.given(joined("PA_1", 10, T0), new VoiceStateChanged(ID, 1, 2, null, null, "PA_1", null,
                        SelfFlags.NONE, true, false, T0.plusSeconds(1)), mutedRejoin)
                .when(moderate(false, null, false, null))
                .expectEvents(new ServerVoiceChanged(ID, 1, 2, 10, "c0ffee", false, false, true, false, 99,
                                T0.plusSeconds(5)),
                        new VoiceStateChanged(ID, 1, 2, 10L, "c0ffee", "PA_2", "sess", MUTED, false, false,
                                T0.plusSeconds(5)))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aDisconnectTakesTheMemberOutAtOnceAndKeepsTheServerMute() {
        VoiceStateChanged mutedJoin = new VoiceStateChanged(ID, 1, 2, 10L, "c0ffee", "PA_1", "sess", MUTED, true,
                false, T0);
        fixture.given(mutedJoin)
                .when(moderate(true, null, null, null))
                .expectEvents(new VoiceDisconnected(ID, 1, 2, 10, "c0ffee", 99, T0.plusSeconds(5)),
                        new VoiceStateChanged(ID, 1, 2, null, null, "PA_1", null, SelfFlags.NONE, true, false,
                                T0.plusSeconds(5)));
        fixture.given(mutedJoin, new VoiceStateChanged(ID, 1, 2, null, null, "PA_1", null, SelfFlags.NONE, true,
                        false, T0.plusSeconds(5)))
                .when(join("PA_2", 10, T0.plusSeconds(6)))
                .expectEvents(new VoiceStateChanged(ID, 1, 2, 10L, "c0ffee", "PA_2", "sess", MUTED, true, false,
                        T0.plusSeconds(6)));
    }

    @Test
    void aMoveIsRequestedAndTheStateFollowsLiveKit() {
        fixture.given(joined("PA_1", 10, T0))
                .when(moderate(true, 11L, null, null))
                .expectEvents(new VoiceMoveRequested(ID, 1, 2, 10, 11, "c0ffee", "sess", MUTED, 99, T0.plusSeconds(5)));
        fixture.given(joined("PA_1", 10, T0))
                .when(moderate(true, 10L, null, null))
                .expectNoEvents();
    }

    @Test
    void aFinishedRoomEmptiesOnlyItsOwnChannel() {
        fixture.given(joined("PA_1", 10, T0))
                .when(new RecordRoomFinished(ID, 1, 2, 10, T0.plusSeconds(3)))
                .expectEvents(left("PA_1", T0.plusSeconds(3)));
        fixture.given(joined("PA_1", 10, T0))
                .when(new RecordRoomFinished(ID, 1, 2, 11, T0.plusSeconds(3)))
                .expectNoEvents();
    }
}
