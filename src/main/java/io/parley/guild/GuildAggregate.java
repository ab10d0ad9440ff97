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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A guild's structure: settings, owner, roles and channels (with their overwrites). Membership
 * lives in one aggregate per member, so a big guild never replays its members here.
 * Permission checks that need member data happen before the command; this decides the
 * invariants it can see: existence, limits, channel nesting, owner-only actions.
 */
public class GuildAggregate {
    @AggregateIdentifier
    private Long guildId;
    private long ownerId;
    private GuildSettings settings;
    private Map<Long, RoleState> roles = new HashMap<>();
    private GuildChannels channels = new GuildChannels();

    record RoleState(RoleSettings settings, int position) {
    }

    protected GuildAggregate() {
    }

    @CommandHandler
    public GuildAggregate(CreateGuild command) {
        apply(new GuildCreated(command.guildId(), command.ownerId(), command.name(), command.at(),
                command.generalChannelId()));
        apply(new RoleCreated(command.guildId(), command.guildId(), command.ownerId(),
                new RoleSettings("@everyone", 0, false, false, Permission.EVERYONE_DEFAULT), 0, command.at()));
        apply(new ChannelCreated(command.guildId(), command.generalChannelId(), command.ownerId(),
                ChannelTypes.GUILD_TEXT, new ChannelSettings("general", null, 0, null, false, 0, 0, 0), List.of(),
                command.at()));
    }

