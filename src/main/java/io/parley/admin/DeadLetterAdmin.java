package io.parley.admin;

import io.parley.platform.axon.DeadLetterQueues;
import io.parley.platform.storage.ThreadBoundTransactions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an operator does with dead letters, for {@code /_admin/dead-letters} and
 * {@code parley dead-letters}: list them, retry a processor's sequences (each event is handled
 * again in order; a sequence that succeeds leaves the queue, one that fails stays with its new
 * cause), or drop them. Blocking (JDBC): call off the event loop.
 */
public final class DeadLetterAdmin {
    private final EventProcessingConfiguration processing;
    private final DeadLetterQueues queues;
    private final ThreadBoundTransactions transactions;

    public DeadLetterAdmin(EventProcessingConfiguration processing, DeadLetterQueues queues,
                           ThreadBoundTransactions transactions) {
        this.processing = processing;
        this.queues = queues;
        this.transactions = transactions;
    }

    /** The outcome of a retry or drop. */
    public record Outcome(String processor, int sequences, int succeeded, long remaining) {
        public JsonObject json() {
            return new JsonObject().put("processor", processor).put("sequences", sequences)
                    .put("succeeded", succeeded).put("remaining", remaining);
        }
    }

    public boolean knows(String processor) {
        return queues.groups().contains(processor);
    }

    /** The processors that dead-letter. */
    public List<String> processors() {
        return queues.groups();
    }

    /** Every processor with dead letters, its sequences (aggregates) and their letters in order. */
    public JsonObject list() {
        JsonArray processors = new JsonArray();
        long total = 0;
        for (String group : queues.groups()) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
            JsonArray sequences = new JsonArray();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : transactions.fetchInTransaction(queue::deadLetters)) {
                JsonArray letters = new JsonArray();
                String id = null;
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    id = id != null ? id : sequenceId(letter);
                    letters.add(render(letter));
                    total++;
                }
                sequences.add(new JsonObject().put("sequence", id).put("letters", letters));
            }
            if (!sequences.isEmpty()) {
                processors.add(new JsonObject().put("processor", group).put("sequences", sequences));
            }
        }
        return new JsonObject().put("total", total).put("processors", processors);
    }

    /** Handles the processor's dead letters again, all sequences or the one named. */
    public Outcome retry(String processor, Optional<String> onlySequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        SequencedDeadLetterProcessor<EventMessage<?>> deadLetterProcessor =
                processing.sequencedDeadLetterProcessor(processor).orElseThrow();
        int sequences = 0;
        int succeeded = 0;
        for (List<String> eventIds : sequences(queue, onlySequence)) {
            // they failed before: straight to the savepointed retries, no batch to roll back here
            eventIds.forEach(id -> queues.retries().expectFailure(processor, id));
            String first = eventIds.get(0);
            sequences++;
            if (deadLetterProcessor.process(letter -> letter.message().getIdentifier().equals(first))) {
                succeeded++;
            }
        }
        return new Outcome(processor, sequences, succeeded, transactions.fetchInTransaction(queue::size));
    }

    /** Removes the processor's dead letters, all or the named sequence's, without handling them. */
    public Outcome drop(String processor, Optional<String> onlySequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor);
        int sequences = 0;
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : transactions.fetchInTransaction(queue::deadLetters)) {
            List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
            sequence.forEach(letters::add);
            if (letters.isEmpty() || onlySequence.filter(s -> !s.equals(sequenceId(letters.get(0)))).isPresent()) {
                continue;
            }
            sequences++;
            transactions.executeInTransaction(() -> letters.forEach(queue::evict));
        }
        return new Outcome(processor, sequences, 0, transactions.fetchInTransaction(queue::size));
    }

    /** Each selected sequence's event ids, in order. */
    private List<List<String>> sequences(SequencedDeadLetterQueue<EventMessage<?>> queue, Optional<String> only) {
        List<List<String>> result = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : transactions.fetchInTransaction(queue::deadLetters)) {
            List<String> ids = new ArrayList<>();
            String sequenceId = null;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                sequenceId = sequenceId != null ? sequenceId : sequenceId(letter);
                ids.add(letter.message().getIdentifier());
            }
            if (!ids.isEmpty() && only.map(sequenceId::equals).orElse(true)) {
                result.add(ids);
            }
        }
        return result;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String processor) {
        return processing.deadLetterQueue(processor).orElseThrow(() ->
                new IllegalArgumentException("no dead-letter queue for processor " + processor));
    }

    private static String sequenceId(DeadLetter<?> letter) {
        return letter instanceof JdbcDeadLetter<?> jdbc ? jdbc.getSequenceIdentifier() : null;
    }

    private static JsonObject render(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        JsonObject json = new JsonObject()
                .put("event_id", event.getIdentifier())
                .put("event_type", event.getPayloadType().getName())
                .put("event_timestamp", event.getTimestamp().toString())
                .put("enqueued_at", letter.enqueuedAt().toString())
                .put("last_touched", letter.lastTouched().toString());
        if (event instanceof DomainEventMessage<?> domain) {
            json.put("aggregate_id", domain.getAggregateIdentifier()).put("aggregate_sequence", domain.getSequenceNumber());
        }
        if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            tracked.trackingToken().position().ifPresent(position -> json.put("global_index", position));
        }
        letter.cause().ifPresent(cause -> json.put("cause_type", cause.type()).put("cause_message", cause.message()));
        return json;
    }
}
