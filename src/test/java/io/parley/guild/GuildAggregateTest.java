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

/** Given/when/then tests of a guild's settings, ownership and roles. */
class GuildAggregateTest extends GuildFixtures {
    @Test
    void creatingAGuildAddsTheEveryoneRoleAndAGeneralChannel() {
        fixture.givenNoPriorActivity()
                .when(new CreateGuild(GUILD, OWNER, "Parley HQ", GENERAL, NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(guildCreated(), everyoneCreated(), generalCreated());
    }

    @Test
    void updatingToTheSameSettingsRecordsNothing() {
        fixture.given(created())
                .when(new UpdateGuild(GUILD, OWNER, new GuildSettings("Parley HQ", null, GENERAL), LATER))
                .expectNoEvents()
                .expectResultMessagePayload(2L);
    }

    @Test
    void updatingRecordsEachChangedField() {
        GuildSettings wanted = new GuildSettings("Parley", null, null);
        fixture.given(created())
                .when(new UpdateGuild(GUILD, OTHER, wanted, LATER))
                .expectEvents(new GuildUpdated(GUILD, OTHER, wanted, List.of(
                        new Change("name", "Parley HQ", "Parley"),
                        new Change("system_channel_id", GENERAL, null)), LATER))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aNewGuildsSystemChannelIsItsGeneralChannelUntilThatIsDeleted() {
        GuildSettings renamed = new GuildSettings("Parley", null, null);
        fixture.given(created(new ChannelDeleted(GUILD, GENERAL, OWNER, ChannelTypes.GUILD_TEXT, GENERAL_SETTINGS, NOW)))
                .when(new UpdateGuild(GUILD, OWNER, renamed, LATER))
                .expectEvents(new GuildUpdated(GUILD, OWNER, renamed, List.of(new Change("name", "Parley HQ", "Parley")),
                        LATER));
    }

    @Test
    void theSystemChannelMustBeAChannelOfTheGuild() {
        fixture.given(created())
                .when(new UpdateGuild(GUILD, OWNER, new GuildSettings("Parley HQ", null, UNKNOWN), LATER))
                .expectException(rejected(ErrorCode.INVALID_FORM_BODY, "system_channel_id"))
                .expectNoEvents();
    }

    @Test
    void theOwnerTransfersOwnership() {
        fixture.given(created())
                .when(new TransferOwnership(GUILD, OWNER, OTHER, LATER))
                .expectEvents(new GuildOwnershipTransferred(GUILD, OWNER, OWNER, OTHER, LATER));
    }

    @Test
    void transferringToTheCurrentOwnerRecordsNothing() {
        fixture.given(created())
                .when(new TransferOwnership(GUILD, OWNER, OWNER, LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyTheOwnerCanTransferOwnership() {
        fixture.given(created())
                .when(new TransferOwnership(GUILD, OTHER, OTHER, LATER))
                .expectException(rejected(ErrorCode.MISSING_PERMISSIONS, "owner"))
                .expectNoEvents();
    }

    @Test
    void theOwnerDeletesTheGuild() {
        fixture.given(created())
                .when(new DeleteGuild(GUILD, OWNER, LATER))
                .expectEvents(new GuildDeleted(GUILD, OWNER, LATER));
    }

    @Test
    void onlyTheOwnerCanDeleteTheGuild() {
        fixture.given(created())
                .when(new DeleteGuild(GUILD, OTHER, LATER))
                .expectException(rejected(ErrorCode.MISSING_PERMISSIONS, "owner"))
                .expectNoEvents();
    }

    @Test
    void theFormerOwnerCannotDeleteAfterATransfer() {
        fixture.given(created(new GuildOwnershipTransferred(GUILD, OWNER, OWNER, OTHER, NOW)))
                .when(new DeleteGuild(GUILD, OWNER, LATER))
                .expectException(rejected(ErrorCode.MISSING_PERMISSIONS, "owner"))
                .expectNoEvents();
    }

    @Test
    void aDeletedGuildAcceptsNoCommands() {
        fixture.given(created(new GuildDeleted(GUILD, OWNER, NOW)))
                .when(new UpdateGuild(GUILD, OWNER, new GuildSettings("Back", null, null), LATER))
                .expectException(AggregateDeletedException.class)
                .expectNoEvents();
    }

    @Test
    void newRolesArePlacedAtPositionOne() {
        fixture.given(created(roleCreated(ROLE_A, "mods")))
                .when(new CreateRole(GUILD, ROLE_B, OTHER, roleSettings("helpers"), LATER))
                .expectEvents(new RoleCreated(GUILD, ROLE_B, OTHER, roleSettings("helpers"), 1, LATER))
                .expectResultMessagePayload(4L);
    }

    @Test
    void theLastRoleBelowTheLimitCanBeCreated() {
        fixture.given(created(roleCreated(ROLE_A, "a"), roleCreated(ROLE_B, "b")))
                .when(new CreateRole(GUILD, ROLE_C, OWNER, roleSettings("c"), LATER))
                .expectEvents(new RoleCreated(GUILD, ROLE_C, OWNER, roleSettings("c"), 1, LATER));
    }

    @Test
    void theRoleLimitCountsTheEveryoneRole() {
        fixture.given(created(roleCreated(ROLE_A, "a"), roleCreated(ROLE_B, "b"), roleCreated(ROLE_C, "c")))
                .when(new CreateRole(GUILD, UNKNOWN, OWNER, roleSettings("d"), LATER))
                .expectException(rejected(ErrorCode.MAX_ROLES, "(4)"))
                .expectNoEvents();
    }

    @Test
    void updatingARoleRecordsTheChangedFields() {
        RoleSettings wanted =
                new RoleSettings("moderators", 0x3498db, true, false, Permission.of(Permission.KICK_MEMBERS));
        fixture.given(created(roleCreated(ROLE_A, "mods")))
                .when(new UpdateRole(GUILD, ROLE_A, OWNER, wanted, LATER))
                .expectEvents(new RoleUpdated(GUILD, ROLE_A, OWNER, wanted, List.of(
                        new Change("name", "mods", "moderators"),
                        new Change("hoist", false, true),
                        new Change("permissions", Permission.toWire(Permission.SEND_MESSAGES.bit()),
                                Permission.toWire(Permission.KICK_MEMBERS.bit()))), LATER));
    }

    @Test
    void onlyThePermissionsOfTheEveryoneRoleChange() {
        long permissions = Permission.of(Permission.VIEW_CHANNEL);
        fixture.given(created())
                .when(new UpdateRole(GUILD, GUILD, OWNER,
                        new RoleSettings("everybody", 0xff0000, true, true, permissions), LATER))
                .expectEvents(new RoleUpdated(GUILD, GUILD, OWNER,
                        new RoleSettings("@everyone", 0, false, false, permissions),
                        List.of(new Change("permissions", Permission.toWire(Permission.EVERYONE_DEFAULT),
                                Permission.toWire(permissions))), LATER));
    }

    @Test
    void updatingARoleToItsCurrentSettingsRecordsNothing() {
        fixture.given(created(roleCreated(ROLE_A, "mods")))
                .when(new UpdateRole(GUILD, ROLE_A, OWNER, roleSettings("mods"), LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void updatingAnUnknownRoleIsRejected() {
        fixture.given(created())
                .when(new UpdateRole(GUILD, UNKNOWN, OWNER, roleSettings("ghost"), LATER))
                .expectException(rejected(ErrorCode.UNKNOWN_ROLE, ""))
                .expectNoEvents();
    }

    @Test
    void deletingAnUnknownRoleIsRejected() {
        fixture.given(created())
                .when(new DeleteRole(GUILD, UNKNOWN, OWNER, LATER))
                .expectException(rejected(ErrorCode.UNKNOWN_ROLE, ""))
                .expectNoEvents();
    }

    @Test
    void reorderingAnUnknownRoleIsRejected() {
        fixture.given(created(roleCreated(ROLE_A, "a")))
                .when(new ReorderRoles(GUILD, OWNER, Map.of(ROLE_A, 1, UNKNOWN, 2), LATER))
                .expectException(rejected(ErrorCode.UNKNOWN_ROLE, ""))
                .expectNoEvents();
    }

    @Test
    void deletingARoleRecordsItsLastSettings() {
        fixture.given(created(roleCreated(ROLE_A, "mods")))
                .when(new DeleteRole(GUILD, ROLE_A, OTHER, LATER))
                .expectEvents(new RoleDeleted(GUILD, ROLE_A, OTHER, roleSettings("mods"), LATER));
    }

    @Test
    void theEveryoneRoleCannotBeDeleted() {
        fixture.given(created())
                .when(new DeleteRole(GUILD, GUILD, OWNER, LATER))
                .expectException(rejected(ErrorCode.INVALID_FORM_BODY, "role_id"))
                .expectNoEvents();
    }

    @Test
    void reorderingRolesRecordsTheNewPositions() {
        fixture.given(created(roleCreated(ROLE_A, "a"), roleCreated(ROLE_B, "b")))
                .when(new ReorderRoles(GUILD, OWNER, Map.of(ROLE_A, 2, ROLE_B, 1), LATER))
                .expectEvents(new RolesReordered(GUILD, OWNER, Map.of(ROLE_A, 2, ROLE_B, 1), LATER));
    }

    @Test
    void rolePositionsStartAtOne() {
        fixture.given(created(roleCreated(ROLE_A, "a")))
                .when(new ReorderRoles(GUILD, OWNER, Map.of(ROLE_A, 0), LATER))
                .expectException(rejected(ErrorCode.INVALID_FORM_BODY, "position"))
                .expectNoEvents();
    }

    @Test
    void theEveryoneRoleCannotBeReordered() {
        fixture.given(created(roleCreated(ROLE_A, "a")))
                .when(new ReorderRoles(GUILD, OWNER, Map.of(GUILD, 2), LATER))
                .expectException(rejected(ErrorCode.INVALID_FORM_BODY, "@everyone"))
                .expectNoEvents();
    }
}
