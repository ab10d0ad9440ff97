package io.parley.permission;

import java.util.HashMap;
import java.util.Map;
import java.util.List;

/** A small guild for calculator tests: ids, and a member builder. */
final class Guild {
    static final long GUILD = 100;
    static final long OWNER = 200;
    static final long USER = 300;
    static final long OTHER_USER = 301;
    static final long MODS = 400;
    static final long HELPERS = 401;
    static final long MUTED = 402;
    static final long UNHELD = 403;

    private final Map<Long, Long> roles = new HashMap<>();

    private Guild(long everyone) {
        roles.put(GUILD, everyone);
    }

    static Guild withEveryone(long everyone) {
        return new Guild(everyone);
    }

    Guild role(long id, long permissions) {
        roles.put(id, permissions);
        return this;
    }

    MemberAccess member(Long... roleIds) {
        return new MemberAccess(GUILD, OWNER, USER, List.of(roleIds), roles, false);
    }

    MemberAccess timedOutMember(Long... roleIds) {
        return new MemberAccess(GUILD, OWNER, USER, List.of(roleIds), roles, true);
    }

    MemberAccess owner(boolean timedOut) {
        return new MemberAccess(GUILD, OWNER, OWNER, List.of(), roles, timedOut);
    }
}
