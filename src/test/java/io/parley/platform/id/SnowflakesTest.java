package io.parley.platform.id;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnowflakesTest {
    private static final long T = Instant.parse("2026-11-28T12:00:00Z").toEpochMilli();

    @Test
    void layoutIsDiscordsWithItsEpoch() {
        Snowflakes ids = new Snowflakes(3, 5, () -> T);
        long id = ids.next();
        assertEquals(T - Snowflakes.DISCORD_EPOCH_MS, id >>> 22);
        assertEquals(3, (id >>> 17) & 0x1F);
        assertEquals(5, (id >>> 12) & 0x1F);
        assertEquals(0, id & 0xFFF);
        assertEquals(Instant.ofEpochMilli(T), Snowflakes.timestampOf(id));
    }

    @Test
    void knownDiscordIdDecodesToItsTime() {
        // Discord's documented example: 175928847299117063 was minted at 2016-04-30T11:18:25.796Z.
        assertEquals(Instant.parse("2016-04-30T11:18:25.796Z"), Snowflakes.timestampOf(175928847299117063L));
    }

    @Test
    void idsInOneMillisecondCountUp() {
        Snowflakes ids = new Snowflakes(0, 0, () -> T);
        long first = ids.next();
        assertEquals(first + 1, ids.next());
        assertEquals(first + 2, ids.next());
    }

    @Test
    void idsKeepIncreasingWhenTheClockStepsBack() {
        AtomicLong clock = new AtomicLong(T);
        Snowflakes ids = new Snowflakes(1, 1, clock::get);
        long before = ids.next();
        clock.set(T - 5_000);
        long after = ids.next();
        assertTrue(after > before, "after a backwards step");
        assertEquals(T - Snowflakes.DISCORD_EPOCH_MS, after >>> 22, "stays on the last timestamp used");
    }

    @Test
    void aFullSequenceBorrowsTheNextMillisecond() {
        Snowflakes ids = new Snowflakes(31, 31, () -> T);
        long last = 0;
        for (int i = 0; i < 4096; i++) {
            last = ids.next();
        }
        assertEquals(0xFFF, last & 0xFFF);
        long borrowed = ids.next();
        assertTrue(borrowed > last);
        assertEquals((T - Snowflakes.DISCORD_EPOCH_MS) + 1, borrowed >>> 22);
        assertEquals(31, (borrowed >>> 17) & 0x1F, "the worker bits are untouched");
        assertEquals(0, borrowed & 0xFFF);
    }

    @Test
    void workerAndProcessMustFitFiveBits() {
        assertThrows(IllegalArgumentException.class, () -> new Snowflakes(32, 0));
        assertThrows(IllegalArgumentException.class, () -> new Snowflakes(0, -1));
    }
}
