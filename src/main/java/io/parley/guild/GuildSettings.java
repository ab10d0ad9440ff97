package io.parley.guild;

/** A guild's editable settings. */
public record GuildSettings(String name, String description, Long systemChannelId) {
}
