package io.parley.guild;

import io.parley.guild.GuildCommands.CreateChannel;
import io.parley.guild.GuildCommands.CreateGuild;
import io.parley.guild.GuildCommands.CreateRole;
import io.parley.guild.GuildCommands.DeleteChannel;
import io.parley.guild.GuildCommands.DeleteChannelOverwrite;
import io.parley.guild.GuildCommands.DeleteGuild;
import io.parley.guild.GuildCommands.DeleteRole;
import io.parley.guild.GuildCommands.ReorderChannels;
import io.parley.guild.GuildCommands.ReorderRoles;
import io.parley.guild.GuildCommands.SetChannelOverwrite;
import io.parley.guild.GuildCommands.TransferOwnership;
import io.parley.guild.GuildCommands.UpdateChannel;
import io.parley.guild.GuildCommands.UpdateGuild;
import io.parley.guild.GuildCommands.UpdateRole;
import io.parley.guild.GuildEvents.ChannelCreated;
import io.parley.guild.GuildEvents.ChannelDeleted;
import io.parley.guild.GuildEvents.ChannelOverwriteDeleted;
import io.parley.guild.GuildEvents.ChannelOverwriteSet;
import io.parley.guild.GuildEvents.ChannelUpdated;
import io.parley.guild.GuildEvents.ChannelsReordered;
import io.parley.guild.GuildEvents.GuildCreated;
import io.parley.guild.GuildEvents.GuildDeleted;
import io.parley.guild.GuildEvents.GuildOwnershipTransferred;
import io.parley.guild.GuildEvents.GuildUpdated;
import io.parley.guild.GuildEvents.RoleCreated;
import io.parley.guild.GuildEvents.RoleDeleted;
import io.parley.guild.GuildEvents.RoleUpdated;
import io.parley.guild.GuildEvents.RolesReordered;
import io.parley.permission.Overwrite;
import io.parley.permission.OverwriteType;
import io.parley.permission.Permission;
import io.parley.platform.config.ParleyConfig;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Given/when/then tests of a guild's channels, nesting and overwrites. */
class GuildChannelAggregateTest extends GuildFixtures {
    @Test
    void creatingAChannelBelowTheGuildLimitSucceeds() {
        fixture.given(created(textChannels(3)))
                .when(createText(NEW_CHANNEL, "d", null, List.of()))
                .expectEvents(new ChannelCreated(GUILD, NEW_CHANNEL, OWNER, ChannelTypes.GUILD_TEXT,
                        channelSettings("d", null), List.of(), LATER));
    }

    @Test
    void theChannelLimitCountsEveryChannelOfTheGuild() {
        fixture.given(created(textChannels(4)))
                .when(createText(NEW_CHANNEL, "e", null, List.of()))
                .expectException(rejected(ErrorCode.MAX_CHANNELS, "(5)"))
                .expectNoEvents();
    }

    @Test
    void onlyGuildChannelTypesCanBeCreated() {
        fixture.given(created())
                .when(new CreateChannel(GUILD, NEW_CHANNEL, OWNER, ChannelTypes.DM, channelSettings("dm", null),
                        List.of(), LATER))
                .expectException(rejected(ErrorCode.INVALID_FORM_BODY, "type"))
                .expectNoEvents();
    }

    @Test
    void aCategoryCannotHaveAParent() {
        fixture.given(created(categoryCreated(CATEGORY, "Text", List.of())))
                .when(new CreateChannel(GUILD, NEW_CHANNEL, OWNER, ChannelTypes.GUILD_CATEGORY,
                        channelSettings("nested", CATEGORY), List.of(), LATER))
                .expectException(rejected(ErrorCode.INVALID_FORM_BODY, "A category cannot have a parent"))
                .expectNoEvents();
    }

    @Test
    void theParentMustBeACategory() {
        fixture.given(created())
                .when(createText(NEW_CHANNEL, "child", GENERAL, List.of()))
                .expectException(rejected(ErrorCode.INVALID_FORM_BODY, "The parent must be a category"))
                .expectNoEvents();
    }

    @Test
    void theParentMustBelongToTheGuild() {
        fixture.given(created())
                .when(createText(NEW_CHANNEL, "child", UNKNOWN, null))
                .expectException(rejected(ErrorCode.INVALID_FORM_BODY, "The parent must be a category"))
                .expectNoEvents();
    }

