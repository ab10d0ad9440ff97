package io.parley.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The login sessions revoked lately, for the IDENTIFY that authenticated just before the
 * revocation and starts its session just after {@link RevocationDispatcher} looked: the
 * dispatcher records first and then closes what it finds; a starting session is added first
 * and then checked here, so one of the two always catches it. Bounded: an entry is only needed
 * for the moment an IDENTIFY is in flight.
 */
final class Revocations {
    private static final int KEPT = 10_000;

    private final Map<Long, Boolean> endedLogins = bounded();
    /** Per user, the login a password change kept: older logins (smaller snowflakes) are revoked. */
    private final Map<Long, Long> keptAfterPasswordChange = bounded();

    synchronized void loginEnded(long loginId) {
        endedLogins.put(loginId, Boolean.TRUE);
    }

    synchronized void passwordChanged(long userId, long keptLoginId) {
        keptAfterPasswordChange.put(userId, keptLoginId);
    }

    synchronized boolean revoked(long userId, long loginId) {
        Long kept = keptAfterPasswordChange.get(userId);
        return endedLogins.containsKey(loginId) || kept != null && loginId < kept;
    }

    private static <K, V> Map<K, V> bounded() {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > KEPT;
            }
        };
    }
}
