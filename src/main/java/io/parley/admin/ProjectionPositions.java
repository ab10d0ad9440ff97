package io.parley.admin;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;

import java.util.Collection;
import java.util.OptionalLong;

/** Where a tracking processor is in the event log, from its in-memory status (no query). */
final class ProjectionPositions {
    private ProjectionPositions() {
    }

    /** The least position over the segments this node holds; empty when it holds none. */
    static OptionalLong position(TrackingEventProcessor processor) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        if (segments.isEmpty()) {
            return OptionalLong.empty();
        }
        long least = Long.MAX_VALUE;
        for (EventTrackerStatus segment : segments) {
            least = Math.min(least, segment.getCurrentPosition().orElse(-1));
        }
        return OptionalLong.of(least);
    }

    static boolean caughtUp(TrackingEventProcessor processor) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        return !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
    }
}
