package com.aimedia.gateway.api.tenants;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import com.aimedia.gateway.platform.mongo.RecentReads;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * {@code tenants}:
 * {@code {_id: tenant id, name, created_at, limits: {requests_per_second, tasks_in_flight,
 * key_requests_per_second, key_tasks_in_flight}, model_access: {providers, models,
 * replicate_owners}}}, absent values meaning the defaults. Owned and written by this
 * service. The settings are read on every request (the rate limits, then the submit's
 * model access and in-flight limit) through a short cache
 * ({@code gateway.api.tenant-settings-cache}, 1s by default) that every write through
 * this replica clears: a change holds at once on the replica that made it and within the
 * cache time on the others.
 */
@Repository
public class TenantRepository {

    /**
     * Tenant ids appear inside other keys ({@code idempotency_keys} ids are
     * {@code tenant + ":" + key}), so they may not contain the separator or anything else
     * surprising.
     */
    public static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    /** More tenants than this are not cached all at once; the cache starts over. */
    static final int MAX_CACHED = 10_000;

    private final MongoCollection<Document> tenants;

    private final RecentReads<String, TenantRecord> recent;

    TenantRepository(MongoDatabase database, TenantSettingsProperties properties, Clock clock) {
        this.tenants = database.getCollection("tenants");
        this.recent = new RecentReads<>(properties.tenantSettingsCache(), MAX_CACHED, clock);
    }

    /**
     * @return empty if a tenant with this id exists already
     */
    public Optional<TenantRecord> create(TenantRecord tenant) {
        try {
            tenants.insertOne(TenantDocuments.toDocument(tenant));
            return Optional.of(tenant);
        }
        catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
        finally {
            changed(tenant.id());
        }
    }

    /** Registers a tenant unless it exists (the development tenant at start-up). */
    public void ensure(String id, String name, Instant now) {
        tenants.updateOne(Filters.eq("_id", id),
                Updates.combine(Updates.setOnInsert("name", name), Updates.setOnInsert("created_at", Date.from(now))),
                new UpdateOptions().upsert(true));
        changed(id);
    }

    public Optional<TenantRecord> find(String id) {
        return Optional.ofNullable(tenants.find(Filters.eq("_id", id)).first()).map(TenantDocuments::toRecord);
    }

    /**
     * The tenant's settings, read at most {@code gateway.api.tenant-settings-cache} ago;
     * the defaults for a tenant that was never registered.
     */
    public TenantRecord settings(String id) {
        return recent
            .get(id, tenantId -> Optional.of(find(tenantId).orElseGet(() -> TenantRecord.unregistered(tenantId))))
            .orElseThrow();
    }

    private void changed(String id) {
        recent.forget(id);
    }

    public List<TenantRecord> list() {
        List<TenantRecord> all = new ArrayList<>();
        tenants.find().sort(Sorts.ascending("_id")).forEach(document -> all.add(TenantDocuments.toRecord(document)));
        return all;
    }

    /**
     * Replaces name, limits and model access with the given ones (already merged with the
     * current values).
     */
    public Optional<TenantRecord> update(String id, @Nullable String name, TenantLimits limits, ModelAccess access) {
        Document replacement = TenantDocuments.settings(limits, access);
        if (name != null) {
            replacement.append("name", name);
        }
        try {
            return Optional
                .ofNullable(tenants.findOneAndUpdate(Filters.eq("_id", id), new Document("$set", replacement),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(TenantDocuments::toRecord);
        }
        finally {
            changed(id);
        }
    }

}
