package io.parley.permission;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whatever the roles, overwrites and timeouts, the owner and administrators hold every permission. */
class OwnerAndAdministratorPropertyTest {
    private static final long GUILD = 1;
    private static final long OWNER = 2;
    private static final long USER = 3;
    private static final long ADMIN_ROLE = 10;

    @Test
    void ownerAndAdministratorAlwaysGetEverything() {
        Random random = new Random(20261128);
        for (int i = 0; i < 5_000; i++) {
            Map<Long, Long> roles = new HashMap<>();
            roles.put(GUILD, randomBits(random));
            List<Long> held = new ArrayList<>();
            for (long id = 11; id < 11 + random.nextInt(5); id++) {
                roles.put(id, randomBits(random) & ~Permission.ADMINISTRATOR.bit());
                held.add(id);
            }
            roles.put(ADMIN_ROLE, randomBits(random) | Permission.ADMINISTRATOR.bit());
            List<Overwrite> overwrites = randomOverwrites(random, roles);
            boolean timedOut = random.nextBoolean();

            MemberAccess owner = new MemberAccess(GUILD, OWNER, OWNER, held, roles, timedOut);
            List<Long> adminRoles = new ArrayList<>(held);
            adminRoles.add(ADMIN_ROLE);
            MemberAccess admin = new MemberAccess(GUILD, OWNER, USER, adminRoles, roles, timedOut);

            assertEquals(Permission.ALL, PermissionCalculator.base(owner), "case " + i);
            assertEquals(Permission.ALL, PermissionCalculator.inChannel(owner, overwrites), "case " + i);
            assertEquals(Permission.ALL, PermissionCalculator.base(admin), "case " + i);
            assertEquals(Permission.ALL, PermissionCalculator.inChannel(admin, overwrites), "case " + i);
        }
    }

    private static long randomBits(Random random) {
        return random.nextLong() & Permission.ALL;
    }

    private static List<Overwrite> randomOverwrites(Random random, Map<Long, Long> roles) {
        List<Overwrite> overwrites = new ArrayList<>();
        for (long roleId : roles.keySet()) {
            if (random.nextBoolean()) {
                overwrites.add(Overwrite.role(roleId, randomBits(random), randomBits(random)));
            }
        }
        overwrites.add(Overwrite.member(OWNER, 0, Permission.ALL));
        overwrites.add(Overwrite.member(USER, 0, Permission.ALL));
        return overwrites;
    }
}