    @Test
    void aCategoryHoldsALimitedNumberOfChannels() {
        fixture.given(created(categoryCreated(CATEGORY, "Text", List.of()),
                        textCreated(TEXT, "a", CATEGORY, List.of()), textCreated(TEXT_2, "b", CATEGORY, List.of())))
                .when(createText(NEW_CHANNEL, "c", CATEGORY, List.of()))
                .expectException(rejected(ErrorCode.MAX_CHANNELS, "in a category"))
                .expectNoEvents();
    }

    @Test
    void movingAChannelIntoAFullCategoryIsRejected() {
        fixture.given(created(categoryCreated(CATEGORY, "Text", List.of()),
                        textCreated(TEXT, "a", CATEGORY, List.of()), textCreated(TEXT_2, "b", CATEGORY, List.of())))
                .when(new UpdateChannel(GUILD, GENERAL, OWNER, channelSettings("general", CATEGORY), LATER))
                .expectException(rejected(ErrorCode.MAX_CHANNELS, "in a category"))
                .expectNoEvents();
    }

    @Test
    void aChannelOfAFullCategoryCanStillBeEdited() {
        fixture.given(created(categoryCreated(CATEGORY, "Text", List.of()),
                        textCreated(TEXT, "a", CATEGORY, List.of()), textCreated(TEXT_2, "b", CATEGORY, List.of())))
                .when(new UpdateChannel(GUILD, TEXT, OWNER, channelSettings("renamed", CATEGORY), LATER))
                .expectEvents(new ChannelUpdated(GUILD, TEXT, OWNER, ChannelTypes.GUILD_TEXT,
                        channelSettings("renamed", CATEGORY), List.of(new Change("name", "a", "renamed")), LATER));
    }

    @Test
    void aChannelCreatedWithoutOverwritesCopiesItsCategorys() {
        fixture.given(created(categoryCreated(CATEGORY, "Staff", List.of(HIDE_FROM_EVERYONE, LET_OTHER_TALK))))
                .when(createText(NEW_CHANNEL, "staff-chat", CATEGORY, null))
                .expectEvents(textCreatedLater(NEW_CHANNEL, "staff-chat", CATEGORY,
                        List.of(HIDE_FROM_EVERYONE, LET_OTHER_TALK)));
    }

    @Test
    void aChannelCreatedWithExplicitOverwritesKeepsThemUnderACategory() {
        fixture.given(created(categoryCreated(CATEGORY, "Staff", List.of(HIDE_FROM_EVERYONE))))
                .when(createText(NEW_CHANNEL, "open", CATEGORY, List.of(LET_OTHER_TALK)))
                .expectEvents(textCreatedLater(NEW_CHANNEL, "open", CATEGORY, List.of(LET_OTHER_TALK)));
    }

    @Test
    void aChannelCreatedWithoutOverwritesOrCategoryHasNone() {
        fixture.given(created())
                .when(createText(NEW_CHANNEL, "open", null, null))
                .expectEvents(textCreatedLater(NEW_CHANNEL, "open", null, List.of()));
    }

    @Test
    void aRoleOverwriteMustNameARoleOfTheGuild() {
        fixture.given(created())
                .when(createText(NEW_CHANNEL, "secret", null,
                        List.of(new Overwrite(UNKNOWN, OverwriteType.ROLE, Permission.VIEW_CHANNEL.bit(), 0))))
                .expectException(rejected(ErrorCode.INVALID_FORM_BODY, "Unknown role " + UNKNOWN))
                .expectNoEvents();
    }

    @Test
    void settingARoleOverwriteForAnUnknownRoleIsRejected() {
        fixture.given(created())
                .when(new SetChannelOverwrite(GUILD, GENERAL, OWNER,
                        new Overwrite(UNKNOWN, OverwriteType.ROLE, 0, Permission.SEND_MESSAGES.bit()), LATER))
                .expectException(rejected(ErrorCode.INVALID_FORM_BODY, "Unknown role"))
                .expectNoEvents();
    }

    @Test
    void settingAnOverwriteRecordsThePreviousOne() {
        Overwrite stricter = new Overwrite(GUILD, OverwriteType.ROLE, 0,
                Permission.of(Permission.VIEW_CHANNEL, Permission.SEND_MESSAGES));
        fixture.given(created(textCreated(TEXT, "quiet", null, List.of(HIDE_FROM_EVERYONE))))
                .when(new SetChannelOverwrite(GUILD, TEXT, OTHER, stricter, LATER))
                .expectEvents(new ChannelOverwriteSet(GUILD, TEXT, OTHER, stricter, HIDE_FROM_EVERYONE, LATER));
    }

