package io.parley.permission;

/** A channel's permission overwrite for one role or member. */
public record Overwrite(long id, OverwriteType type, long allow, long deny) {
}
