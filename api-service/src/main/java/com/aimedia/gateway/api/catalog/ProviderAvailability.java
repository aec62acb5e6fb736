package com.aimedia.gateway.api.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;

import com.aimedia.gateway.platform.readmodel.ProviderStatusReadModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Whether a provider can run tasks on this gateway, as provider-workers report it in
 * {@code provider_status} ({@code {_id: provider, configured: bool}}). A provider
 * reported unconfigured (no credentials) is refused at submit with a clear error; one
 * nobody has reported on yet is accepted (its worker may simply not have started).
 * Answers are cached briefly, so a submit does not cost an extra query each time.
 */
public final class ProviderAvailability {

    private static final Duration CACHE_FOR = Duration.ofSeconds(5);

    private final MongoCollection<Document> statuses;

    private final Clock clock;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public ProviderAvailability(MongoDatabase database, Clock clock) {
        this.statuses = database.getCollection(ProviderStatusReadModel.COLLECTION);
        this.clock = clock;
    }

    public boolean isReportedUnconfigured(String provider) {
        Instant now = clock.instant();
        Cached cached = cache.get(provider);
        if (cached == null || cached.until().isBefore(now)) {
            Document status = statuses.find(new Document(ProviderStatusReadModel.ID, provider)).first();
            cached = new Cached(
                    status != null && Boolean.FALSE.equals(status.getBoolean(ProviderStatusReadModel.CONFIGURED)),
                    now.plus(CACHE_FOR));
            cache.put(provider, cached);
        }
        return cached.unconfigured();
    }

    private record Cached(boolean unconfigured, Instant until) {
    }

}