    @Test
    void settingANewOverwriteHasNoPrevious() {
        fixture.given(created())
                .when(new SetChannelOverwrite(GUILD, GENERAL, OWNER, LET_OTHER_TALK, LATER))
                .expectEvents(new ChannelOverwriteSet(GUILD, GENERAL, OWNER, LET_OTHER_TALK, null, LATER));
    }

    @Test
    void settingAnIdenticalOverwriteRecordsNothing() {
        fixture.given(created(textCreated(TEXT, "quiet", null, List.of(HIDE_FROM_EVERYONE))))
                .when(new SetChannelOverwrite(GUILD, TEXT, OWNER,
                        new Overwrite(GUILD, OverwriteType.ROLE, 0, Permission.VIEW_CHANNEL.bit()), LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void deletingAnOverwriteRecordsIt() {
        fixture.given(created(roleCreated(ROLE_A, "a"), textCreated(TEXT, "mods", null, List.of(ROLE_A_SEES))))
                .when(new DeleteChannelOverwrite(GUILD, TEXT, OWNER, ROLE_A, LATER))
                .expectEvents(new ChannelOverwriteDeleted(GUILD, TEXT, OWNER, ROLE_A_SEES, LATER));
    }

    @Test
    void deletingAMissingOverwriteIsRejected() {
        fixture.given(created(textCreated(TEXT, "quiet", null, List.of(HIDE_FROM_EVERYONE))))
                .when(new DeleteChannelOverwrite(GUILD, TEXT, OWNER, OTHER, LATER))
                .expectException(rejected(ErrorCode.UNKNOWN_OVERWRITE, ""))
                .expectNoEvents();
    }

    @Test
    void aDeletedOverwriteIsGone() {
        fixture.given(created(textCreated(TEXT, "quiet", null, List.of(HIDE_FROM_EVERYONE)),
                        new ChannelOverwriteDeleted(GUILD, TEXT, OWNER, HIDE_FROM_EVERYONE, NOW)))
                .when(new DeleteChannelOverwrite(GUILD, TEXT, OWNER, GUILD, LATER))
                .expectException(rejected(ErrorCode.UNKNOWN_OVERWRITE, ""))
                .expectNoEvents();
    }

    @Test
    void deletingARoleRemovesItsOverwrites() {
        fixture.given(created(roleCreated(ROLE_A, "a"), textCreated(TEXT, "mods", null, List.of(ROLE_A_SEES)),
                        new RoleDeleted(GUILD, ROLE_A, OWNER, roleSettings("a"), NOW)))
                .when(new DeleteChannelOverwrite(GUILD, TEXT, OWNER, ROLE_A, LATER))
                .expectException(rejected(ErrorCode.UNKNOWN_OVERWRITE, ""))
                .expectNoEvents();
    }

    @Test
    void aDeletedRoleCannotBeNamedInANewOverwrite() {
        fixture.given(created(roleCreated(ROLE_A, "a"), new RoleDeleted(GUILD, ROLE_A, OWNER, roleSettings("a"), NOW)))
                .when(new SetChannelOverwrite(GUILD, GENERAL, OWNER, ROLE_A_SEES, LATER))
                .expectException(rejected(ErrorCode.INVALID_FORM_BODY, "Unknown role"))
                .expectNoEvents();
    }

    @Test
    void updatingAChannelRecordsTheChangedFields() {
        ChannelSettings wanted = new ChannelSettings("lobby", "say hi", 3, null, true, 10, 0, 0);
        fixture.given(created())
                .when(new UpdateChannel(GUILD, GENERAL, OTHER, wanted, LATER))
                .expectEvents(new ChannelUpdated(GUILD, GENERAL, OTHER, ChannelTypes.GUILD_TEXT, wanted, List.of(
                        new Change("name", "general", "lobby"),
                        new Change("topic", null, "say hi"),
                        new Change("position", 0, 3),
                        new Change("nsfw", false, true),
                        new Change("rate_limit_per_user", 0, 10)), LATER));
    }

    @Test
    void updatingAChannelToItsCurrentSettingsRecordsNothing() {
        fixture.given(created())
                .when(new UpdateChannel(GUILD, GENERAL, OWNER, GENERAL_SETTINGS, LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void aCategoryCannotBeMovedUnderAnother() {
        fixture.given(created(categoryCreated(CATEGORY, "A", List.of()),
                        categoryCreated(OTHER_CATEGORY, "B", List.of())))
                .when(new UpdateChannel(GUILD, OTHER_CATEGORY, OWNER, channelSettings("B", CATEGORY), LATER))
                .expectException(rejected(ErrorCode.INVALID_FORM_BODY, "A category cannot have a parent"))
                .expectNoEvents();
    }

    @Test
    void anUnknownChannelIsRejected() {
        fixture.given(created())
                .when(new UpdateChannel(GUILD, UNKNOWN, OWNER, channelSettings("ghost", null), LATER))
                .expectException(rejected(ErrorCode.UNKNOWN_CHANNEL, ""))
                .expectNoEvents();
    }

    @Test
    void deletingAChannelRecordsItsTypeAndSettings() {
        fixture.given(created(categoryCreated(CATEGORY, "Text", List.of())))
                .when(new DeleteChannel(GUILD, CATEGORY, OTHER, LATER))
                .expectEvents(new ChannelDeleted(GUILD, CATEGORY, OTHER, ChannelTypes.GUILD_CATEGORY,
                        channelSettings("Text", null), LATER));
    }

    @Test
    void aDeletedChannelIsGone() {
        fixture.given(created(
                        new ChannelDeleted(GUILD, GENERAL, OWNER, ChannelTypes.GUILD_TEXT, GENERAL_SETTINGS, NOW)))
                .when(new DeleteChannel(GUILD, GENERAL, OWNER, LATER))
                .expectException(rejected(ErrorCode.UNKNOWN_CHANNEL, ""))
                .expectNoEvents();
    }

    @Test
    void deletingACategoryLeavesItsChildrenWithoutAParent() {
        fixture.given(created(categoryCreated(CATEGORY, "Old", List.of()),
                        textCreated(TEXT, "child", CATEGORY, List.of()),
                        new ChannelDeleted(GUILD, CATEGORY, OWNER, ChannelTypes.GUILD_CATEGORY,
                                channelSettings("Old", null), NOW),
                        categoryCreated(OTHER_CATEGORY, "New", List.of())))
                .when(new UpdateChannel(GUILD, TEXT, OWNER, channelSettings("child", OTHER_CATEGORY), LATER))
                .expectEvents(new ChannelUpdated(GUILD, TEXT, OWNER, ChannelTypes.GUILD_TEXT,
                        channelSettings("child", OTHER_CATEGORY),
                        List.of(new Change("parent_id", null, OTHER_CATEGORY)), LATER));
    }

    @Test
    void reorderingChannelsRecordsTheMoves() {
        List<ChannelPosition> moves = List.of(new ChannelPosition(GENERAL, 1, true, CATEGORY),
                new ChannelPosition(CATEGORY, 0, false, null));
        fixture.given(created(categoryCreated(CATEGORY, "Text", List.of())))
                .when(new ReorderChannels(GUILD, OWNER, moves, LATER))
                .expectEvents(new ChannelsReordered(GUILD, OWNER, moves, LATER));
    }

    @Test
    void reorderingChecksTheNewParent() {
        fixture.given(created(textCreated(TEXT, "a", null, List.of())))
                .when(new ReorderChannels(GUILD, OWNER, List.of(new ChannelPosition(GENERAL, 1, true, TEXT)), LATER))
                .expectException(rejected(ErrorCode.INVALID_FORM_BODY, "The parent must be a category"))
                .expectNoEvents();
    }

    @Test
    void reorderingAnUnknownChannelIsRejected() {
        fixture.given(created())
                .when(new ReorderChannels(GUILD, OWNER, List.of(new ChannelPosition(UNKNOWN, 1, false, null)), LATER))
                .expectException(rejected(ErrorCode.UNKNOWN_CHANNEL, ""))
                .expectNoEvents();
    }

    @Test
    void oneBulkMoveCannotOverfillACategory() {
        fixture.given(created(categoryCreated(CATEGORY, "Text", List.of()), textCreated(TEXT, "a", CATEGORY, List.of()),
                        textCreated(TEXT_2, "b", null, List.of())))
                .when(new ReorderChannels(GUILD, OWNER, List.of(new ChannelPosition(GENERAL, 1, true, CATEGORY),
                        new ChannelPosition(TEXT_2, 2, true, CATEGORY)), LATER))
                .expectException(rejected(ErrorCode.MAX_CHANNELS, "in a category"))
                .expectNoEvents();
    }
}
