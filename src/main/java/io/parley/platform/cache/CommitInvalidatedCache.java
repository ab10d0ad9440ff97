package io.parley.platform.cache;

import io.vertx.core.Future;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A short-lived cache of read-model lookups that its owner invalidates when a projection commits
 * (see {@link io.parley.platform.axon.ReadYourWrites#onCommitted}). An entry lives at most
 * {@code ttlMillis}, bounding staleness when an invalidation cannot arrive (another node's
 * relay lost). A lookup that was in flight while an invalidation happened is not stored: it
 * may have read the table before the commit.
 */
public final class CommitInvalidatedCache<K, V> {
    private final long ttlNanos;
    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();

    public CommitInvalidatedCache(long ttlMillis, int maxEntries) {
        this.ttlNanos = ttlMillis * 1_000_000;
        this.maxEntries = maxEntries;
    }

    /** The cached value, or {@code load}'s, stored when {@code cacheable} accepts it. */
    public Future<V> get(K key, Supplier<Future<V>> load, Predicate<V> cacheable) {
        Entry<V> entry = entries.get(key);
        long now = System.nanoTime();
        if (entry != null && now - entry.loadedAt < ttlNanos) {
            return Future.succeededFuture(entry.value);
        }
        long before = epoch.get();
        return load.get().onSuccess(value -> {
            if (value != null && cacheable.test(value)) {
                if (entries.size() >= maxEntries) {
                    entries.clear();
                }
                entries.put(key, new Entry<>(value, now));
                if (epoch.get() != before) {
                    entries.remove(key);
                }
            }
        });
    }

    /** Forgets every entry, and every lookup in flight. Synchronous: the next {@link #get} reads the table. */
    public void invalidateAll() {
        epoch.incrementAndGet();
        entries.clear();
    }

    /** Forgets the entries whose value {@code matches}, and every lookup in flight. */
    public void invalidateIf(Predicate<V> matches) {
        epoch.incrementAndGet();
        entries.values().removeIf(entry -> matches.test(entry.value));
    }

    private record Entry<V>(V value, long loadedAt) {
    }
}
