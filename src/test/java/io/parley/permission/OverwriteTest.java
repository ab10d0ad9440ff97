package io.parley.permission;

import org.junit.jupiter.api.Test;

import static io.parley.permission.Permission.SEND_MESSAGES;
import static io.parley.permission.Permission.VIEW_CHANNEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OverwriteTest {

    @Test
    void overwriteTypesCarryDiscordsWireValues() {
        assertEquals(0, OverwriteType.ROLE.wire());
        assertEquals(1, OverwriteType.MEMBER.wire());
        assertEquals(OverwriteType.ROLE, OverwriteType.fromWire(0));
        assertEquals(OverwriteType.MEMBER, OverwriteType.fromWire(1));
    }

    @Test
    void unknownOverwriteTypeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> OverwriteType.fromWire(2));
        assertThrows(IllegalArgumentException.class, () -> OverwriteType.fromWire(-1));
    }

    @Test
    void factoriesSetTheType() {
        assertEquals(new Overwrite(5, OverwriteType.ROLE, 1, 2), Overwrite.role(5, 1, 2));
        assertEquals(new Overwrite(5, OverwriteType.MEMBER, 1, 2), Overwrite.member(5, 1, 2));
    }

    @Test
    void denyIsAppliedBeforeAllow() {
        long both = VIEW_CHANNEL.bit();
        Overwrite o = Overwrite.role(5, both, both | SEND_MESSAGES.bit());
        assertEquals(VIEW_CHANNEL.bit(), o.applyTo(VIEW_CHANNEL.bit() | SEND_MESSAGES.bit()));
    }

    @Test
    void overwriteWithUndefinedBitsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Overwrite.role(5, 1L << 19, 0));
        assertThrows(IllegalArgumentException.class, () -> Overwrite.member(5, 0, 1L << 63));
    }

    @Test
    void overwriteWithoutTypeIsRejected() {
        assertThrows(NullPointerException.class, () -> new Overwrite(5, null, 0, 0));
    }
}
