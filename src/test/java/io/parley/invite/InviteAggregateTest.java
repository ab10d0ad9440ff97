package io.parley.invite;

import io.parley.invite.InviteCommands.CreateInvite;
import io.parley.invite.InviteCommands.DeleteInvite;
import io.parley.invite.InviteCommands.UseInvite;
import io.parley.invite.InviteEvents.InviteCreated;
import io.parley.invite.InviteEvents.InviteDeleted;
import io.parley.invite.InviteEvents.InviteUsed;
import io.parley.platform.error.ApiException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class InviteAggregateTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private FixtureConfiguration<InviteAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InviteAggregate.class);
    }

    private static InviteCreated created(int maxAge, int maxUses) {
        return new InviteCreated("abc", 1, 2, 3, maxAge, maxUses, false,
                maxAge == 0 ? null : NOW.plusSeconds(maxAge), NOW);
    }

    @Test
    void creatingComputesTheExpiryFromTheMaxAge() {
        fixture.givenNoPriorActivity()
                .when(new CreateInvite("abc", 1, 2, 3, 3600, 0, false, NOW))
                .expectEvents(created(3600, 0));
    }

    @Test
    void aMaxAgeOfZeroNeverExpires() {
        fixture.givenNoPriorActivity()
                .when(new CreateInvite("abc", 1, 2, 3, 0, 0, false, NOW))
                .expectEvents(created(0, 0));
        fixture.given(created(0, 0))
                .when(new UseInvite("abc", 9, NOW.plusSeconds(10L * 365 * 24 * 3600)))
                .expectEvents(new InviteUsed("abc", 1, 9, 1, NOW.plusSeconds(10L * 365 * 24 * 3600)));
    }

    @Test
    void eachUseIsCounted() {
        fixture.given(created(3600, 0), new InviteUsed("abc", 1, 8, 1, NOW))
                .when(new UseInvite("abc", 9, NOW))
                .expectEvents(new InviteUsed("abc", 1, 9, 2, NOW));
    }

    @Test
    void aUsedUpInviteIsRefused() {
        fixture.given(created(3600, 1), new InviteUsed("abc", 1, 8, 1, NOW))
                .when(new UseInvite("abc", 9, NOW))
                .expectException(ApiException.class)
                .expectNoEvents();
    }

    @Test
    void anExpiredInviteIsRefusedFromTheMomentItExpires() {
        fixture.given(created(60, 0))
                .when(new UseInvite("abc", 9, NOW.plusSeconds(60)))
                .expectException(ApiException.class)
                .expectNoEvents();
    }

    @Test
    void deletingRecordsWhoDeletedIt() {
        fixture.given(created(60, 0))
                .when(new DeleteInvite("abc", 3, NOW))
                .expectEvents(new InviteDeleted("abc", 1, 2, 3, NOW));
    }
}
