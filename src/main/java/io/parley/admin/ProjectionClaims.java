package io.parley.admin;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.stream.StreamSupport;

/** Which nodes claim a processor's segments, from Axon's token store ({@code tokenentry.owner}). */
final class ProjectionClaims {
    private final Pool pool;
    private final String nodeId;

    ProjectionClaims(Pool pool, String nodeId) {
        this.pool = pool;
        this.nodeId = nodeId;
    }

    /** Owners of the processor's segments other than this node; empty when this node holds them or none is held. */
    Future<List<String>> otherOwners(String processor) {
        return pool.preparedQuery("SELECT DISTINCT owner FROM tokenentry WHERE processorname = $1 AND owner IS NOT NULL")
                .execute(Tuple.of(processor))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map((Row row) -> row.getString("owner"))
                        .filter(owner -> !owner.equals(nodeId))
                        .sorted().toList());
    }
}
