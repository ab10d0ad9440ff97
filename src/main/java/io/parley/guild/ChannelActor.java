package io.parley.guild;

import io.parley.permission.Permission;
import io.parley.permission.PermissionCalculator;
import io.parley.platform.error.ApiException;
import io.parley.platform.error.ErrorCode;

/** The caller in one guild channel: permissions after the channel's overwrites. */
public record ChannelActor(Actor actor, ChannelRecord channel) {

    public long permissions() {
        return PermissionCalculator.inChannel(actor.access(), channel.overwrites());
    }

    /** 403 MISSING_ACCESS when the channel is hidden from the caller, MISSING_PERMISSIONS when a flag is missing. */
    public ChannelActor require(Permission... needed) {
        long permissions = permissions();
        if (!Permission.has(permissions, Permission.VIEW_CHANNEL)) {
            throw new ApiException(ErrorCode.MISSING_ACCESS);
        }
        for (Permission p : needed) {
            if (!Permission.has(permissions, p)) {
                throw new ApiException(ErrorCode.MISSING_PERMISSIONS);
            }
        }
        return this;
    }

    /**
     * 403 MISSING_PERMISSIONS unless the caller holds every bit of {@code bits} in this channel:
     * an overwrite may only allow or deny what its author may do here (owner and administrators may do all).
     */
    public void requireGrantable(long bits) {
        if ((bits & ~permissions()) != 0) {
            throw new ApiException(ErrorCode.MISSING_PERMISSIONS,
                    "You cannot allow or deny permissions you do not have in this channel");
        }
    }
}
