package io.parley.platform.id;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Mints snowflake IDs: {@code (ms since 2015-01-01) << 22 | worker << 17 | process << 12 | sequence}.
 * IDs from one generator strictly increase even when the wall clock steps back: it then keeps
 * counting on the last timestamp it used, borrowing the next millisecond when a sequence fills.
 */
public final class Snowflakes {
    public static final long DISCORD_EPOCH_MS = 1_420_070_400_000L;
    private static final long SEQUENCE_MASK = 0xFFF;

    private final long nodeBits;
    private final LongSupplier clock;
    private final AtomicLong last = new AtomicLong();

    public Snowflakes(int workerId, int processId) {
        this(workerId, processId, System::currentTimeMillis);
    }

    public Snowflakes(int workerId, int processId, LongSupplier epochMillisClock) {
        if (workerId < 0 || workerId > 31 || processId < 0 || processId > 31) {
            throw new IllegalArgumentException("worker and process ids are 0-31");
        }
        this.nodeBits = ((long) workerId << 17) | ((long) processId << 12);
        this.clock = epochMillisClock;
    }

    public long next() {
        while (true) {
            long previous = last.get();
            long now = clock.getAsLong() - DISCORD_EPOCH_MS;
            long previousTime = previous >>> 22;
            long time;
            long sequence;
            if (now > previousTime) {
                time = now;
                sequence = 0;
            } else if ((previous & SEQUENCE_MASK) < SEQUENCE_MASK) {
                time = previousTime;
                sequence = (previous & SEQUENCE_MASK) + 1;
            } else {
                time = previousTime + 1;
                sequence = 0;
            }
            long id = (time << 22) | nodeBits | sequence;
            if (last.compareAndSet(previous, id)) {
                return id;
            }
        }
    }

    public static Instant timestampOf(long id) {
        return Instant.ofEpochMilli((id >>> 22) + DISCORD_EPOCH_MS);
    }

    /** The smallest ID that could have been minted at {@code instant}: a pagination bound. */
    public static long lowestAt(Instant instant) {
        return (instant.toEpochMilli() - DISCORD_EPOCH_MS) << 22;
    }
}
