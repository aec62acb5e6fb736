package com.aimedia.gateway.platform.mongo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a replica read from MongoDB a moment ago, answered again instead of reading once
 * more: a short per-replica cache for data read on every request and changed rarely (API
 * keys, tenant settings). A write through this replica forgets the entry at once, and a
 * read that overlapped such a write is not kept (it may predate the write), so a change
 * holds at once on the replica that made it and within {@code keepFor} on the others.
 * Only values found are kept: something missing is read again each time, so a new key or
 * tenant works at once everywhere.
 *
 * @param <K> what a value is looked up by
 * @param <V> the value
 */
public final class RecentReads<K, V> {

    private final Duration keepFor;

    private final int maxEntries;

    private final Clock clock;

    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();

    private final Object writeLock = new Object();

    /** Writes through this replica so far (guarded by writeLock). */
    private long writes;

    private record Kept<V>(V value, Instant readAt) {
    }

    /**
     * @param keepFor how long a value is answered from memory; zero reads every time
     * @param maxEntries beyond this many the cache starts over (a bound on memory, not an
     * eviction policy: the values are cheap to read again)
     */
    public RecentReads(Duration keepFor, int maxEntries, Clock clock) {
        if (keepFor.isNegative()) {
            throw new IllegalArgumentException("keepFor must not be negative, was " + keepFor);
        }
        this.keepFor = keepFor;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /**
     * @return the value read at most {@code keepFor} ago, or what {@code read} finds now
     */
    public Optional<V> get(K key, Function<K, Optional<V>> read) {
        Instant now = clock.instant();
        Kept<V> recent = kept.get(key);
        if (recent != null && now.isBefore(recent.readAt().plus(keepFor))) {
            return Optional.of(recent.value());
        }
        long writesBefore = writes();
        Optional<V> found = read.apply(key);
        if (found.isPresent() && keepFor.isPositive()) {
            synchronized (writeLock) {
                if (writes == writesBefore) {
                    if (kept.size() >= maxEntries) {
                        kept.clear();
                    }
                    kept.put(key, new Kept<>(found.get(), now));
                }
            }
        }
        return found;
    }

    /** A write through this replica changed the value of {@code key}. */
    public void forget(K key) {
        synchronized (writeLock) {
            writes++;
            kept.remove(key);
        }
    }

    /**
     * A write through this replica changed values it cannot name by key (say, a key
     * revoked by its id, cached by its hash).
     */
    public void forgetAll() {
        synchronized (writeLock) {
            writes++;
            kept.clear();
        }
    }

    private long writes() {
        synchronized (writeLock) {
            return writes;
        }
    }

}
