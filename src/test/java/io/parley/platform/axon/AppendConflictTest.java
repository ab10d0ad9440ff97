package io.parley.platform.axon;

import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Two writers (two nodes, say) appending the same aggregate position: the loser must be retryable. */
@ExtendWith(SharedParley.class)
class AppendConflictTest {

    @Test
    void aDuplicateSequenceNumberIsAConcurrencyException(TestParley parley) {
        EventStorageEngine engine = parley.node().axon().storageEngine();
        String aggregate = "conflict-" + UUID.randomUUID();
        engine.appendEvents(new GenericDomainEventMessage<>("Test", aggregate, 0, "created"),
                new GenericDomainEventMessage<>("Test", aggregate, 1, "first writer"));
        assertThrows(ConcurrencyException.class,
                () -> engine.appendEvents(new GenericDomainEventMessage<>("Test", aggregate, 1, "second writer")));
    }

    @Test
    void creatingAnExistingAggregateIsAStreamCreationConflict(TestParley parley) {
        EventStorageEngine engine = parley.node().axon().storageEngine();
        String aggregate = "conflict-" + UUID.randomUUID();
        engine.appendEvents(new GenericDomainEventMessage<>("Test", aggregate, 0, "first creator"));
        assertThrows(AggregateStreamCreationException.class,
                () -> engine.appendEvents(new GenericDomainEventMessage<>("Test", aggregate, 0, "second creator")));
    }
}
