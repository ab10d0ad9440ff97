package io.parley.admin;

import io.parley.platform.storage.ThreadBoundTransactions;
import org.axonframework.eventhandling.TrackingEventProcessor;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Resets a stopped processor's tokens on the node that held them. Stopping a processor
 * releases its claims, and another node's processor polling for unclaimed segments may take
 * one before the reset claims it again; the reset would then fail. So the reset first takes
 * the claims back, in its own transaction: that node's next token update finds the claim
 * gone and rolls its batch back, and the reset empties the tables regardless.
 */
final class ClaimedReset {
    private final ThreadBoundTransactions transactions;
    private final String nodeId;

    ClaimedReset(ThreadBoundTransactions transactions, String nodeId) {
        this.transactions = transactions;
        this.nodeId = nodeId;
    }

    void reset(TrackingEventProcessor processor) {
        transactions.executeInTransaction(() -> {
            retakeClaims(processor.getName());
            processor.resetTokens();
        });
    }

    private void retakeClaims(String processorName) {
        try (PreparedStatement update = transactions.getConnection()
                .prepareStatement("UPDATE tokenentry SET owner = ? WHERE processorname = ?")) {
            update.setString(1, nodeId);
            update.setString(2, processorName);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take back the claims of " + processorName, e);
        }
    }
}
