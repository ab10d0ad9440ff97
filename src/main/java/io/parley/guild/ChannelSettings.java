package io.parley.guild;

/** A channel's editable fields; fields that do not apply to its type keep their defaults. */
public record ChannelSettings(String name, String topic, int position, Long parentId, boolean nsfw,
                              int rateLimitPerUser, int bitrate, int userLimit) {
}
