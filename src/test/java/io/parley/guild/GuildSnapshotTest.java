package io.parley.guild;

import io.parley.testing.ApiClient;
import io.parley.testing.ApiClient.Account;
import io.parley.testing.Guilds;
import io.parley.testing.Guilds.Guild;
import io.parley.testing.SharedParley;
import io.parley.testing.TestParley;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static io.parley.testing.ApiClient.API;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A busy guild is snapshotted, and what the snapshot holds still decides later commands. */
@ExtendWith(SharedParley.class)
class GuildSnapshotTest {

    @Test
    void aGuildPastTheSnapshotThresholdKeepsItsState(TestParley parley) throws Exception {
        ApiClient api = parley.client();
        Account owner = api.register("correct horse battery");
        Guild guild = Guilds.create(api, owner, "Busy");
        String channels = API + "/guilds/" + guild.id() + "/channels";
        String category = api.post(channels, new JsonObject().put("name", "cat").put("type", 4), owner.token())
                .json().getString("id");
        for (int i = 0; i < 105; i++) {
            assertEquals(200, api.patch(API + "/channels/" + guild.generalChannelId(),
                    new JsonObject().put("topic", "topic " + i), owner.token()).status());
        }
        assertTrue(snapshots(parley, guild.id()) > 0, "the guild was snapshotted");

        assertEquals(400, api.post(channels, new JsonObject().put("name", "x").put("parent_id", guild.generalChannelId()),
                owner.token()).status(), "the snapshot still knows the text channel is no category");
        assertEquals(201, api.post(channels, new JsonObject().put("name", "y").put("parent_id", category),
                owner.token()).status(), "and that the category is one");
        assertEquals("topic 104", api.get(API + "/channels/" + guild.generalChannelId(), owner.token()).json()
                .getString("topic"));
    }

    private static int snapshots(TestParley parley, String aggregateId) throws Exception {
        try (Connection connection = parley.node().storage().dataSource().getConnection();
             Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery(
                     "SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = '" + Long.parseLong(aggregateId) + "'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
