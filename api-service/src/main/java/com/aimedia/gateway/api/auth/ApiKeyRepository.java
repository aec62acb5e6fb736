package com.aimedia.gateway.api.auth;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.aimedia.gateway.auth.apikey.ApiKeyHash;
import com.aimedia.gateway.auth.apikey.BearerAuthenticator;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * {@code api_keys}: {@code {_id: hex sha256 of the key, tenant_id, name, created_at}}. Keys are never stored. This
 * service owns the collection and writes it; reading a key is the shared {@link BearerAuthenticator}'s job.
 */
@Repository
class ApiKeyRepository {

    private final MongoCollection<Document> keys;

    ApiKeyRepository(MongoDatabase database) {
        this.keys = database.getCollection(BearerAuthenticator.COLLECTION);
        keys.createIndex(Indexes.ascending("tenant_id"));
    }

    /** Registers a key for a tenant, or moves it to that tenant; the creation time of an existing key is kept. */
    void upsert(String apiKey, String tenantId, String name, Instant now) {
        keys.updateOne(Filters.eq("_id", ApiKeyHash.of(apiKey)),
                Updates.combine(Updates.set("tenant_id", tenantId), Updates.set("name", name),
                        Updates.setOnInsert("created_at", Date.from(now))),
                new UpdateOptions().upsert(true));
    }
}
