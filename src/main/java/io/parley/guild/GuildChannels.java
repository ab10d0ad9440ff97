package io.parley.guild;

import io.parley.permission.Overwrite;
import io.parley.platform.config.ParleyConfig;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The channels of one guild as its aggregate knows them: types, settings, nesting, overwrites. */
final class GuildChannels {
    private Map<Long, ChannelState> byId = new LinkedHashMap<>();

    record ChannelState(int type, ChannelSettings settings, Map<Long, Overwrite> overwrites) {
    }

    int count() {
        return byId.size();
    }

    boolean contains(long channelId) {
        return byId.containsKey(channelId);
    }

    ChannelState get(long channelId) {
        ChannelState channel = byId.get(channelId);
        if (channel == null) {
            throw new ApiException(ErrorCode.UNKNOWN_CHANNEL);
        }
        return channel;
    }

    Collection<Overwrite> overwritesOf(long channelId) {
        return get(channelId).overwrites().values();
    }

    /** Only a non-category may have a parent, the parent must be a category, and categories have room. */
    void checkParent(int type, Long parentId, long channelId, ParleyConfig.Limits limits) {
        if (parentId == null) {
            return;
        }
        if (type == ChannelTypes.GUILD_CATEGORY) {
            throw ApiException.invalid("parent_id", "A category cannot have a parent");
        }
        ChannelState parent = byId.get(parentId);
        if (parent == null || parent.type() != ChannelTypes.GUILD_CATEGORY) {
            throw ApiException.invalid("parent_id", "The parent must be a category of this guild");
        }
        long siblings = byId.entrySet().stream()
                .filter(e -> e.getKey() != channelId && parentId.equals(e.getValue().settings().parentId()))
                .count();
        if (siblings >= limits.channelsPerCategory()) {
            throw new ApiException(ErrorCode.MAX_CHANNELS,
                    "Maximum number of channels in a category reached (" + limits.channelsPerCategory() + ")");
        }
    }

    /** A bulk move is checked as a whole: each new parent is valid and no category ends up over its limit. */
    void checkMoves(List<ChannelPosition> moves, ParleyConfig.Limits limits) {
        Map<Long, Long> parents = new java.util.HashMap<>();
        byId.forEach((id, c) -> parents.put(id, c.settings().parentId()));
        java.util.Set<Long> gaining = new java.util.HashSet<>();
        for (ChannelPosition move : moves) {
            ChannelState channel = get(move.channelId());
            if (move.moveParent() && !Objects.equals(channel.settings().parentId(), move.parentId())) {
                checkParent(channel.type(), move.parentId(), move.channelId(), limits);
                parents.put(move.channelId(), move.parentId());
                if (move.parentId() != null) {
                    gaining.add(move.parentId());
                }
            }
        }
        for (long category : gaining) {
            long size = parents.values().stream().filter(p -> Objects.equals(p, category)).count();
            if (size > limits.channelsPerCategory()) {
                throw new ApiException(ErrorCode.MAX_CHANNELS,
                        "Maximum number of channels in a category reached (" + limits.channelsPerCategory() + ")");
            }
        }
    }

    void created(long channelId, int type, ChannelSettings settings, List<Overwrite> overwrites) {
        Map<Long, Overwrite> byTarget = new LinkedHashMap<>();
        overwrites.forEach(o -> byTarget.put(o.id(), o));
        byId.put(channelId, new ChannelState(type, settings, byTarget));
    }

    void updated(long channelId, ChannelSettings settings) {
        byId.computeIfPresent(channelId, (id, c) -> new ChannelState(c.type(), settings, c.overwrites()));
    }

    void moved(ChannelPosition move) {
        byId.computeIfPresent(move.channelId(), (id, c) -> {
            Long parent = move.moveParent() ? move.parentId() : c.settings().parentId();
            return new ChannelState(c.type(), with(c.settings(), move.position(), parent), c.overwrites());
        });
    }

    /** Children of a deleted category lose their parent. */
    void deleted(long channelId) {
        byId.remove(channelId);
        byId.replaceAll((id, c) -> Objects.equals(c.settings().parentId(), channelId)
                ? new ChannelState(c.type(), with(c.settings(), c.settings().position(), null), c.overwrites()) : c);
    }

    void overwriteSet(long channelId, Overwrite overwrite) {
        byId.computeIfPresent(channelId, (id, c) -> {
            Map<Long, Overwrite> overwrites = new LinkedHashMap<>(c.overwrites());
            overwrites.put(overwrite.id(), overwrite);
            return new ChannelState(c.type(), c.settings(), overwrites);
        });
    }

    void overwriteRemoved(long channelId, long targetId) {
        byId.computeIfPresent(channelId, (id, c) -> without(c, targetId));
    }

    /** A deleted role leaves every channel's overwrites. */
    void roleRemoved(long roleId) {
        byId.replaceAll((id, c) -> c.overwrites().containsKey(roleId) ? without(c, roleId) : c);
    }

    private static ChannelState without(ChannelState c, long targetId) {
        Map<Long, Overwrite> overwrites = new LinkedHashMap<>(c.overwrites());
        overwrites.remove(targetId);
        return new ChannelState(c.type(), c.settings(), overwrites);
    }

    private static ChannelSettings with(ChannelSettings s, int position, Long parentId) {
        return new ChannelSettings(s.name(), s.topic(), position, parentId, s.nsfw(), s.rateLimitPerUser(), s.bitrate(),
                s.userLimit());
    }
}
