package io.parley.search;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When searches answer 202 (index still building) and how the lag is measured. */
class IndexerStatusTest {
    private final Map<Integer, EventTrackerStatus> segments = new HashMap<>();
    private long head = 100;
    private final IndexerStatus status = new IndexerStatus(() -> segments, () -> head);

    private static EventTrackerStatus segment(boolean caughtUp, boolean replaying, long position) {
        return (EventTrackerStatus) Proxy.newProxyInstance(IndexerStatusTest.class.getClassLoader(),
                new Class<?>[]{EventTrackerStatus.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isCaughtUp" -> caughtUp;
                    case "isReplaying" -> replaying;
                    case "getCurrentPosition" -> OptionalLong.of(position);
                    case "getError" -> null;
                    case "isErrorState", "isMerging" -> false;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void notReadyBeforeTheProcessorHasClaimedItsSegment() {
        assertFalse(status.ready());
    }

    @Test
    void notReadyWhileCatchingUpWithHistoryThenReadyForGood() {
        segments.put(0, segment(false, false, 10));
        assertFalse(status.ready());
        segments.put(0, segment(true, false, 100));
        assertTrue(status.ready());
        segments.put(0, segment(false, false, 100));
        assertTrue(status.ready(), "falling briefly behind live traffic is not rebuilding");
    }

    @Test
    void aReplayIsNotReady() {
        segments.put(0, segment(true, true, 100));
        assertFalse(status.ready());
    }

    @Test
    void lagIsTheEventsBetweenTheHeadAndTheIndexersPosition() {
        segments.put(0, segment(false, false, 60));
        assertEquals(40, status.measure());
        head = 60;
        assertEquals(0, status.measure());
    }
}
