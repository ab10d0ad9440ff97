package io.parley.guild;

/** A role's editable fields; {@code permissions} is the bit set. */
public record RoleSettings(String name, int color, boolean hoist, boolean mentionable, long permissions) {
}
