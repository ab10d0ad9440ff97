package io.parley.platform.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;
import java.util.function.Consumer;

/**
 * Axon's embedded event store, which wakes this node's tracking processors when this node
 * commits, plus {@link #wake()} for events another node committed (told through Valkey), and
 * a hook that sees each commit of this node (to tell the others).
 */
public final class WakeableEventStore extends EmbeddedEventStore {
    private volatile Consumer<List<? extends EventMessage<?>>> commitListener = events -> {
    };

    WakeableEventStore(Builder builder) {
        super(builder);
    }

    /** Read the log now instead of at the next poll. */
    public void wake() {
        super.afterCommit(List.of());
    }

    /** Called on the committing thread after each commit of this node. */
    public void onCommit(Consumer<List<? extends EventMessage<?>>> listener) {
        this.commitListener = listener;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        if (!events.isEmpty()) {
            commitListener.accept(events);
        }
    }
}
