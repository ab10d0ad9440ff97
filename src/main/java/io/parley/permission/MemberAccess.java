package io.parley.permission;

import java.util.List;
import java.util.Map;

/**
 * Everything the calculator needs about one member of one guild: the guild's owner and
 * role permissions (the @everyone role's id is the guild id), the member's roles, and
 * whether the member is timed out now.
 */
public record MemberAccess(long guildId, long ownerId, long userId, List<Long> roleIds,
                           Map<Long, Long> rolePermissions, boolean timedOut) {
    public MemberAccess {
        roleIds = List.copyOf(roleIds);
        rolePermissions = Map.copyOf(rolePermissions);
    }
}
