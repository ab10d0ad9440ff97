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

/** Shared ids, settings and events for the guild aggregate fixture tests. */
abstract class GuildFixtures {
    static final long GUILD = 410_000_000_000_000_001L;
    static final long OWNER = 100_000_000_000_000_001L;
    static final long OTHER = 100_000_000_000_000_002L;
    static final long GENERAL = 420_000_000_000_000_001L;
    static final long CATEGORY = 420_000_000_000_000_002L;
    static final long OTHER_CATEGORY = 420_000_000_000_000_003L;
    static final long TEXT = 420_000_000_000_000_004L;
    static final long TEXT_2 = 420_000_000_000_000_005L;
    static final long NEW_CHANNEL = 420_000_000_000_000_009L;
    static final long ROLE_A = 430_000_000_000_000_001L;
    static final long ROLE_B = 430_000_000_000_000_002L;
    static final long ROLE_C = 430_000_000_000_000_003L;
    static final long UNKNOWN = 999_000_000_000_000_001L;
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final Instant LATER = Instant.parse("2026-11-28T13:00:00Z");

    static final ChannelSettings GENERAL_SETTINGS =
            new ChannelSettings("general", null, 0, null, false, 0, 0, 0);
    static final RoleSettings EVERYONE =
            new RoleSettings("@everyone", 0, false, false, Permission.EVERYONE_DEFAULT);
    static final Overwrite HIDE_FROM_EVERYONE =
            new Overwrite(GUILD, OverwriteType.ROLE, 0, Permission.VIEW_CHANNEL.bit());
    static final Overwrite LET_OTHER_TALK =
            new Overwrite(OTHER, OverwriteType.MEMBER, Permission.SEND_MESSAGES.bit(), 0);
    static final Overwrite ROLE_A_SEES =
            new Overwrite(ROLE_A, OverwriteType.ROLE, Permission.VIEW_CHANNEL.bit(), 0);

    FixtureConfiguration<GuildAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GuildAggregate.class);
        fixture.registerInjectableResource(new ParleyConfig.Limits(100, 5, 2, 4, 1000, 2000, 10, 30, 50, 10, 26214400, 300, 1000, 10));
    }

    static GuildCreated guildCreated() {
        return new GuildCreated(GUILD, OWNER, "Parley HQ", NOW, GENERAL);
    }

    static RoleCreated everyoneCreated() {
        return new RoleCreated(GUILD, GUILD, OWNER, EVERYONE, 0, NOW);
    }

    static ChannelCreated generalCreated() {
        return new ChannelCreated(GUILD, GENERAL, OWNER, ChannelTypes.GUILD_TEXT, GENERAL_SETTINGS, List.of(), NOW);
    }

    static List<Object> created(Object... more) {
        List<Object> events = new ArrayList<>(List.of(guildCreated(), everyoneCreated(), generalCreated()));
        events.addAll(List.of(more));
        return events;
    }

    static RoleSettings roleSettings(String name) {
        return new RoleSettings(name, 0x3498db, false, false, Permission.of(Permission.SEND_MESSAGES));
    }

    static RoleCreated roleCreated(long roleId, String name) {
        return new RoleCreated(GUILD, roleId, OWNER, roleSettings(name), 1, NOW);
    }

    static ChannelSettings channelSettings(String name, Long parentId) {
        return new ChannelSettings(name, null, 0, parentId, false, 0, 0, 0);
    }

    static ChannelCreated categoryCreated(long channelId, String name, List<Overwrite> overwrites) {
        return new ChannelCreated(GUILD, channelId, OWNER, ChannelTypes.GUILD_CATEGORY, channelSettings(name, null),
                overwrites, NOW);
    }

    static ChannelCreated textCreated(long channelId, String name, Long parentId, List<Overwrite> overwrites) {
        return new ChannelCreated(GUILD, channelId, OWNER, ChannelTypes.GUILD_TEXT, channelSettings(name, parentId),
                overwrites, NOW);
    }

    static ChannelCreated[] textChannels(int count) {
        ChannelCreated[] events = new ChannelCreated[count];
        for (int i = 0; i < count; i++) {
            events[i] = textCreated(420_000_000_000_000_100L + i, "text-" + i, null, List.of());
        }
        return events;
    }

    static CreateChannel createText(long channelId, String name, Long parentId, List<Overwrite> overwrites) {
        return new CreateChannel(GUILD, channelId, OWNER, ChannelTypes.GUILD_TEXT, channelSettings(name, parentId),
                overwrites, LATER);
    }

    static ChannelCreated textCreatedLater(long channelId, String name, Long parentId,
                                                   List<Overwrite> overwrites) {
        return new ChannelCreated(GUILD, channelId, OWNER, ChannelTypes.GUILD_TEXT, channelSettings(name, parentId),
                overwrites, LATER);
    }

    static Matcher<ApiException> rejected(ErrorCode code, String detail) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ApiException e) {
                return e.code() == code && (e.getMessage() + " " + e.errors()).contains(detail);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("ApiException " + code + " mentioning \"" + detail + "\"");
            }
        };
    }
}
