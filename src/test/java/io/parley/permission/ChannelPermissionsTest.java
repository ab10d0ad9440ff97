package io.parley.permission;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.parley.permission.Guild.GUILD;
import static io.parley.permission.Guild.HELPERS;
import static io.parley.permission.Guild.MODS;
import static io.parley.permission.Guild.MUTED;
import static io.parley.permission.Guild.OTHER_USER;
import static io.parley.permission.Guild.UNHELD;
import static io.parley.permission.Guild.USER;
import static io.parley.permission.Overwrite.member;
import static io.parley.permission.Overwrite.role;
import static io.parley.permission.Permission.*;
import static io.parley.permission.PermissionCalculator.inChannel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelPermissionsTest {
    private static final long TEXT = of(VIEW_CHANNEL, SEND_MESSAGES, READ_MESSAGE_HISTORY);

    @Test
    void withoutOverwritesTheChannelHasTheBasePermissions() {
        assertEquals(EVERYONE_DEFAULT, inChannel(Guild.withEveryone(EVERYONE_DEFAULT).member(), List.of()));
    }

    @Test
    void everyoneOverwriteCanDenyWhatARoleGrants() {
        Guild guild = Guild.withEveryone(of(VIEW_CHANNEL)).role(MODS, of(SEND_MESSAGES));
        long result = inChannel(guild.member(MODS), List.of(role(GUILD, 0, of(SEND_MESSAGES))));
        assertEquals(of(VIEW_CHANNEL), result);
    }

    @Test
    void everyoneOverwriteAllowWinsOverItsOwnDeny() {
        long result = inChannel(Guild.withEveryone(of(VIEW_CHANNEL)).member(),
                List.of(role(GUILD, of(ADD_REACTIONS), of(ADD_REACTIONS))));
        assertEquals(of(VIEW_CHANNEL, ADD_REACTIONS), result);
    }

    @Test
    void roleOverwriteBeatsEveryoneOverwrite() {
        Guild guild = Guild.withEveryone(TEXT).role(MODS, 0);
        List<Overwrite> overwrites = List.of(
                role(MODS, of(SEND_MESSAGES), 0),
                role(GUILD, 0, of(SEND_MESSAGES)));
        assertTrue(has(inChannel(guild.member(MODS), overwrites), SEND_MESSAGES));
        assertFalse(has(inChannel(guild.member(), overwrites), SEND_MESSAGES));
    }

    @Test
    void roleOverwriteDenyBeatsEveryoneOverwriteAllow() {
        Guild guild = Guild.withEveryone(of(VIEW_CHANNEL)).role(MUTED, 0);
        List<Overwrite> overwrites = List.of(
                role(GUILD, of(SEND_MESSAGES), 0),
                role(MUTED, 0, of(SEND_MESSAGES)));
        assertEquals(of(VIEW_CHANNEL), inChannel(guild.member(MUTED), overwrites));
    }

    @Test
    void roleOverwritesAreCombinedBeforeApplying() {
        // Applied one by one, the deny listed last would win; combined, any role's allow wins.
        Guild guild = Guild.withEveryone(of(VIEW_CHANNEL)).role(HELPERS, 0).role(MUTED, 0);
        List<Overwrite> allowFirst = List.of(role(HELPERS, of(SEND_MESSAGES), 0), role(MUTED, 0, of(SEND_MESSAGES)));
        List<Overwrite> denyFirst = List.of(role(MUTED, 0, of(SEND_MESSAGES)), role(HELPERS, of(SEND_MESSAGES), 0));
        assertEquals(of(VIEW_CHANNEL, SEND_MESSAGES), inChannel(guild.member(HELPERS, MUTED), allowFirst));
        assertEquals(of(VIEW_CHANNEL, SEND_MESSAGES), inChannel(guild.member(HELPERS, MUTED), denyFirst));
    }

    @Test
    void everyoneOverwriteIsNotCountedAgainAsARoleOverwrite() {
        // Some callers list @everyone among the member's roles; its overwrite must still rank below role ones.
        Guild guild = Guild.withEveryone(of(VIEW_CHANNEL)).role(MUTED, 0);
        List<Overwrite> overwrites = List.of(role(GUILD, of(SEND_MESSAGES), 0), role(MUTED, 0, of(SEND_MESSAGES)));
        assertEquals(of(VIEW_CHANNEL), inChannel(guild.member(GUILD, MUTED), overwrites));
    }

    @Test
    void roleOverwritesOfRolesTheMemberLacksAreIgnored() {
        Guild guild = Guild.withEveryone(TEXT).role(UNHELD, 0);
        long result = inChannel(guild.member(), List.of(role(UNHELD, of(MANAGE_MESSAGES), of(SEND_MESSAGES))));
        assertEquals(TEXT, result);
    }

    @Test
    void memberOverwriteBeatsRoleOverwrites() {
        Guild guild = Guild.withEveryone(of(VIEW_CHANNEL)).role(MODS, 0);
        List<Overwrite> overwrites = List.of(
                member(USER, of(SEND_MESSAGES), of(MANAGE_MESSAGES)),
                role(MODS, of(MANAGE_MESSAGES), of(SEND_MESSAGES)));
        assertEquals(of(VIEW_CHANNEL, SEND_MESSAGES), inChannel(guild.member(MODS), overwrites));
    }

    @Test
    void memberOverwriteAllowWinsOverItsOwnDeny() {
        long result = inChannel(Guild.withEveryone(of(VIEW_CHANNEL)).member(),
                List.of(member(USER, of(SEND_MESSAGES), of(SEND_MESSAGES))));
        assertEquals(of(VIEW_CHANNEL, SEND_MESSAGES), result);
    }

    @Test
    void otherMembersOverwritesAreIgnored() {
        long result = inChannel(Guild.withEveryone(TEXT).member(), List.of(member(OTHER_USER, of(MANAGE_MESSAGES), TEXT)));
        assertEquals(TEXT, result);
    }

    @Test
    void overwritesAreMatchedByTypeAsWellAsId() {
        Guild guild = Guild.withEveryone(TEXT).role(MODS, 0);
        List<Overwrite> overwrites = List.of(
                member(MODS, 0, of(SEND_MESSAGES)),
                member(GUILD, 0, of(READ_MESSAGE_HISTORY)),
                role(USER, of(MANAGE_MESSAGES), 0));
        assertEquals(TEXT, inChannel(guild.member(MODS), overwrites));
    }

    @Test
    void withoutViewChannelTheChannelGrantsNothing() {
        Guild guild = Guild.withEveryone(EVERYONE_DEFAULT).role(MODS, of(KICK_MEMBERS, MANAGE_MESSAGES));
        long result = inChannel(guild.member(MODS), List.of(role(GUILD, of(MENTION_EVERYONE), of(VIEW_CHANNEL))));
        assertEquals(0L, result);
    }

    @Test
    void withoutViewChannelInTheBaseTheChannelGrantsNothing() {
        assertEquals(0L, inChannel(Guild.withEveryone(of(SEND_MESSAGES, KICK_MEMBERS)).member(), List.of()));
    }

    @Test
    void aMemberOverwriteCanGrantViewChannelBack() {
        Guild guild = Guild.withEveryone(of(SEND_MESSAGES)).role(MODS, 0);
        List<Overwrite> overwrites = List.of(role(MODS, 0, of(VIEW_CHANNEL)), member(USER, of(VIEW_CHANNEL), 0));
        assertEquals(of(VIEW_CHANNEL, SEND_MESSAGES), inChannel(guild.member(MODS), overwrites));
    }

    @Test
    void withoutSendMessagesTheSendingBitsAreRemoved() {
        long granted = of(VIEW_CHANNEL, MENTION_EVERYONE, SEND_TTS_MESSAGES, ATTACH_FILES, EMBED_LINKS,
                ADD_REACTIONS, READ_MESSAGE_HISTORY, MANAGE_MESSAGES);
        assertEquals(of(VIEW_CHANNEL, ADD_REACTIONS, READ_MESSAGE_HISTORY, MANAGE_MESSAGES),
                inChannel(Guild.withEveryone(granted).member(), List.of()));
    }

    @Test
    void withSendMessagesTheSendingBitsStay() {
        long granted = of(VIEW_CHANNEL, SEND_MESSAGES, MENTION_EVERYONE, SEND_TTS_MESSAGES, ATTACH_FILES, EMBED_LINKS);
        assertEquals(granted, inChannel(Guild.withEveryone(granted).member(), List.of()));
    }

    @Test
    void deniedSendMessagesInTheChannelRemovesTheSendingBits() {
        long result = inChannel(Guild.withEveryone(EVERYONE_DEFAULT).member(), List.of(role(GUILD, 0, of(SEND_MESSAGES))));
        assertFalse(has(result, EMBED_LINKS));
        assertFalse(has(result, ATTACH_FILES));
        assertTrue(has(result, ADD_REACTIONS));
    }

    @Test
    void withoutConnectTheVoiceBitsAreRemoved() {
        long granted = of(VIEW_CHANNEL, SPEAK, MUTE_MEMBERS, DEAFEN_MEMBERS, MOVE_MEMBERS, USE_VAD,
                PRIORITY_SPEAKER, STREAM, SEND_MESSAGES, UPDATE_RTC_REGION);
        assertEquals(of(VIEW_CHANNEL, SEND_MESSAGES, UPDATE_RTC_REGION),
                inChannel(Guild.withEveryone(granted).member(), List.of()));
    }

    @Test
    void withConnectTheVoiceBitsStay() {
        long granted = of(VIEW_CHANNEL, CONNECT, SPEAK, MUTE_MEMBERS, DEAFEN_MEMBERS, MOVE_MEMBERS, USE_VAD,
                PRIORITY_SPEAKER, STREAM);
        assertEquals(granted, inChannel(Guild.withEveryone(granted).member(), List.of()));
    }

    @Test
    void administratorIgnoresOverwrites() {
        Guild guild = Guild.withEveryone(0).role(MODS, of(ADMINISTRATOR));
        List<Overwrite> overwrites = List.of(role(GUILD, 0, ALL), role(MODS, 0, ALL), member(USER, 0, ALL));
        assertEquals(ALL, inChannel(guild.member(MODS), overwrites));
    }

    @Test
    void ownerIgnoresOverwrites() {
        List<Overwrite> overwrites = List.of(role(GUILD, 0, ALL), member(Guild.OWNER, 0, ALL));
        assertEquals(ALL, inChannel(Guild.withEveryone(0).owner(false), overwrites));
    }

    @Test
    void administratorAllowedByAnOverwriteDoesNotGrantEverything() {
        long result = inChannel(Guild.withEveryone(of(VIEW_CHANNEL)).member(),
                List.of(member(USER, of(ADMINISTRATOR), 0)));
        assertFalse(has(result, BAN_MEMBERS));
        assertFalse(has(result, SEND_MESSAGES));
    }

    @Test
    void timedOutMemberKeepsOnlyViewAndHistoryInAChannel() {
        Guild guild = Guild.withEveryone(EVERYONE_DEFAULT).role(MODS, of(MANAGE_MESSAGES));
        long result = inChannel(guild.timedOutMember(MODS), List.of(member(USER, of(MENTION_EVERYONE, CONNECT), 0)));
        assertEquals(of(VIEW_CHANNEL, READ_MESSAGE_HISTORY), result);
    }

    @Test
    void timedOutMemberStillSeesNothingInAHiddenChannel() {
        long result = inChannel(Guild.withEveryone(EVERYONE_DEFAULT).timedOutMember(),
                List.of(role(GUILD, 0, of(VIEW_CHANNEL))));
        assertEquals(0L, result);
    }

    @Test
    void timedOutMemberKeepsHistoryOnlyIfTheChannelGrantsIt() {
        long result = inChannel(Guild.withEveryone(EVERYONE_DEFAULT).timedOutMember(),
                List.of(role(GUILD, 0, of(READ_MESSAGE_HISTORY))));
        assertEquals(of(VIEW_CHANNEL), result);
    }

    @Test
    void timedOutAdministratorKeepsEverythingInAChannel() {
        Guild guild = Guild.withEveryone(0).role(MODS, of(ADMINISTRATOR));
        assertEquals(ALL, inChannel(guild.timedOutMember(MODS), List.of(role(GUILD, 0, ALL))));
    }

    @Test
    void timedOutOwnerKeepsEverythingInAChannel() {
        assertEquals(ALL, inChannel(Guild.withEveryone(0).owner(true), List.of()));
    }
}
