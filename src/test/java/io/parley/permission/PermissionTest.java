package io.parley.permission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.parley.permission.Permission.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PermissionTest {

    @Test
    void bitPositionsMatchTheContract() {
        // Transcribed from API.md's table, so a renumbered or renamed flag fails here.
        Map<String, Integer> contract = new LinkedHashMap<>();
        contract.put("CREATE_INSTANT_INVITE", 0);
        contract.put("KICK_MEMBERS", 1);
        contract.put("BAN_MEMBERS", 2);
        contract.put("ADMINISTRATOR", 3);
        contract.put("MANAGE_CHANNELS", 4);
        contract.put("MANAGE_GUILD", 5);
        contract.put("ADD_REACTIONS", 6);
        contract.put("VIEW_AUDIT_LOG", 7);
        contract.put("PRIORITY_SPEAKER", 8);
        contract.put("STREAM", 9);
        contract.put("VIEW_CHANNEL", 10);
        contract.put("SEND_MESSAGES", 11);
        contract.put("SEND_TTS_MESSAGES", 12);
        contract.put("MANAGE_MESSAGES", 13);
        contract.put("EMBED_LINKS", 14);
        contract.put("ATTACH_FILES", 15);
        contract.put("READ_MESSAGE_HISTORY", 16);
        contract.put("MENTION_EVERYONE", 17);
        contract.put("USE_EXTERNAL_EMOJIS", 18);
        contract.put("CONNECT", 20);
        contract.put("SPEAK", 21);
        contract.put("MUTE_MEMBERS", 22);
        contract.put("DEAFEN_MEMBERS", 23);
        contract.put("MOVE_MEMBERS", 24);
        contract.put("USE_VAD", 25);
        contract.put("CHANGE_NICKNAME", 26);
        contract.put("MANAGE_NICKNAMES", 27);
        contract.put("MANAGE_ROLES", 28);
        contract.put("MANAGE_WEBHOOKS", 29);
        contract.put("MANAGE_EXPRESSIONS", 30);
        contract.put("USE_EXTERNAL_STICKERS", 37);
        contract.put("MODERATE_MEMBERS", 40);
        contract.put("CREATE_EXPRESSIONS", 43);
        contract.put("PIN_MESSAGES", 51);
        contract.put("BYPASS_SLOWMODE", 52);
        contract.put("UPDATE_RTC_REGION", 53);

        Map<String, Integer> defined = new LinkedHashMap<>();
        for (Permission p : values()) {
            defined.put(p.name(), p.position());
        }
        assertEquals(contract, defined);
    }

    @Test
    void wellKnownFlagsHaveDiscordsValues() {
        assertEquals(1L, CREATE_INSTANT_INVITE.bit());
        assertEquals(8L, ADMINISTRATOR.bit());
        assertEquals(1024L, VIEW_CHANNEL.bit());
        assertEquals(2048L, SEND_MESSAGES.bit());
        assertEquals(1L << 20, CONNECT.bit());
        assertEquals(1_099_511_627_776L, MODERATE_MEMBERS.bit());
        assertEquals(2_251_799_813_685_248L, PIN_MESSAGES.bit());
        assertEquals(9_007_199_254_740_992L, UPDATE_RTC_REGION.bit());
    }

    @ParameterizedTest
    @EnumSource(Permission.class)
    void eachFlagIsASingleBitAtItsPosition(Permission p) {
        assertEquals(1, Long.bitCount(p.bit()));
        assertEquals(p.position(), Long.numberOfTrailingZeros(p.bit()));
    }

    @Test
    void ofCombinesFlagsAndOfNothingIsEmpty() {
        assertEquals(1024L | 2048L | 8L, of(VIEW_CHANNEL, SEND_MESSAGES, ADMINISTRATOR));
        assertEquals(1024L, of(VIEW_CHANNEL, VIEW_CHANNEL));
        assertEquals(0L, of());
    }

    @Test
    void hasSeesOnlyTheFlagsInTheSet() {
        long set = of(VIEW_CHANNEL, SPEAK);
        assertTrue(has(set, VIEW_CHANNEL));
        assertTrue(has(set, SPEAK));
        assertFalse(has(set, SEND_MESSAGES));
        assertFalse(has(0L, VIEW_CHANNEL));
        assertTrue(has(-1L, UPDATE_RTC_REGION));
    }

    @Test
    void allIsEveryDefinedBitAndNothingElse() {
        assertEquals(15_772_633_886_359_551L, ALL);
        assertEquals(values().length, Long.bitCount(ALL));
        assertFalse((ALL & (1L << 19)) != 0, "bit 19 is not in the contract");
    }

    @Test
    void everyoneDefaultIsTheContractsList() {
        assertEquals(of(CREATE_INSTANT_INVITE, ADD_REACTIONS, STREAM, VIEW_CHANNEL, SEND_MESSAGES,
                EMBED_LINKS, ATTACH_FILES, READ_MESSAGE_HISTORY, USE_EXTERNAL_EMOJIS, CONNECT,
                SPEAK, USE_VAD, CHANGE_NICKNAME, USE_EXTERNAL_STICKERS, CREATE_EXPRESSIONS), EVERYONE_DEFAULT);
        assertEquals(8_933_636_165_185L, EVERYONE_DEFAULT);
        assertFalse(has(EVERYONE_DEFAULT, ADMINISTRATOR));
        assertFalse(has(EVERYONE_DEFAULT, MENTION_EVERYONE));
    }

    @Test
    void wireFormIsADecimalString() {
        assertEquals("0", toWire(0));
        assertEquals("8", toWire(of(ADMINISTRATOR)));
        assertEquals("3072", toWire(of(VIEW_CHANNEL, SEND_MESSAGES)));
        assertEquals("15772633886359551", toWire(ALL));
        assertEquals("8933636165185", toWire(EVERYONE_DEFAULT));
    }

    @Test
    void wireFormIsReadBack() {
        assertEquals(0L, fromWire("0"));
        assertEquals(of(VIEW_CHANNEL, SEND_MESSAGES), fromWire("3072"));
        assertEquals(ALL, fromWire("15772633886359551"));
    }

    @ParameterizedTest
    @EnumSource(Permission.class)
    void eachFlagRoundTripsThroughTheWire(Permission p) {
        assertEquals(p.bit(), fromWire(toWire(p.bit())));
    }

    @Test
    void defaultSetsRoundTripThroughTheWire() {
        assertEquals(ALL, fromWire(toWire(ALL)));
        assertEquals(EVERYONE_DEFAULT, fromWire(toWire(EVERYONE_DEFAULT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "-1", "-0", "+8", "1.0", "1e3", "0x8", " 8", "8 ", "١٠٢٤",
            "99999999999999999999", "9223372036854775808"})
    void nonNumericOrOutOfRangeWireFormsAreRejected(String wire) {
        assertThrows(IllegalArgumentException.class, () -> fromWire(wire));
    }

    @Test
    void nullWireFormIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> fromWire(null));
    }

    @ParameterizedTest
    @ValueSource(longs = {1L << 19, 1L << 31, 1L << 38, 1L << 54, 1L << 62, Long.MAX_VALUE})
    void undefinedBitsAreRejected(long undefined) {
        assertThrows(IllegalArgumentException.class, () -> fromWire(Long.toString(undefined)));
        assertThrows(IllegalArgumentException.class, () -> fromWire(Long.toString(undefined | VIEW_CHANNEL.bit())));
    }
}