    @CommandHandler
    public long handle(UpdateGuild command) {
        GuildSettings wanted = command.settings();
        if (wanted.systemChannelId() != null && !channels.contains(wanted.systemChannelId())) {
            throw ApiException.invalid("system_channel_id", "Unknown channel");
        }
        List<Change> changes = new ArrayList<>();
        diff(changes, "name", settings.name(), wanted.name());
        diff(changes, "description", settings.description(), wanted.description());
        diff(changes, "system_channel_id", settings.systemChannelId(), wanted.systemChannelId());
        if (!changes.isEmpty()) {
            apply(new GuildUpdated(guildId, command.actorId(), wanted, changes, command.at()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(TransferOwnership command) {
        requireOwner(command.actorId());
        if (command.newOwnerId() != ownerId) {
            apply(new GuildOwnershipTransferred(guildId, command.actorId(), ownerId, command.newOwnerId(), command.at()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(DeleteGuild command) {
        requireOwner(command.actorId());
        apply(new GuildDeleted(guildId, command.actorId(), command.at()));
        return getVersion();
    }

    @CommandHandler
    public long handle(CreateRole command, ParleyConfig.Limits limits) {
        if (roles.size() >= limits.rolesPerGuild()) {
            throw new ApiException(ErrorCode.MAX_ROLES, ErrorCode.MAX_ROLES.message() + " (" + limits.rolesPerGuild() + ")");
        }
        apply(new RoleCreated(guildId, command.roleId(), command.actorId(), command.settings(), 1, command.at()));
        return getVersion();
    }

    @CommandHandler
    public long handle(UpdateRole command) {
        RoleState role = role(command.roleId());
        RoleSettings before = role.settings();
        RoleSettings wanted = command.roleId() == guildId
                ? new RoleSettings("@everyone", 0, false, false, command.settings().permissions())
                : command.settings();
        List<Change> changes = new ArrayList<>();
        diff(changes, "name", before.name(), wanted.name());
        diff(changes, "color", before.color(), wanted.color());
        diff(changes, "hoist", before.hoist(), wanted.hoist());
        diff(changes, "mentionable", before.mentionable(), wanted.mentionable());
        diff(changes, "permissions", Permission.toWire(before.permissions()), Permission.toWire(wanted.permissions()));
        if (!changes.isEmpty()) {
            apply(new RoleUpdated(guildId, command.roleId(), command.actorId(), wanted, changes, command.at()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(ReorderRoles command) {
        for (Map.Entry<Long, Integer> entry : command.positions().entrySet()) {
            role(entry.getKey());
            if (guildId.equals(entry.getKey())) {
                throw ApiException.invalid("id", "The @everyone role cannot be moved");
            }
            if (entry.getValue() < 1) {
                throw ApiException.invalid("position", "Positions start at 1");
            }
        }
        apply(new RolesReordered(guildId, command.actorId(), Map.copyOf(command.positions()), command.at()));
        return getVersion();
    }

    @CommandHandler
    public long handle(DeleteRole command) {
        RoleState role = role(command.roleId());
        if (command.roleId() == guildId) {
            throw ApiException.invalid("role_id", "The @everyone role cannot be deleted");
        }
        apply(new RoleDeleted(guildId, command.roleId(), command.actorId(), role.settings(), command.at()));
        return getVersion();
    }

    @CommandHandler
    public long handle(CreateChannel command, ParleyConfig.Limits limits) {
        if (!ChannelTypes.isGuildType(command.type())) {
            throw ApiException.invalid("type", "Guild channels are of type 0 (text), 2 (voice) or 4 (category)");
        }
        if (channels.count() >= limits.channelsPerGuild()) {
            throw new ApiException(ErrorCode.MAX_CHANNELS,
                    ErrorCode.MAX_CHANNELS.message() + " (" + limits.channelsPerGuild() + ")");
        }
        channels.checkParent(command.type(), command.settings().parentId(), command.channelId(), limits);
        List<Overwrite> overwrites = command.overwrites();
        if (overwrites == null) {
            Long parent = command.settings().parentId();
            overwrites = parent == null ? List.of() : List.copyOf(channels.overwritesOf(parent));
        }
        overwrites.forEach(this::checkOverwriteTarget);
        apply(new ChannelCreated(guildId, command.channelId(), command.actorId(), command.type(), command.settings(),
                overwrites, command.at()));
        return getVersion();
    }

    @CommandHandler
    public long handle(UpdateChannel command, ParleyConfig.Limits limits) {
        GuildChannels.ChannelState channel = channels.get(command.channelId());
        ChannelSettings before = channel.settings();
        ChannelSettings wanted = command.settings();
        if (!Objects.equals(before.parentId(), wanted.parentId())) {
            channels.checkParent(channel.type(), wanted.parentId(), command.channelId(), limits);
        }
        List<Change> changes = new ArrayList<>();
        diff(changes, "name", before.name(), wanted.name());
        diff(changes, "topic", before.topic(), wanted.topic());
        diff(changes, "position", before.position(), wanted.position());
        diff(changes, "parent_id", before.parentId(), wanted.parentId());
        diff(changes, "nsfw", before.nsfw(), wanted.nsfw());
        diff(changes, "rate_limit_per_user", before.rateLimitPerUser(), wanted.rateLimitPerUser());
        diff(changes, "bitrate", before.bitrate(), wanted.bitrate());
        diff(changes, "user_limit", before.userLimit(), wanted.userLimit());
        if (!changes.isEmpty()) {
            apply(new ChannelUpdated(guildId, command.channelId(), command.actorId(), channel.type(), wanted, changes,
                    command.at()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(ReorderChannels command, ParleyConfig.Limits limits) {
        channels.checkMoves(command.positions(), limits);
        apply(new ChannelsReordered(guildId, command.actorId(), List.copyOf(command.positions()), command.at()));
        return getVersion();
    }

    @CommandHandler
    public long handle(DeleteChannel command) {
        GuildChannels.ChannelState channel = channels.get(command.channelId());
        apply(new ChannelDeleted(guildId, command.channelId(), command.actorId(), channel.type(), channel.settings(),
                command.at()));
        return getVersion();
    }

    @CommandHandler
    public long handle(SetChannelOverwrite command) {
        GuildChannels.ChannelState channel = channels.get(command.channelId());
        checkOverwriteTarget(command.overwrite());
        Overwrite previous = channel.overwrites().get(command.overwrite().id());
        if (!command.overwrite().equals(previous)) {
            apply(new ChannelOverwriteSet(guildId, command.channelId(), command.actorId(), command.overwrite(), previous,
                    command.at()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(DeleteChannelOverwrite command) {
        Overwrite previous = channels.get(command.channelId()).overwrites().get(command.overwriteId());
        if (previous == null) {
            throw new ApiException(ErrorCode.UNKNOWN_OVERWRITE);
        }
        apply(new ChannelOverwriteDeleted(guildId, command.channelId(), command.actorId(), previous, command.at()));
        return getVersion();
    }

    private void requireOwner(long actorId) {
        if (actorId != ownerId) {
            throw new ApiException(ErrorCode.MISSING_PERMISSIONS, "Only the guild owner can do this");
        }
    }

    private RoleState role(long roleId) {
        RoleState role = roles.get(roleId);
        if (role == null) {
            throw new ApiException(ErrorCode.UNKNOWN_ROLE);
        }
        return role;
    }

    private void checkOverwriteTarget(Overwrite overwrite) {
        if (overwrite.type() == OverwriteType.ROLE && !roles.containsKey(overwrite.id())) {
            throw ApiException.invalid("id", "Unknown role " + overwrite.id());
        }
    }

    private static void diff(List<Change> changes, String key, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(key, before, after));
        }
    }

    @EventSourcingHandler
    void on(GuildCreated event) {
        guildId = event.guildId();
        ownerId = event.ownerId();
        settings = new GuildSettings(event.name(), null, event.systemChannelId());
    }

    @EventSourcingHandler
    void on(GuildUpdated event) {
        settings = event.settings();
    }

    @EventSourcingHandler
    void on(GuildOwnershipTransferred event) {
        ownerId = event.newOwnerId();
    }

    @EventSourcingHandler
    void on(GuildDeleted event) {
        markDeleted();
    }

    @EventSourcingHandler
    void on(RoleCreated event) {
        if (event.roleId() != event.guildId()) {
            roles.replaceAll((id, role) -> role.position() >= event.position() && !id.equals(guildId)
                    ? new RoleState(role.settings(), role.position() + 1) : role);
        }
        roles.put(event.roleId(), new RoleState(event.settings(), event.position()));
    }

    @EventSourcingHandler
    void on(RoleUpdated event) {
        roles.computeIfPresent(event.roleId(), (id, role) -> new RoleState(event.settings(), role.position()));
    }

    @EventSourcingHandler
    void on(RolesReordered event) {
        event.positions().forEach((id, position) ->
                roles.computeIfPresent(id, (k, role) -> new RoleState(role.settings(), position)));
    }

    @EventSourcingHandler
    void on(RoleDeleted event) {
        roles.remove(event.roleId());
        channels.roleRemoved(event.roleId());
    }

    @EventSourcingHandler
    void on(ChannelCreated event) {
        channels.created(event.channelId(), event.type(), event.settings(), event.overwrites());
    }

    @EventSourcingHandler
    void on(ChannelUpdated event) {
        channels.updated(event.channelId(), event.settings());
    }

    @EventSourcingHandler
    void on(ChannelsReordered event) {
        event.positions().forEach(channels::moved);
    }

    @EventSourcingHandler
    void on(ChannelDeleted event) {
        channels.deleted(event.channelId());
        if (Long.valueOf(event.channelId()).equals(settings.systemChannelId())) {
            settings = new GuildSettings(settings.name(), settings.description(), null);
        }
    }

    @EventSourcingHandler
    void on(ChannelOverwriteSet event) {
        channels.overwriteSet(event.channelId(), event.overwrite());
    }

    @EventSourcingHandler
    void on(ChannelOverwriteDeleted event) {
        channels.overwriteRemoved(event.channelId(), event.previous().id());
    }
}
