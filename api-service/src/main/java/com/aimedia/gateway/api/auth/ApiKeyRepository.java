package com.aimedia.gateway.api.auth;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

import com.aimedia.gateway.auth.apikey.ApiKeyHash;
import com.aimedia.gateway.auth.apikey.BearerAuthenticator;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * {@code api_keys}:
 * {@code {_id: hex sha256 of the key, key_id, tenant_id, name, scopes?, hint, created_at,
 * revoked_at?, rotated_to?}}. Keys are never stored. This service owns the collection and
 * writes it; reading a key on a request is the shared {@link BearerAuthenticator}'s job,
 * which refuses a key once {@code revoked_at} is set: every write here makes this
 * replica's authenticator read keys again.
 */
@Repository
public class ApiKeyRepository {

    private static final String ID = "_id";

    private static final String NAME = "name";

    private static final String HINT = "hint";

    private static final String CREATED_AT = "created_at";

    private static final String ROTATED_TO = "rotated_to";

    private static final int SECRET_BYTES = 32;

    private final MongoCollection<Document> keys;

    private final SecureRandom random = new SecureRandom();

    private final BearerAuthenticator authenticator;

    ApiKeyRepository(MongoDatabase database, BearerAuthenticator authenticator) {
        this.keys = database.getCollection(BearerAuthenticator.COLLECTION);
        this.authenticator = authenticator;
        keys.createIndex(Indexes.ascending(BearerAuthenticator.TENANT_ID));
        keys.createIndex(Indexes.ascending(BearerAuthenticator.KEY_ID), new IndexOptions().unique(true).sparse(true));
    }

    /**
     * Registers a key for a tenant, or moves it to that tenant; the creation time of an
     * existing key is kept.
     */
    void upsert(String apiKey, String tenantId, String name, Instant now) {
        try {
            keys.updateOne(Filters.eq(ID, ApiKeyHash.of(apiKey)),
                    Updates.combine(Updates.set(BearerAuthenticator.TENANT_ID, tenantId), Updates.set(NAME, name),
                            Updates.unset(BearerAuthenticator.REVOKED_AT),
                            Updates.setOnInsert(BearerAuthenticator.KEY_ID, newKeyId()),
                            Updates.setOnInsert(HINT, hint(apiKey)), Updates.setOnInsert(CREATED_AT, Date.from(now))),
                    new UpdateOptions().upsert(true));
        }
        finally {
            authenticator.forgetKeys();
        }
    }

    /** A new key with a fresh secret; the secret is in the answer and nowhere else. */
    public IssuedKey create(String tenantId, String name, Collection<Scope> scopes, Instant now) {
        return insert(newKeyId(), tenantId, name, scopes, now);
    }

    private IssuedKey insert(String keyId, String tenantId, String name, Collection<Scope> scopes, Instant now) {
        String secret = "sk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(SECRET_BYTES));
        Document document = new Document(ID, ApiKeyHash.of(secret)).append(BearerAuthenticator.KEY_ID, keyId)
            .append(BearerAuthenticator.TENANT_ID, tenantId)
            .append(NAME, name)
            .append(HINT, hint(secret))
            .append(CREATED_AT, Date.from(now));
        if (!scopes.isEmpty()) {
            document.append(BearerAuthenticator.SCOPES,
                    scopes.stream().distinct().sorted().map(Scope::wireName).toList());
        }
        keys.insertOne(document);
        return new IssuedKey(toView(document), secret);
    }

    public List<ApiKeyView> list(String tenantId) {
        List<ApiKeyView> views = new ArrayList<>();
        keys.find(Filters.eq(BearerAuthenticator.TENANT_ID, tenantId))
            .sort(Sorts.ascending(CREATED_AT))
            .forEach(document -> views.add(toView(document)));
        return views;
    }

    public Optional<ApiKeyView> find(String tenantId, String keyId) {
        return Optional.ofNullable(keys.find(byKeyId(tenantId, keyId)).first()).map(ApiKeyRepository::toView);
    }

    public Optional<ApiKeyView> rename(String tenantId, String keyId, String name) {
        return update(byKeyId(tenantId, keyId), Updates.set(NAME, name));
    }

    /**
     * Revokes the key at once (idempotent: revoking again keeps the first revocation
     * time).
     */
    public Optional<ApiKeyView> revoke(String tenantId, String keyId, Instant now) {
        Optional<ApiKeyView> revoked = update(
                Filters.and(byKeyId(tenantId, keyId), Filters.exists(BearerAuthenticator.REVOKED_AT, false)),
                Updates.set(BearerAuthenticator.REVOKED_AT, Date.from(now)));
        return revoked.isPresent() ? revoked : find(tenantId, keyId);
    }

    /**
     * Revokes the key and issues its successor with the same tenant, name and scopes. The
     * revocation is the conditional write, so of two concurrent rotations only one issues
     * a successor.
     * @return empty if the key does not exist or is already revoked
     */
    public Optional<IssuedKey> rotate(String tenantId, String keyId, Instant now) {
        String successorId = newKeyId();
        Optional<ApiKeyView> old = update(
                Filters.and(byKeyId(tenantId, keyId), Filters.exists(BearerAuthenticator.REVOKED_AT, false)),
                Updates.combine(Updates.set(BearerAuthenticator.REVOKED_AT, Date.from(now)),
                        Updates.set(ROTATED_TO, successorId)));
        return old.map(view -> insert(successorId, tenantId, view.name(), view.scopes(), now));
    }

    /** Every change of a key goes through here (or {@link #upsert}). */
    private Optional<ApiKeyView> update(Bson filter, Bson update) {
        try {
            return Optional
                .ofNullable(keys.findOneAndUpdate(filter, update,
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(ApiKeyRepository::toView);
        }
        finally {
            authenticator.forgetKeys();
        }
    }

    private static Bson byKeyId(String tenantId, String keyId) {
        return Filters.and(Filters.eq(BearerAuthenticator.KEY_ID, keyId),
                Filters.eq(BearerAuthenticator.TENANT_ID, tenantId));
    }

    private static ApiKeyView toView(Document document) {
        List<String> scopes = document.getList(BearerAuthenticator.SCOPES, String.class, List.of());
        return new ApiKeyView(document.getString(BearerAuthenticator.KEY_ID),
                document.getString(BearerAuthenticator.TENANT_ID), document.getString(NAME),
                scopes.stream().flatMap(scope -> Scope.fromWire(scope).stream()).toList(), document.get(HINT, "sk_…"),
                instant(document.getDate(CREATED_AT)),
                nullableInstant(document.getDate(BearerAuthenticator.REVOKED_AT)), document.getString(ROTATED_TO));
    }

    private String newKeyId() {
        return "key_" + HexFormat.of().formatHex(randomBytes(12));
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String hint(String secret) {
        return secret.substring(0, Math.min(6, secret.length())) + "…"
                + secret.substring(Math.max(0, secret.length() - 4));
    }

    private static Instant instant(@Nullable Date date) {
        return date == null ? Instant.EPOCH : date.toInstant();
    }

    private static @Nullable Instant nullableInstant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }

}
