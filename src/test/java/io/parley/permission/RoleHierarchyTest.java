package io.parley.permission;

import org.junit.jupiter.api.Test;

import static io.parley.permission.Guild.OWNER;
import static io.parley.permission.Guild.USER;
import static io.parley.permission.PermissionCalculator.canManageRole;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoleHierarchyTest {

    @Test
    void ownerCanManageAnyRoleWhateverTheirPosition() {
        assertTrue(canManageRole(OWNER, OWNER, 0, 10));
        assertTrue(canManageRole(OWNER, OWNER, 5, 5));
    }

    @Test
    void higherPositionCanManageALowerRole() {
        assertTrue(canManageRole(USER, OWNER, 5, 4));
        assertTrue(canManageRole(USER, OWNER, 1, 0));
    }

    @Test
    void equalPositionCannotManage() {
        assertFalse(canManageRole(USER, OWNER, 5, 5));
        assertFalse(canManageRole(USER, OWNER, 0, 0));
    }

    @Test
    void lowerPositionCannotManageAHigherRole() {
        assertFalse(canManageRole(USER, OWNER, 3, 4));
    }
}
