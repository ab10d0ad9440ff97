package io.parley.permission;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;

import static io.parley.permission.Guild.GUILD;
import static io.parley.permission.Guild.HELPERS;
import static io.parley.permission.Guild.MODS;
import static io.parley.permission.Guild.OWNER;
import static io.parley.permission.Guild.UNHELD;
import static io.parley.permission.Guild.USER;
import static io.parley.permission.Permission.*;
import static io.parley.permission.PermissionCalculator.base;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BasePermissionsTest {

    @Test
    void ownerGetsEverythingEvenWithoutRoles() {
        assertEquals(ALL, base(Guild.withEveryone(0).owner(false)));
    }

    @Test
    void ownerWithNoEveryoneRoleDefinedStillGetsEverything() {
        MemberAccess owner = new MemberAccess(GUILD, USER, USER, List.of(), Map.of(), false);
        assertEquals(ALL, base(owner));
    }

    @Test
    void memberWithoutRolesHasWhatEveryoneHas() {
        assertEquals(EVERYONE_DEFAULT, base(Guild.withEveryone(EVERYONE_DEFAULT).member()));
    }

    @Test
    void baseIsEveryoneCombinedWithEachMemberRole() {
        Guild guild = Guild.withEveryone(of(VIEW_CHANNEL))
                .role(MODS, of(KICK_MEMBERS))
                .role(HELPERS, of(MANAGE_MESSAGES));
        assertEquals(of(VIEW_CHANNEL, KICK_MEMBERS, MANAGE_MESSAGES), base(guild.member(MODS, HELPERS)));
    }

    @Test
    void rolesTheMemberDoesNotHoldGrantNothing() {
        Guild guild = Guild.withEveryone(of(VIEW_CHANNEL))
                .role(MODS, of(KICK_MEMBERS))
                .role(UNHELD, of(BAN_MEMBERS));
        assertEquals(of(VIEW_CHANNEL, KICK_MEMBERS), base(guild.member(MODS)));
    }

    @Test
    void aHeldRoleMissingFromTheGuildGrantsNothing() {
        assertEquals(of(VIEW_CHANNEL), base(Guild.withEveryone(of(VIEW_CHANNEL)).member(UNHELD)));
    }

    @Test
    void aRoleCannotTakeAwayWhatEveryoneGrants() {
        Guild guild = Guild.withEveryone(of(VIEW_CHANNEL, SEND_MESSAGES)).role(MODS, 0);
        assertEquals(of(VIEW_CHANNEL, SEND_MESSAGES), base(guild.member(MODS)));
    }

    @Test
    void administratorRoleGivesEverything() {
        Guild guild = Guild.withEveryone(0).role(MODS, of(ADMINISTRATOR));
        assertEquals(ALL, base(guild.member(MODS)));
    }

    @Test
    void administratorOnEveryoneGivesEveryoneEverything() {
        assertEquals(ALL, base(Guild.withEveryone(of(ADMINISTRATOR)).member()));
    }

    @Test
    void implicitChannelDenialsDoNotApplyToBase() {
        long granted = of(VIEW_CHANNEL, EMBED_LINKS, MENTION_EVERYONE, SPEAK, STREAM);
        assertEquals(granted, base(Guild.withEveryone(granted).member()));
    }

    @Test
    void baseWithoutViewChannelKeepsItsOtherBits() {
        assertEquals(of(KICK_MEMBERS), base(Guild.withEveryone(of(KICK_MEMBERS)).member()));
    }

    @Test
    void timedOutMemberKeepsOnlyViewAndHistory() {
        Guild guild = Guild.withEveryone(EVERYONE_DEFAULT).role(MODS, of(KICK_MEMBERS, MODERATE_MEMBERS));
        assertEquals(of(VIEW_CHANNEL, READ_MESSAGE_HISTORY), base(guild.timedOutMember(MODS)));
    }

    @Test
    void timedOutMemberGainsNothingTheyLacked() {
        assertEquals(of(VIEW_CHANNEL), base(Guild.withEveryone(of(VIEW_CHANNEL, SEND_MESSAGES)).timedOutMember()));
    }

    @Test
    void timedOutOwnerKeepsEverything() {
        assertEquals(ALL, base(Guild.withEveryone(0).owner(true)));
    }

    @Test
    void timedOutAdministratorKeepsEverything() {
        Guild guild = Guild.withEveryone(0).role(MODS, of(ADMINISTRATOR));
        assertEquals(ALL, base(guild.timedOutMember(MODS)));
    }

    @Test
    void memberContextKeepsItsOwnCopies() {
        List<Long> roleIds = new ArrayList<>(List.of(MODS));
        Map<Long, Long> roles = new HashMap<>(Map.of(GUILD, 0L, MODS, of(KICK_MEMBERS)));
        MemberAccess member = new MemberAccess(GUILD, OWNER, USER, roleIds, roles, false);
        roleIds.add(HELPERS);
        roles.put(MODS, ALL);
        assertEquals(of(KICK_MEMBERS), base(member));
        assertThrows(UnsupportedOperationException.class, () -> member.roleIds().add(HELPERS));
        assertThrows(UnsupportedOperationException.class, () -> member.rolePermissions().put(MODS, ALL));
    }
}
