package io.parley.platform.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.platform.config.ParleyConfig;
import io.parley.platform.json.Jackson;
import io.parley.platform.storage.ThreadBoundTransactions;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.LoggingDuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Axon 4 configured without Spring: JDBC event store and token store on PostgreSQL with
 * JSON payloads, an asynchronous command bus so event loops never run a command, and
 * tracking processors for projections.
 */
public final class AxonRuntime implements AutoCloseable {
    private final Configuration configuration;
    private final ExecutorService commandThreads;
    private final EventStorageEngine storageEngine;
    private final WakeableEventStore eventStore;
    private final String nodeId;
    private final DeadLetterQueues deadLetters;

    private AxonRuntime(Configuration configuration, ExecutorService commandThreads, EventStorageEngine storageEngine,
                        WakeableEventStore eventStore, String nodeId, DeadLetterQueues deadLetters) {
        this.nodeId = nodeId;
        this.deadLetters = deadLetters;
        this.configuration = configuration;
        this.commandThreads = commandThreads;
        this.storageEngine = storageEngine;
        this.eventStore = eventStore;
    }

    /**
     * How this node shares the event log: its name in token claims, how often it reads events
     * other nodes wrote, and how fast it takes over a projection another node stopped claiming.
     */
    public record LogSharing(String nodeId, long pollIntervalMs, long claimTimeoutMs, long claimIntervalMs) {
        public static LogSharing singleNode() {
            return new LogSharing(ManagementFactory.getRuntimeMXBean().getName(), 1000, 10_000, 5000);
        }
    }

    public static AxonRuntime start(ParleyConfig.Axon config, ThreadBoundTransactions transactions,
                                    MeterRegistry meters, ReadYourWrites readYourWrites, List<DomainModule> modules) {
        return start(config, LogSharing.singleNode(), transactions, meters, readYourWrites, modules);
    }

    public static AxonRuntime start(ParleyConfig.Axon config, LogSharing sharing, ThreadBoundTransactions transactions,
                                    MeterRegistry meters, ReadYourWrites readYourWrites, List<DomainModule> modules) {
        Serializer events = JacksonSerializer.builder().objectMapper(Jackson.newMapper()).lenientDeserialization().build();
        Serializer snapshots = JacksonSerializer.builder().objectMapper(fieldMapper()).lenientDeserialization().build();
        ExecutorService commandThreads = Executors.newFixedThreadPool(config.commandThreads(), named("axon-command-"));
        EventStorageEngine storageEngine = JdbcEventStorageEngine.builder()
                .connectionProvider(transactions)
                .transactionManager(transactions)
                .eventSerializer(events)
                .snapshotSerializer(snapshots)
                .persistenceExceptionResolver(new DuplicateKeyResolver())
                .build();

        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> snapshots)
                .configureEventSerializer(c -> events)
                .configureMessageSerializer(c -> events)
                .configureTransactionManager(c -> transactions)
                .configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider(AuditReasons.KEY)))
                .configureEventStore(c -> {
                    WakeableEventStore store = new WakeableEventStore(WakeableEventStore.builder()
                            .storageEngine(storageEngine)
                            .messageMonitor(c.messageMonitor(WakeableEventStore.class, "eventStore"))
                            .fetchDelay(sharing.pollIntervalMs()));
                    c.onShutdown(store::shutDown);
                    return store;
                })
                .configureCommandBus(c -> commandBus(c, commandThreads, meters))
                .eventProcessing(processing -> processing.registerTokenStore(c -> JdbcTokenStore.builder()
                        .connectionProvider(transactions)
                        .serializer(events)
                        .nodeId(sharing.nodeId())
                        .claimTimeout(Duration.ofMillis(sharing.claimTimeoutMs()))
                        .build()));
        HandlerRetries retries = new HandlerRetries(transactions, config.handlerRetries(), config.handlerRetryBackoffMs());
        configurer.registerHandlerEnhancerDefinition(c -> retries);
        DeadLetterQueues deadLetters = new DeadLetterQueues(transactions, events, retries, config.deadLetterLimit());
        AxonWiring wiring = new AxonWiring(config, transactions, readYourWrites, sharing.claimIntervalMs(), deadLetters);
        modules.forEach(module -> module.configure(configurer, wiring));
        Configuration configuration = configurer.buildConfiguration();
        configuration.start();
        return new AxonRuntime(configuration, commandThreads, storageEngine,
                (WakeableEventStore) configuration.eventStore(), sharing.nodeId(), deadLetters);
    }

    /** The custom bus needs by hand what DefaultConfigurer adds only to its own bus. */
    private static CommandBus commandBus(Configuration c, ExecutorService executor, MeterRegistry meters) {
        AsynchronousCommandBus bus = AsynchronousCommandBus.builder()
                .executor(executor)
                .transactionManager(c.getComponent(TransactionManager.class))
                .messageMonitor(new MultiMessageMonitor<>(
                        c.messageMonitor(AsynchronousCommandBus.class, "commandBus"), new CommandTimers(meters)))
                .duplicateCommandHandlerResolver(c.getComponent(DuplicateCommandHandlerResolver.class, LoggingDuplicateCommandHandlerResolver::instance))
                .build();
        bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(c.correlationDataProviders()));
        return bus;
    }

    /** Snapshots store aggregate state, which lives in private fields. */
    private static ObjectMapper fieldMapper() {
        return Jackson.newMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public CommandGateway commandGateway() {
        return configuration.commandGateway();
    }

    /** This node's name in the token store's claims ({@code tokenentry.owner}). */
    public String nodeId() {
        return nodeId;
    }

    /** The processors that dead-letter events their handlers keep failing on. */
    public DeadLetterQueues deadLetters() {
        return deadLetters;
    }

    public EventStorageEngine storageEngine() {
        return storageEngine;
    }

    public WakeableEventStore eventStore() {
        return eventStore;
    }

    public Configuration configuration() {
        return configuration;
    }

    /** Lets in-flight commands finish, then stops processors. */
    @Override
    public void close() throws InterruptedException {
        commandThreads.shutdown();
        commandThreads.awaitTermination(10, TimeUnit.SECONDS);
        configuration.shutdown();
    }
}
