package io.parley.admin;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A replay stops its processor, which releases the claim; in a cluster another node may claim
 * the segment before the reset does. The reset takes the claim back and rebuilds anyway.
 */
class ClaimedResetTest {
    private static final String OTHER_NODE = "node-that-claimed-in-between";

    @Test
    void aResetTakesBackAClaimAnotherNodeTookWhileTheProcessorWasStopped(@TempDir Path dataDir) throws Exception {
        try (TestParley parley = TestParley.start(dataDir, Map.of())) {
            ApiClient api = parley.client();
            Account owner = api.register("correct horse battery");
            Guild guild = Guilds.create(api, owner, "Claimed");
            for (int i = 0; i < 5; i++) {
                api.post(API + "/channels/" + guild.generalChannelId() + "/messages",
                        new JsonObject().put("content", "message " + i), owner.token());
            }
            var axon = parley.node().axon();
            TrackingEventProcessor messages = axon.configuration().eventProcessingConfiguration()
                    .eventProcessor("messages", TrackingEventProcessor.class).orElseThrow();

            messages.shutDown();
            setOwner(parley, OTHER_NODE);
            assertThrows(UnableToClaimTokenException.class, messages::resetTokens,
                    "a plain reset fails while the other node holds the claim");

            new ClaimedReset(parley.node().storage().transactions(), axon.nodeId()).reset(messages);
            messages.start();

            assertEquals(axon.nodeId(), owner(parley), "the claim is this node's again");
            long deadline = System.currentTimeMillis() + 30_000;
            while (!ProjectionPositions.caughtUp(messages) && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(5, api.get(API + "/channels/" + guild.generalChannelId() + "/messages?limit=10",
                    owner.token()).jsonArray().size(), "the rebuilt projection answers with every message");
        }
    }

    private static void setOwner(TestParley parley, String owner) throws Exception {
        try (Connection connection = parley.node().storage().dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE tokenentry SET owner = ? WHERE processorname = 'messages'")) {
            update.setString(1, owner);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static String owner(TestParley parley) throws Exception {
        try (Connection connection = parley.node().storage().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT owner FROM tokenentry WHERE processorname = 'messages'");
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getString(1);
        }
    }
}
