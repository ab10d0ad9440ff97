package io.parley.platform.axon;

import io.parley.platform.storage.ThreadBoundTransactions;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.Serializer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The dead-letter queues of the durable processors (projections, side effects): Axon's
 * {@link JdbcSequencedDeadLetterQueue} in {@code deadletterentry} (V18), on the thread's
 * transaction, so a dead letter commits with the batch that wrote it. Sequences are
 * aggregates: once an event of an aggregate is dead-lettered, its later events queue behind
 * it (unhandled) until it is retried or dropped, while other aggregates' events flow on.
 */
public final class DeadLetterQueues {
    /** Room for a cause in {@code causemessage}; longer messages are cut. */
    private static final int CAUSE_CHARS = 1000;

    private final ThreadBoundTransactions transactions;
    private final Serializer serializer;
    private final HandlerRetries retries;
    private final int limit;
    private final List<String> groups = new CopyOnWriteArrayList<>();

    DeadLetterQueues(ThreadBoundTransactions transactions, Serializer serializer, HandlerRetries retries, int limit) {
        this.transactions = transactions;
        this.serializer = serializer;
        this.retries = retries;
        this.limit = limit;
    }

    void register(EventProcessingConfigurer processing, String group) {
        groups.add(group);
        processing.registerDeadLetterQueue(group, c -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                        .processingGroup(group)
                        .connectionProvider(transactions)
                        .transactionManager(transactions)
                        .genericSerializer(serializer)
                        .eventSerializer(serializer)
                        .maxSequences(limit)
                        .maxSequenceSize(limit)
                        .build())
                .registerDeadLetterPolicy(group, c -> DeadLetterQueues::decide)
                // a replay re-handles every event anyway; one that still fails is dead-lettered again
                .registerDeadLetteringEventHandlerInvokerConfiguration(group, (c, builder) -> builder
                        .transactionManager(new SavepointTransactions(transactions))
                        .enableSequenceIdentifierCache()
                        .allowReset(true));
    }

    /** Processing groups with a dead-letter queue, in registration order. */
    public List<String> groups() {
        return List.copyOf(groups);
    }

    public HandlerRetries retries() {
        return retries;
    }

    private static EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof HandlerRetries.FirstFailure first) {
                throw first;
            }
        }
        return Decisions.enqueue(new ThrowableCause(cause.getClass().getName(), printable(cause.getMessage())));
    }

    /** PostgreSQL text refuses NUL, and a cause may quote the input that failed. */
    private static String printable(String message) {
        String text = message == null ? "" : message.replace('\u0000', ' ');
        return text.length() > CAUSE_CHARS ? text.substring(0, CAUSE_CHARS) + "…" : text;
    }
}
