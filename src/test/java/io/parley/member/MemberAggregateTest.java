package io.parley.member;

import io.parley.guild.Change;
import io.parley.member.MemberCommands.BanUser;
import io.parley.member.MemberCommands.JoinGuild;
import io.parley.member.MemberCommands.RemoveMember;
import io.parley.member.MemberCommands.UnbanUser;
import io.parley.member.MemberCommands.UpdateMember;
import io.parley.member.MemberEvents.MemberJoined;
import io.parley.member.MemberEvents.MemberRemoved;
import io.parley.member.MemberEvents.MemberUpdated;
import io.parley.member.MemberEvents.UserBanned;
import io.parley.member.MemberEvents.UserUnbanned;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

/** Given/when/then tests of membership and bans as {@link MemberAggregate} decides them. */
class MemberAggregateTest {
    private static final long GUILD = 410_000_000_000_000_001L;
    private static final long ALICE = 100_000_000_000_000_001L;
    private static final long MOD = 100_000_000_000_000_002L;
    private static final long ROLE_A = 430_000_000_000_000_001L;
    private static final long ROLE_B = 430_000_000_000_000_002L;
    private static final String MEMBER = MemberIds.of(GUILD, ALICE);
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-28T13:00:00Z");
    private static final Instant TIMEOUT_END = Instant.parse("2026-11-29T12:00:00Z");

