package io.parley.guild;

/** One entry of a bulk channel move; {@code moveParent} says whether {@code parentId} applies. */
public record ChannelPosition(long channelId, int position, boolean moveParent, Long parentId) {
}
