package io.parley.voice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * RoomService calls of the {@link VoiceEnforcer}, tried again when they fail: after 0.5 s,
 * then doubling up to 15 s apart, until {@code voice.enforce_retry_ms} after the first failure
 * (then given up, logged as an error). A retry runs on a thread of its own, so the enforcer's
 * processor goes on with later events meanwhile. Before each retry the call checks the current
 * state and is dropped when it is no longer wanted (the participant left, the member moved or
 * was unmuted); a newer call for the same participant replaces a pending one. Pending retries
 * live in memory only: a node that stops forgets them.
 */
final class EnforcementRetries implements AutoCloseable {
    static final long FIRST_DELAY_MS = 500;
    static final long MAX_DELAY_MS = 15_000;
    private static final Logger log = LoggerFactory.getLogger(EnforcementRetries.class);

    enum Kind { REMOVE, UPDATE }

    /** One participant's pending call of one kind. */
    record Key(Kind kind, String room, String identity) {
    }

    /** A RoomService call that can tell whether it is still wanted. */
    interface Call {
        /** False once the state it enforced has changed; throwing means "cannot tell" (the call is made). */
        boolean stillWanted() throws Exception;

        void send() throws Exception;
    }

    private final class Attempt implements Runnable {
        final Key key;
        final Call call;
        final long firstFailedAt;
        final int number;

        Attempt(Key key, Call call, long firstFailedAt, int number) {
            this.key = key;
            this.call = call;
            this.firstFailedAt = firstFailedAt;
            this.number = number;
        }

        @Override
        public void run() {
            if (pending.get(key) != this) {
                return; // replaced by a newer call for the participant, or that one succeeded
            }
            try {
                if (!call.stillWanted()) {
                    pending.remove(key, this);
                    obsolete.increment();
                    log.info("dropped the retry of {} {} in {}: no longer wanted", key.kind(), key.identity(),
                            key.room());
                    return;
                }
            } catch (Exception cannotTell) {
                // make the call: it is idempotent
            }
            retried.increment();
            try {
                call.send();
                pending.remove(key, this);
                recovered.increment();
                log.info("{} {} in {} reached LiveKit on retry {}", key.kind(), key.identity(), key.room(), number);
            } catch (Exception failure) {
                failed.increment();
                schedule(key, call, firstFailedAt, number + 1, failure, this);
            }
        }
    }

    private final long budgetMs;
    private final Map<Key, Attempt> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "parley-voice-retries");
        thread.setDaemon(true);
        return thread;
    });
    private final Counter failed;
    private final Counter retried;
    private final Counter recovered;
    private final Counter obsolete;
    private final Counter givenUp;

    EnforcementRetries(long budgetMs, MeterRegistry meters) {
        this.budgetMs = budgetMs;
        failed = counter(meters, "failed", "RoomService calls that failed (first tries and retries)");
        retried = counter(meters, "retried", "retries made");
        recovered = counter(meters, "recovered", "retries that reached LiveKit");
        obsolete = counter(meters, "obsolete", "retries dropped because the state had moved on");
        givenUp = counter(meters, "given_up", "calls abandoned after voice.enforce_retry_ms");
        Gauge.builder("parley_voice_enforcement_pending", pending, Map::size)
                .description("Failed LiveKit enforcement calls waiting for their retry").register(meters);
    }

    private static Counter counter(MeterRegistry meters, String outcome, String description) {
        return Counter.builder("parley_voice_enforcement_calls").tag("outcome", outcome)
                .description("LiveKit enforcement calls by outcome: " + description).register(meters);
    }

    /** Makes the call now (on the caller's thread); a failure is retried later. */
    void call(Key key, Call call) {
        try {
            call.send();
            succeeded(key);
        } catch (Exception failure) {
            failed.increment();
            schedule(key, call, System.currentTimeMillis(), 1, failure, null);
        }
    }

    /** A removal that went through makes a pending permission update of that participant moot. */
    private void succeeded(Key key) {
        pending.remove(key);
        if (key.kind() == Kind.REMOVE) {
            pending.remove(new Key(Kind.UPDATE, key.room(), key.identity()));
        }
    }

    /** {@code previous}: the retry that failed, null for a first try (which replaces any older retry). */
    private void schedule(Key key, Call call, long firstFailedAt, int number, Exception failure, Attempt previous) {
        long delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS << Math.min(number - 1, 20));
        if (System.currentTimeMillis() + delay - firstFailedAt > budgetMs) {
            if (previous == null) {
                pending.remove(key);
            } else {
                pending.remove(key, previous);
            }
            givenUp.increment();
            log.error("gave up on {} {} in {} after {} attempts: {}", key.kind(), key.identity(), key.room(), number,
                    failure.toString());
            return;
        }
        log.warn("{} {} in {} failed (attempt {}), retrying in {} ms: {}", key.kind(), key.identity(), key.room(),
                number, delay, failure.toString());
        Attempt attempt = new Attempt(key, call, firstFailedAt, number);
        if (previous == null) {
            pending.put(key, attempt);
        } else if (!pending.replace(key, previous, attempt)) {
            return; // a newer call for the participant took over meanwhile
        }
        try {
            scheduler.schedule(attempt, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            pending.remove(key, attempt);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        pending.clear();
    }
}