    private FixtureConfiguration<MemberAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberAggregate.class);
    }

    private static MemberJoined joined() {
        return new MemberJoined(MEMBER, GUILD, ALICE, "abc123", NOW);
    }

    private static UserBanned banned() {
        return new UserBanned(MEMBER, GUILD, ALICE, MOD, "spam", 3600, NOW);
    }

    private static JoinGuild join() {
        return new JoinGuild(MEMBER, GUILD, ALICE, "xyz789", LATER);
    }

    private static MemberUpdated updated(String nick, List<Long> roles, Instant timeout, List<Change> changes) {
        return new MemberUpdated(MEMBER, GUILD, ALICE, MOD, nick, roles, timeout, changes, LATER);
    }

    private static Matcher<ApiException> rejected(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ApiException e) {
                return e.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("ApiException " + code);
            }
        };
    }

    @Test
    void joiningRecordsTheMembership() {
        fixture.givenNoPriorActivity()
                .when(new JoinGuild(MEMBER, GUILD, ALICE, "abc123", NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(joined())
                .expectResultMessagePayload(0L);
    }

    @Test
    void joiningTwiceRecordsNothing() {
        fixture.given(joined())
                .when(join())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void aBannedUserCannotJoin() {
        fixture.given(banned())
                .when(join())
                .expectException(rejected(ErrorCode.USER_BANNED))
                .expectNoEvents();
    }

    @Test
    void banningANonMemberRecordsTheBan() {
        fixture.givenNoPriorActivity()
                .when(new BanUser(MEMBER, GUILD, ALICE, MOD, "spam", 3600, NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(banned());
    }

    @Test
    void banningAMemberRecordsTheBan() {
        fixture.given(joined())
                .when(new BanUser(MEMBER, GUILD, ALICE, MOD, null, 0, LATER))
                .expectEvents(new UserBanned(MEMBER, GUILD, ALICE, MOD, null, 0, LATER));
    }

    @Test
    void banningTwiceRecordsNothing() {
        fixture.given(banned())
                .when(new BanUser(MEMBER, GUILD, ALICE, MOD, "again", 0, LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aBanEndsTheMembership() {
        fixture.given(joined(), banned())
                .when(new UpdateMember(MEMBER, MOD, "ghost", List.of(), null, LATER))
                .expectException(rejected(ErrorCode.UNKNOWN_MEMBER))
                .expectNoEvents();
    }

    @Test
    void aBannedFormerMemberCannotBeRemoved() {
        fixture.given(joined(), banned())
                .when(new RemoveMember(MEMBER, MOD, LATER))
                .expectException(rejected(ErrorCode.UNKNOWN_MEMBER))
                .expectNoEvents();
    }

    @Test
    void unbanningRecordsWhoLiftedTheBan() {
        fixture.given(banned())
                .when(new UnbanUser(MEMBER, MOD, LATER))
                .expectEvents(new UserUnbanned(MEMBER, GUILD, ALICE, MOD, LATER));
    }

    @Test
    void unbanningAUserWhoIsNotBannedIsRejected() {
        fixture.given(joined())
                .when(new UnbanUser(MEMBER, MOD, LATER))
                .expectException(rejected(ErrorCode.UNKNOWN_BAN))
                .expectNoEvents();
    }

    @Test
    void unbanningTwiceIsRejected() {
        fixture.given(banned(), new UserUnbanned(MEMBER, GUILD, ALICE, MOD, NOW))
                .when(new UnbanUser(MEMBER, MOD, LATER))
                .expectException(rejected(ErrorCode.UNKNOWN_BAN))
                .expectNoEvents();
    }

    @Test
    void anUnbannedUserCanJoinAgain() {
        fixture.given(joined(), banned(), new UserUnbanned(MEMBER, GUILD, ALICE, MOD, NOW))
                .when(join())
                .expectEvents(new MemberJoined(MEMBER, GUILD, ALICE, "xyz789", LATER));
    }

    @Test
    void updatingRecordsTheChangesAsTheWireShowsThem() {
        fixture.given(joined())
                .when(new UpdateMember(MEMBER, MOD, "Al", List.of(ROLE_A, ROLE_B), TIMEOUT_END, LATER))
                .expectEvents(updated("Al", List.of(ROLE_A, ROLE_B), TIMEOUT_END, List.of(
                        new Change("nick", null, "Al"),
                        new Change("roles", List.of(), List.of(String.valueOf(ROLE_A), String.valueOf(ROLE_B))),
                        new Change("communication_disabled_until", null, "2026-11-29T12:00:00Z"))))
                .expectResultMessagePayload(1L);
    }

    @Test
    void updatingOnlyTheChangedFieldsListsOnlyThose() {
        fixture.given(joined(), updated("Al", List.of(ROLE_A), TIMEOUT_END, List.of()))
                .when(new UpdateMember(MEMBER, MOD, "Al", List.of(ROLE_A), null, LATER))
                .expectEvents(updated("Al", List.of(ROLE_A), null, List.of(
                        new Change("communication_disabled_until", "2026-11-29T12:00:00Z", null))));
    }

    @Test
    void anUnchangedUpdateRecordsNothing() {
        fixture.given(joined(), updated("Al", List.of(ROLE_A, ROLE_B), TIMEOUT_END, List.of()))
                .when(new UpdateMember(MEMBER, ALICE, "Al", List.of(ROLE_A, ROLE_B), TIMEOUT_END, LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void updatingANonMemberIsRejected() {
        fixture.given(joined(), new MemberRemoved(MEMBER, GUILD, ALICE, ALICE, NOW))
                .when(new UpdateMember(MEMBER, MOD, "Al", List.of(), null, LATER))
                .expectException(rejected(ErrorCode.UNKNOWN_MEMBER))
                .expectNoEvents();
    }

    @Test
    void removingRecordsWhoActed() {
        fixture.given(joined())
                .when(new RemoveMember(MEMBER, MOD, LATER))
                .expectEvents(new MemberRemoved(MEMBER, GUILD, ALICE, MOD, LATER));
    }

    @Test
    void removingANonMemberIsRejected() {
        fixture.given(joined(), new MemberRemoved(MEMBER, GUILD, ALICE, ALICE, NOW))
                .when(new RemoveMember(MEMBER, MOD, LATER))
                .expectException(rejected(ErrorCode.UNKNOWN_MEMBER))
                .expectNoEvents();
    }

    @Test
    void aKickedUserCanJoinAgain() {
        fixture.given(joined(), new MemberRemoved(MEMBER, GUILD, ALICE, MOD, NOW))
                .when(join())
                .expectEvents(new MemberJoined(MEMBER, GUILD, ALICE, "xyz789", LATER));
    }

    @Test
    void rejoiningStartsWithoutTheOldNickRolesOrTimeout() {
        fixture.given(joined(), updated("Al", List.of(ROLE_A), TIMEOUT_END, List.of()),
                        new MemberRemoved(MEMBER, GUILD, ALICE, MOD, NOW), joined())
                .when(new UpdateMember(MEMBER, MOD, "Al", List.of(ROLE_A), TIMEOUT_END, LATER))
                .expectEvents(updated("Al", List.of(ROLE_A), TIMEOUT_END, List.of(
                        new Change("nick", null, "Al"),
                        new Change("roles", List.of(), List.of(String.valueOf(ROLE_A))),
                        new Change("communication_disabled_until", null, "2026-11-29T12:00:00Z"))));
    }
}
