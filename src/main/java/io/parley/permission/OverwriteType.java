package io.parley.permission;

/** Whom a permission overwrite targets, with its wire number. */
public enum OverwriteType {
    ROLE(0), MEMBER(1);

    private final int wire;

    OverwriteType(int wire) {
        this.wire = wire;
    }

    public int wire() {
        return wire;
    }

    public static OverwriteType fromWire(int wire) {
        for (OverwriteType type : values()) {
            if (type.wire == wire) {
                return type;
            }
        }
        throw new IllegalArgumentException("overwrite type is 0 (role) or 1 (member)");
    }
}
