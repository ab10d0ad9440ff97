package io.parley.guild;

import io.parley.permission.MemberAccess;
import io.parley.permission.Permission;
import io.parley.permission.PermissionCalculator;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;

import java.util.Map;

/** The caller as a member of one guild: their guild-wide permissions and place in the role hierarchy. */
public record Actor(MemberAccess access, Map<Long, Integer> rolePositions) {

    public long userId() {
        return access.userId();
    }

    public long guildId() {
        return access.guildId();
    }

    public boolean isOwner() {
        return access.userId() == access.ownerId();
    }

    public long permissions() {
        return PermissionCalculator.base(access);
    }

    /** 403 MISSING_PERMISSIONS unless the caller has every one of them guild-wide. */
    public Actor require(Permission... needed) {
        long permissions = permissions();
        for (Permission p : needed) {
            if (!Permission.has(permissions, p)) {
                throw new ApiException(ErrorCode.MISSING_PERMISSIONS);
            }
        }
        return this;
    }

    /**
     * 403 MISSING_PERMISSIONS unless the caller holds every bit of {@code bits} guild-wide: nobody
     * hands out (in a role, a role assignment or a new channel's overwrites) what they do not hold.
     */
    public void requireGrantable(long bits) {
        if ((bits & ~permissions()) != 0) {
            throw new ApiException(ErrorCode.MISSING_PERMISSIONS, "You cannot grant permissions you do not have");
        }
    }

    /** The owner is above every role; others are as high as their highest role (0 = @everyone only). */
    public int highestPosition() {
        if (isOwner()) {
            return Integer.MAX_VALUE;
        }
        return access.roleIds().stream().mapToInt(id -> rolePositions.getOrDefault(id, 0)).max().orElse(0);
    }

    /** 403 unless the caller sits strictly above a role at {@code position} (the owner always does). */
    public void requireAbove(int position) {
        if (!PermissionCalculator.canManageRole(access.userId(), access.ownerId(), highestPosition(), position)) {
            throw new ApiException(ErrorCode.MISSING_PERMISSIONS, "That role is at or above your highest role");
        }
    }
}
