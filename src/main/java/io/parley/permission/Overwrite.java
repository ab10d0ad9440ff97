package io.parley.permission;

import java.util.Objects;

/** A channel's permission overwrite for one role or member. */
public record Overwrite(long id, OverwriteType type, long allow, long deny) {
    public Overwrite {
        Objects.requireNonNull(type, "type");
        if (((allow | deny) & ~Permission.ALL) != 0) {
            throw new IllegalArgumentException("overwrite holds undefined permission bits");
        }
    }

    public static Overwrite role(long roleId, long allow, long deny) {
        return new Overwrite(roleId, OverwriteType.ROLE, allow, deny);
    }

    public static Overwrite member(long userId, long allow, long deny) {
        return new Overwrite(userId, OverwriteType.MEMBER, allow, deny);
    }

    /** Deny first, then allow: within one overwrite, allow wins. */
    public long applyTo(long permissions) {
        return (permissions & ~deny) | allow;
    }
}
