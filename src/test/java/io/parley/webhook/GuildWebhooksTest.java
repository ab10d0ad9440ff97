package io.parley.webhook;

import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import io.parley.webhook.WebhookCommands.CreateWebhook;
import io.parley.webhook.WebhookCommands.DeleteWebhook;
import io.parley.webhook.WebhookCommands.UpdateWebhook;
import io.parley.webhook.WebhookEvents.Settings;
import io.parley.webhook.WebhookEvents.WebhookCreated;
import io.parley.webhook.WebhookEvents.WebhookDeleted;
import io.parley.webhook.WebhookEvents.WebhookUpdated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class GuildWebhooksTest {
    private static final Instant NOW = Instant.parse("2026-11-29T05:00:00Z");
    private static final String SET = GuildWebhooks.aggregateId(1);
    private static final long CHANNEL = 5;
    private static final long OTHER_CHANNEL = 6;
    private FixtureConfiguration<GuildWebhooks> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GuildWebhooks.class);
    }

    private static WebhookCreated created(long id, long channelId) {
        return new WebhookCreated(1, id, channelId, "hook" + id, 3, "hash" + id, NOW);
    }

    private static Matcher<ApiException> refused(ErrorCode code) {
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
    void theFirstWebhookCreatesTheGuildsSetWithOnlyTheTokensHash() {
        fixture.givenNoPriorActivity()
                .when(new CreateWebhook(SET, 1, 10, CHANNEL, "hook10", 3, "hash10", 15, NOW))
                .expectEvents(created(10, CHANNEL));
    }

    @Test
    void aChannelHoldsAtMostTheLimitButAnotherChannelHasRoom() {
        fixture.given(created(10, CHANNEL), created(11, CHANNEL))
                .when(new CreateWebhook(SET, 1, 12, CHANNEL, "hook12", 3, "hash12", 2, NOW))
                .expectException(refused(ErrorCode.MAX_WEBHOOKS)).expectNoEvents();
        fixture.given(created(10, CHANNEL), created(11, CHANNEL))
                .when(new CreateWebhook(SET, 1, 12, OTHER_CHANNEL, "hook12", 3, "hash12", 2, NOW))
                .expectEvents(created(12, OTHER_CHANNEL));
    }

    @Test
    void movingToAFullChannelIsRefused() {
        fixture.given(created(10, CHANNEL), created(11, OTHER_CHANNEL))
                .when(new UpdateWebhook(SET, 11, null, CHANNEL, 4, 1, NOW))
                .expectException(refused(ErrorCode.MAX_WEBHOOKS)).expectNoEvents();
    }

    @Test
    void anUpdateRecordsBeforeAndAfterAndANoOpRecordsNothing() {
        fixture.given(created(10, CHANNEL))
                .when(new UpdateWebhook(SET, 10, "renamed", OTHER_CHANNEL, 4, 15, NOW))
                .expectEvents(new WebhookUpdated(1, 10, new Settings("hook10", CHANNEL),
                        new Settings("renamed", OTHER_CHANNEL), 4, NOW));
        fixture.given(created(10, CHANNEL))
                .when(new UpdateWebhook(SET, 10, "hook10", null, 4, 15, NOW))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aDeletedWebhookIsGoneAndFreesItsPlace() {
        fixture.given(created(10, CHANNEL))
                .when(new DeleteWebhook(SET, 10, 4, NOW))
                .expectEvents(new WebhookDeleted(1, 10, CHANNEL, "hook10", 4, NOW));
        fixture.given(created(10, CHANNEL), new WebhookDeleted(1, 10, CHANNEL, "hook10", 4, NOW))
                .when(new DeleteWebhook(SET, 10, 4, NOW))
                .expectException(refused(ErrorCode.UNKNOWN_WEBHOOK)).expectNoEvents();
        fixture.given(created(10, CHANNEL), new WebhookDeleted(1, 10, CHANNEL, "hook10", 4, NOW))
                .when(new CreateWebhook(SET, 1, 11, CHANNEL, "hook11", 3, "hash11", 1, NOW))
                .expectEvents(created(11, CHANNEL));
    }
}
