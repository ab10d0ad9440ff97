package io.parley.load;

import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.core.stats.StatsEngine;
import io.gatling.javaapi.core.ActionBuilder;
import scala.Option;
import scala.collection.immutable.List$;

/**
 * Timings Gatling cannot see by itself (a message's trip from one user's POST to another user's
 * socket), logged into Gatling's own statistics so they appear in the report and in assertions
 * like any request. The Java DSL has no public hook for this, so {@link #capture()} is a no-op
 * action whose build step keeps a reference to the run's stats engine (Gatling's Scala API,
 * the one custom protocols use).
 */
public final class Stats {
    private static volatile StatsEngine engine;

    private Stats() {
    }

    /** Put this in every scenario that calls {@link #record}; it adds no step to the scenario. */
    public static ActionBuilder capture() {
        return () -> (io.gatling.core.action.builder.ActionBuilder) (context, next) -> {
            engine = context.coreComponents().statsEngine();
            return next;
        };
    }

    /** Logs one timed outcome under {@code name}, as if it were a request of {@code scenario}. */
    public static void record(String scenario, String name, long startMillis, long endMillis, boolean ok,
                              String failure) {
        StatsEngine current = engine;
        if (current == null) {
            throw new IllegalStateException("Stats.capture() is missing from the scenario");
        }
        current.logResponse(scenario, List$.MODULE$.empty(), name, startMillis, endMillis,
                ok ? OK$.MODULE$ : KO$.MODULE$, Option.empty(), ok ? Option.empty() : Option.apply(failure));
    }
}
