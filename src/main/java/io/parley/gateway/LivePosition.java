package io.parley.gateway;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Where this node's live processor is in the event log. Each event is dispatched while
 * holding a lock, so whoever else takes the lock sees a position between two events: every
 * dispatch of the events up to {@link #token()} is done, none of the later ones has started.
 * Dispatches made while an event is handled carry its global index ({@link #currentIndex()}),
 * which is what makes a frame durable (replayable from the log) rather than ephemeral.
 */
final class LivePosition {
    private static final ThreadLocal<Long> CURRENT = new ThreadLocal<>();

    private final ReentrantLock lock = new ReentrantLock();
    private volatile GapAwareTrackingToken token;

    /** The global index of the event being dispatched on this thread; null outside one (typing, presence). */
    static Long currentIndex() {
        return CURRENT.get();
    }

    /** Runs {@code body} as if dispatching the event at {@code index} (a replay for one session). */
    static void asEvent(long index, Runnable body) {
        Long before = CURRENT.get();
        CURRENT.set(index);
        try {
            body.run();
        } finally {
            CURRENT.set(before);
        }
    }

    MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                    throws Exception {
                if (!(unitOfWork.getMessage() instanceof TrackedEventMessage<?> tracked)
                        || !(tracked.trackingToken() instanceof GapAwareTrackingToken at)) {
                    return chain.proceed();
                }
                lock.lock();
                CURRENT.set(at.getIndex());
                try {
                    return chain.proceed();
                } finally {
                    CURRENT.remove();
                    token = at;
                    lock.unlock();
                }
            }
        };
    }

    /** The position after the last dispatched event; null before the first one. */
    GapAwareTrackingToken token() {
        return token;
    }

    /** Runs {@code body} between two events, with the position at that moment. Blocks: not for event loops. */
    <T> T between(Function<GapAwareTrackingToken, T> body) {
        lock.lock();
        try {
            return body.apply(token);
        } finally {
            lock.unlock();
        }
    }

    static boolean covers(TrackingToken token, long index) {
        if (token == null) {
            return false;
        }
        GapAwareTrackingToken gapAware = (GapAwareTrackingToken) token;
        return index <= gapAware.getIndex() && !gapAware.getGaps().contains(index);
    }
}
