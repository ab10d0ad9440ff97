package io.parley.platform.axon;

import io.parley.platform.storage.ThreadBoundTransactions;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.Savepoint;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounded retries of the event handlers of dead-lettering processors. A handler's first failure
 * on an event rolls its whole batch back ({@link FirstFailure}: PostgreSQL refuses every later
 * statement of a transaction that saw an error); the processor retries the batch, and this time
 * that event runs inside a savepoint, {@code retries} times (at least once) with doubling backoff. If it
 * still fails, its writes are rolled back to the savepoint and the exception goes on to the
 * dead-letter queue, which stores the event in the batch's (still usable) transaction. Only
 * events that failed once pay for savepoints.
 */
public final class HandlerRetries implements HandlerEnhancerDefinition {
    private static final Logger log = LoggerFactory.getLogger(HandlerRetries.class);
    private static final int REMEMBERED_FAILURES = 10_000;

    /** Thrown on an event's first failure so the processor rolls back and retries its batch. */
    public static final class FirstFailure extends RuntimeException {
        FirstFailure(String eventId, Throwable cause) {
            super("event " + eventId + " failed once; retrying its batch with a savepoint", cause);
        }
    }

    private static final ThreadLocal<Boolean> RETRYING = ThreadLocal.withInitial(() -> false);

    private final ThreadBoundTransactions transactions;
    private final int retries;
    private final long backoffMs;
    /** Handler type → its processing group; failures are remembered per group and event. */
    private final Map<Class<?>, String> guarded = new ConcurrentHashMap<>();
    private final Set<String> failedOnce = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_FAILURES;
                }
            }));

    HandlerRetries(ThreadBoundTransactions transactions, int retries, long backoffMs) {
        this.transactions = transactions;
        this.retries = retries;
        this.backoffMs = backoffMs;
    }

    /** Handlers of this type get retries (those of processors with a dead-letter queue). */
    void guard(Class<?> handlerType, String group) {
        guarded.put(handlerType, group);
    }

    /**
     * True while a handler runs as a savepointed retry: a handler that defers its writes to the
     * batch's commit writes at once instead, so that its failure is the event's own.
     */
    public static boolean retrying() {
        return RETRYING.get();
    }

    /**
     * The next run of this event goes straight to the savepointed retries (a dead letter being
     * retried, or an event of a batch whose deferred write failed).
     */
    public void expectFailure(String group, String eventId) {
        failedOnce.add(group + " " + eventId);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.hasAnnotation(EventHandler.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                String group = target == null ? null : guarded.get(target.getClass());
                if (!(message instanceof EventMessage<?>) || group == null) {
                    return super.handle(message, target);
                }
                return retried(group, message, () -> super.handle(message, target));
            }
        };
    }

    private interface Call {
        Object run() throws Exception;
    }

    private Object retried(String group, Message<?> message, Call call) throws Exception {
        String eventId = message.getIdentifier();
        String key = group + " " + eventId;
        Optional<Connection> connection = transactions.boundConnection();
        if (!failedOnce.contains(key) || connection.isEmpty()) {
            try {
                return call.run();
            } catch (Exception e) {
                if (connection.isEmpty()) {
                    throw e;
                }
                failedOnce.add(key);
                throw new FirstFailure(eventId, e);
            }
        }
        long wait = backoffMs;
        // the first try was the failure that rolled the batch back; one savepointed try at least,
        // so that the dead letter is written in a transaction PostgreSQL still accepts
        for (int attempt = 1; ; attempt++) {
            Savepoint savepoint = connection.get().setSavepoint();
            RETRYING.set(true);
            try {
                Object result = call.run();
                connection.get().releaseSavepoint(savepoint);
                failedOnce.remove(key);
                return result;
            } catch (Exception e) {
                connection.get().rollback(savepoint);
                if (attempt >= retries) {
                    failedOnce.remove(key);
                    log.warn("{}: handling {} ({}) failed {} times; dead-lettering it: {}", group, eventId,
                            message.getPayloadType().getSimpleName(), attempt + 1, e.toString());
                    throw e;
                }
                log.info("{}: handling {} failed, retry {} of {} in {} ms: {}", group, eventId, attempt + 1, retries, wait,
                        e.toString());
                Thread.sleep(wait);
                wait = Math.min(wait * 2, 60_000);
            } finally {
                RETRYING.set(false);
            }
        }
    }
}
