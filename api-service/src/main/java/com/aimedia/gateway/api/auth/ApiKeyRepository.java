package com.aimedia.gateway.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/** {@code api_keys}: {@code {_id: hex sha256 of the key, tenant_id, name, created_at}}. Keys are never stored. */
@Repository
class ApiKeyRepository {

    static final String COLLECTION = "api_keys";

    private final MongoCollection<Document> keys;

    ApiKeyRepository(MongoDatabase database) {
        this.keys = database.getCollection(COLLECTION);
        keys.createIndex(Indexes.ascending("tenant_id"));
    }

    Optional<String> findTenantId(String apiKey) {
        Document found = keys.find(Filters.eq("_id", hash(apiKey))).projection(Projections.include("tenant_id")).first();
        return Optional.ofNullable(found).map(document -> document.getString("tenant_id"));
    }

    /** Registers a key for a tenant, or moves it to that tenant; the creation time of an existing key is kept. */
    void upsert(String apiKey, String tenantId, String name, Instant now) {
        keys.updateOne(Filters.eq("_id", hash(apiKey)),
                Updates.combine(Updates.set("tenant_id", tenantId), Updates.set("name", name),
                        Updates.setOnInsert("created_at", Date.from(now))),
                new UpdateOptions().upsert(true));
    }

    static String hash(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
