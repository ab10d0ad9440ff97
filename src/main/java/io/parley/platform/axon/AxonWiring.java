package io.parley.platform.axon;

import io.parley.platform.config.ParleyConfig;
import io.parley.platform.storage.Jdbc;
import io.parley.platform.storage.ThreadBoundTransactions;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;

import java.util.List;
import java.util.function.Function;

/** What a {@link DomainModule} needs to register its parts the same way every feature does. */
public final class AxonWiring {
    private final ParleyConfig.Axon config;
    private final ThreadBoundTransactions transactions;
    private final ReadYourWrites readYourWrites;
    private final long claimIntervalMs;
    private final DeadLetterQueues deadLetters;

    AxonWiring(ParleyConfig.Axon config, ThreadBoundTransactions transactions, ReadYourWrites readYourWrites,
               long claimIntervalMs, DeadLetterQueues deadLetters) {
        this.deadLetters = deadLetters;
        this.config = config;
        this.transactions = transactions;
        this.readYourWrites = readYourWrites;
        this.claimIntervalMs = claimIntervalMs;
    }

    public ThreadBoundTransactions transactions() {
        return transactions;
    }

    public Jdbc jdbc() {
        return new Jdbc(transactions);
    }

    /** An event-sourced aggregate, snapshotted every {@code axon.snapshot_threshold} events. */
    public <A> void aggregate(Configurer configurer, Class<A> type) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(type)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                        c.snapshotter(), config.snapshotThreshold())));
    }

    /**
     * A processor for live effects on this node (gateway dispatch): every node runs its own,
     * starting at the head of the event log with an in-memory position, so each node sees
     * every new event and none replays history at start.
     */
    public void liveProcessor(Configurer configurer, String group,
                              List<Function<org.axonframework.config.Configuration, Object>> handlers) {
        liveProcessor(configurer, group, handlers, List.of());
    }

    /** A live processor whose handlers run inside {@code interceptors} (outermost first). */
    public void liveProcessor(Configurer configurer, String group,
                              List<Function<org.axonframework.config.Configuration, Object>> handlers,
                              List<org.axonframework.messaging.MessageHandlerInterceptor<
                                      ? super org.axonframework.eventhandling.EventMessage<?>>> interceptors) {
        configurer.eventProcessing(processing -> {
            interceptors.forEach(interceptor -> processing.registerHandlerInterceptor(group, c -> interceptor));
            processing.registerTrackingEventProcessor(group, c -> c.eventStore(), c -> TrackingEventProcessorConfiguration
                            .forSingleThreadedProcessing()
                            .andBatchSize(config.projectionBatchSize())
                            .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                    .registerTokenStore(group, c -> new InMemoryTokenStore())
                    // it writes nothing durable: no database transaction per batch
                    .registerTransactionManager(group, c -> NoTransactionManager.INSTANCE);
            handlers.forEach(processing::registerEventHandler);
        });
    }

    /**
     * A processor whose handlers act on the outside world (LiveKit calls): one position shared
     * by the cluster, so one node acts on each event; it starts at the head of the log the first
     * time and is never replayed (it is no projection).
     */
    public void sideEffectProcessor(Configurer configurer, String group,
                                    Function<org.axonframework.config.Configuration, Object> handler) {
        configurer.eventProcessing(processing -> deadLettered(processing, group)
                .registerTrackingEventProcessor(group, c -> c.eventStore(), c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        // batched like projections (one token write per batch, not per event); a retried
                        // batch repeats its side effects, so they must be idempotent
                        .andBatchSize(config.projectionBatchSize())
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken)
                        .andTokenClaimInterval(claimIntervalMs, java.util.concurrent.TimeUnit.MILLISECONDS))
                .registerEventHandler(guarded(group, handler)));
    }

    /**
     * A projection in its own tracking processor: its table writes and its token commit in
     * one transaction, and REST replies can wait for it through {@link ReadYourWrites}.
     */
    public void projection(Configurer configurer, String group,
                           Function<org.axonframework.config.Configuration, Object> handler) {
        configurer.eventProcessing(processing -> deadLettered(processing, group)
                .registerTrackingEventProcessor(group, c -> c.eventStore(), c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andBatchSize(config.projectionBatchSize())
                        .andTokenClaimInterval(claimIntervalMs, java.util.concurrent.TimeUnit.MILLISECONDS))
                .registerHandlerInterceptor(group, c -> readYourWrites.interceptor(group))
                .registerEventHandler(guarded(group, handler)));
    }

    /** Bounded retries and dead letters for the handlers of {@code retries} (see {@link HandlerRetries}). */
    public HandlerRetries retries() {
        return deadLetters.retries();
    }

    /**
     * A failing handler is retried, then its event is dead-lettered and the processor goes on;
     * for processors registered by hand, with their handlers through {@link #guarded}.
     */
    public org.axonframework.config.EventProcessingConfigurer deadLettered(
            org.axonframework.config.EventProcessingConfigurer processing, String group) {
        deadLetters.register(processing, group);
        return processing;
    }

    public Function<org.axonframework.config.Configuration, Object> guarded(
            String group, Function<org.axonframework.config.Configuration, Object> handler) {
        return c -> {
            Object instance = handler.apply(c);
            deadLetters.retries().guard(instance.getClass(), group);
            return instance;
        };
    }
}
