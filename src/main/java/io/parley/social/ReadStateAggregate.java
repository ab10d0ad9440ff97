package io.parley.social;

import io.parley.social.ReadStateMessages.AckMessage;
import io.parley.social.ReadStateMessages.MessageAcked;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/** How far one user has read in each channel. An ack never moves the marker backwards. */
public class ReadStateAggregate {
    @AggregateIdentifier
    private String readStateId;
    private final Map<Long, Long> lastAcked = new HashMap<>();

    protected ReadStateAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Long handle(AckMessage c) {
        readStateId = c.readStateId();
        if (c.messageId() > lastAcked.getOrDefault(c.channelId(), 0L)) {
            apply(new MessageAcked(readStateId, c.userId(), c.channelId(), c.messageId(), c.at()));
        }
        return getVersion();
    }

    @EventSourcingHandler
    void on(MessageAcked e) {
        readStateId = e.readStateId();
        lastAcked.put(e.channelId(), e.messageId());
    }
}
