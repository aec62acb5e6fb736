package com.aimedia.gateway.workers.outputs;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.setOnInsert;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.OptionalLong;

import org.bson.Document;

import com.aimedia.gateway.storage.StorageProperties;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.UpdateOptions;

/**
 * Output bytes each tenant stored per UTC day, in {@code storage_usage}
 * ({@code _id = <tenant>|<yyyy-mm-dd>}, owned by provider-workers). The check before a
 * copy caps that copy at what is left, so concurrent copies of one tenant can pass the
 * limit by at most what they stored between check and count; one atomic {@code $inc} per
 * output counts it.
 */
final class DailyQuota {

    private final MongoCollection<Document> usage;

    private final StorageProperties.Quota limits;

    private final Clock clock;

    DailyQuota(MongoDatabase database, StorageProperties.Quota limits, Clock clock) {
        this.usage = database.getCollection("storage_usage");
        this.limits = limits;
        this.clock = clock;
    }

    /** Bytes the tenant may still store today; empty when it has no limit. */
    OptionalLong remaining(String tenantId) {
        OptionalLong limit = limits.dailyLimitFor(tenantId);
        if (limit.isEmpty()) {
            return limit;
        }
        Document today = usage.find(eq("_id", id(tenantId))).first();
        long used = today == null ? 0 : today.get("bytes", Number.class).longValue();
        return OptionalLong.of(Math.max(0, limit.getAsLong() - used));
    }

    void add(String tenantId, long bytes) {
        usage.updateOne(eq("_id", id(tenantId)), Updates.combine(inc("bytes", bytes),
                setOnInsert("tenant_id", tenantId), setOnInsert("day", Date.from(clock.instant()))),
                new UpdateOptions().upsert(true));
    }

    private String id(String tenantId) {
        return tenantId + "|" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

}
