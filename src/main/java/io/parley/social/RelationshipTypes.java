package io.parley.social;

/** Discord's relationship types, as one user sees another. */
public final class RelationshipTypes {
    public static final int NONE = 0;
    public static final int FRIEND = 1;
    public static final int BLOCKED = 2;
    public static final int INCOMING = 3;
    public static final int OUTGOING = 4;

    private RelationshipTypes() {
    }

    /** One aggregate per unordered pair of users; the prefix keeps it apart from user-id aggregates. */
    public static String pairId(long a, long b) {
        return "relationship:" + Math.min(a, b) + ":" + Math.max(a, b);
    }
}
