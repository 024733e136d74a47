package org.rekey.application.service.apikey;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.rekey.application.apikey.ApiKey;

/**
 * Stored API keys that recently matched a token, by token id, each kept for at most {@code ttl}, so that a
 * busy token costs one database read per interval rather than one per request. Only keys that were valid
 * when read are kept: an unknown id is read again every time, and a revocation made by another process is
 * seen once the entry expires. A revocation on this instance calls {@link #invalidate(String)} at once.
 * The secret is still compared against the stored hash on every request.
 */
public final class VerifiedKeyCache {

    /** At most this many tokens are kept; past it the cache starts empty again (one read per token). */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(ApiKey key, long readAt) {
    }

    /** A reading taken before a store read: the clock, and how many invalidations had happened. */
    record Ticket(long readAt, long generation) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong invalidations = new AtomicLong();

    public VerifiedKeyCache(Duration ttl, LongSupplier nanoClock) {
        if (ttl.isNegative() || ttl.compareTo(Duration.ofSeconds(1)) >= 0) {
            throw new IllegalArgumentException("a verified token may be cached for under one second");
        }
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    /** A key kept for {@code id} and still fresh. */
    Optional<ApiKey> fresh(String id) {
        Entry entry = entries.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoClock.getAsLong() - entry.readAt() >= ttlNanos) {
            entries.remove(id, entry);
            return Optional.empty();
        }
        return Optional.of(entry.key());
    }

    /** Taken before reading the store, so that a key read before a revocation here is not kept after it. */
    Ticket ticket() {
        return new Ticket(nanoClock.getAsLong(), invalidations.get());
    }

    /** Keeps {@code key}, read from the store after {@code ticket} was taken, unless an invalidation came since. */
    void keep(ApiKey key, Ticket ticket) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key.id(), new Entry(key, ticket.readAt()));
        if (invalidations.get() != ticket.generation()) {
            entries.remove(key.id());
        }
    }

    /** Forgets {@code id}: its next use reads the store. */
    public void invalidate(String id) {
        if (id != null) {
            invalidations.incrementAndGet();
            entries.remove(id);
        }
    }
}
