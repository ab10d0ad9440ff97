package io.parley.account;

import io.parley.account.AccountCommands.ChangePassword;
import io.parley.account.AccountCommands.ChangeProfile;
import io.parley.account.AccountCommands.EndSession;
import io.parley.account.AccountCommands.RegisterAccount;
import io.parley.account.AccountCommands.RegisterBot;
import io.parley.account.AccountCommands.StartSession;
import io.parley.account.AccountEvents.AccountRegistered;
import io.parley.account.AccountEvents.PasswordChanged;
import io.parley.account.AccountEvents.ProfileChanged;
import io.parley.account.AccountEvents.SessionEnded;
import io.parley.account.AccountEvents.SessionStarted;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.FieldError;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccountAggregateTest {
    private static final long ALICE = 1001;
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private final ClaimsBook claims = new ClaimsBook();
    private FixtureConfiguration<AccountAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccountAggregate.class);
        fixture.registerInjectableResource(claims);
    }

    private AccountRegistered aliceRegistered() {
        return new AccountRegistered(ALICE, "alice", "alice@example.com", "$argon2id$hash", null, false, 0, NOW);
    }

    @Test
    void registeringRecordsTheAccountAndItsFirstSession() {
        fixture.givenNoPriorActivity()
                .when(new RegisterAccount(ALICE, "alice", "alice@example.com", "$argon2id$hash", null, 1, "ab12", NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(aliceRegistered(), new SessionStarted(ALICE, 1, "ab12", NOW));
        assertEquals(ALICE, claims.owner("username", "alice"));
        assertEquals(ALICE, claims.owner("email", "alice@example.com"));
    }

    @Test
    void registeringATakenEmailIsRejectedThroughTheUniqueEmailCheck() {
        claims.take("email", "alice@example.com", 999);
        fixture.givenNoPriorActivity()
                .when(new RegisterAccount(ALICE, "alice", "Alice@Example.com", "$argon2id$hash", null, 1, "ab12", NOW))
                .expectException(ApiException.class)
                .expectNoEvents();
    }

    @Test
    void registeringABotRecordsNoEmailOrPassword() {
        fixture.givenNoPriorActivity()
                .when(new RegisterBot(ALICE, "helper", 7, 1, "ff", NOW))
                .expectEvents(new AccountRegistered(ALICE, "helper", null, null, null, true, 7, NOW),
                        new SessionStarted(ALICE, 1, "ff", NOW));
    }

    @Test
    void changingTheProfileRecordsTheNewProfile() {
        fixture.given(aliceRegistered())
                .when(new ChangeProfile(ALICE, "alice", "Alice", null, "hi", NOW))
                .expectEvents(new ProfileChanged(ALICE, "alice", "Alice", null, "hi", NOW))
                .expectResultMessagePayload(1L);
    }

    @Test
    void anUnchangedProfileRecordsNothing() {
        fixture.given(aliceRegistered())
                .when(new ChangeProfile(ALICE, "alice", null, null, null, NOW))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void renamingClaimsTheNewNameAndReleasesTheOld() {
        claims.take("username", "alice", ALICE);
        fixture.given(aliceRegistered())
                .when(new ChangeProfile(ALICE, "alice2", null, null, null, NOW))
                .expectEvents(new ProfileChanged(ALICE, "alice2", null, null, null, NOW));
        assertEquals(ALICE, claims.owner("username", "alice2"));
        assertEquals(null, claims.owner("username", "alice"));
    }

    @Test
    void renamingToSomeoneElsesNameIsRejected() {
        claims.take("username", "bob", 2002);
        fixture.given(aliceRegistered())
                .when(new ChangeProfile(ALICE, "BOB", null, null, null, NOW))
                .expectException(ApiException.class)
                .expectNoEvents();
    }

    @Test
    void changingCaseOfOwnNameNeedsNoNewClaim() {
        fixture.given(aliceRegistered())
                .when(new ChangeProfile(ALICE, "Alice", null, null, null, NOW))
                .expectEvents(new ProfileChanged(ALICE, "Alice", null, null, null, NOW));
        assertEquals(List.of(), claims.calls);
    }

    @Test
    void changingThePasswordEndsOldSessionsAndStartsANewOne() {
        fixture.given(aliceRegistered(), new SessionStarted(ALICE, 1, "ab12", NOW))
                .when(new ChangePassword(ALICE, "$argon2id$new", 2, "cd34", NOW))
                .expectEvents(new PasswordChanged(ALICE, "$argon2id$new", NOW), new SessionStarted(ALICE, 2, "cd34", NOW))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aBotHasNoPasswordToChange() {
        fixture.given(new AccountRegistered(ALICE, "helper", null, null, null, true, 7, NOW))
                .when(new ChangePassword(ALICE, "$argon2id$new", 2, "cd34", NOW))
                .expectException(ApiException.class)
                .expectNoEvents();
    }

    @Test
    void sessionsStartAndEnd() {
        fixture.given(aliceRegistered())
                .when(new StartSession(ALICE, 5, "ee", NOW))
                .expectEvents(new SessionStarted(ALICE, 5, "ee", NOW));
        fixture.given(aliceRegistered(), new SessionStarted(ALICE, 5, "ee", NOW))
                .when(new EndSession(ALICE, 5, NOW))
                .expectEvents(new SessionEnded(ALICE, 5, NOW));
    }

    /** Claims kept in a map: enough to drive the aggregate; the PostgreSQL one is tested over HTTP. */
    static final class ClaimsBook implements AccountClaims {
        private final Map<String, Long> owners = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        void take(String kind, String value, long userId) {
            owners.put(kind + ":" + value.toLowerCase(), userId);
        }

        Long owner(String kind, String value) {
            return owners.get(kind + ":" + value.toLowerCase());
        }

        @Override
        public List<FieldError> claim(long userId, String username, String email) {
            calls.add("claim " + username + " " + email);
            List<FieldError> taken = new ArrayList<>();
            if (username != null && owners.getOrDefault("username:" + username.toLowerCase(), userId) != userId) {
                taken.add(new FieldError("username", "taken"));
            }
            if (email != null && owners.getOrDefault("email:" + email.toLowerCase(), userId) != userId) {
                taken.add(new FieldError("email", "taken"));
            }
            if (taken.isEmpty()) {
                if (username != null) {
                    take("username", username, userId);
                }
                if (email != null) {
                    take("email", email, userId);
                }
            }
            return taken;
        }

        @Override
        public void releaseUsername(long userId, String username) {
            calls.add("release " + username);
            owners.remove("username:" + username.toLowerCase(), userId);
        }
    }
}
